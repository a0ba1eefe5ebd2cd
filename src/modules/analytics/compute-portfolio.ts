import { byText, mean, round } from './scoring.js';
import { dimensionKeys, type AuthenticityProfile, type DimensionKey, type FlagSeverity, type Verdict } from './types.js';

export type PortfolioEntry = { programme: string; title?: string; profile: AuthenticityProfile };

export type PortfolioSummary = {
  programmes: number;
  verdicts: Record<Verdict, number>;
  meanConfidence: number | null;
  dimensions: Array<{ key: DimensionKey; mean: number | null; min: number | null; max: number | null; measured: number }>;
  /** The measured dimension with the lowest mean: where the portfolio most needs work. */
  weakestDimension: DimensionKey | null;
  flags: Array<{ key: string; severity: FlagSeverity; programmes: string[] }>;
  ranking: Array<{ programme: string; title?: string; verdict: Verdict; confidence: number }>;
};

const VERDICT_RANK: Record<Verdict, number> = { genuine: 0, developing: 1, nominal: 2 };

/** Summarises the profiles of several programmes: verdicts, dimension ranges and recurring flags. */
export function computePortfolio(entries: readonly PortfolioEntry[]): PortfolioSummary {
  const verdicts: Record<Verdict, number> = { genuine: 0, developing: 0, nominal: 0 };
  for (const entry of entries) verdicts[entry.profile.verdict] += 1;

  const dimensions = dimensionKeys.map((key) => {
    const scores = entries
      .map((entry) => entry.profile.dimensions.find((dimension) => dimension.key === key)?.score ?? null)
      .filter((score): score is number => score !== null);
    const average = mean(scores);
    return {
      key,
      mean: average === null ? null : round(average, 1),
      min: scores.length > 0 ? Math.min(...scores) : null,
      max: scores.length > 0 ? Math.max(...scores) : null,
      measured: scores.length,
    };
  });
  let weakestDimension: DimensionKey | null = null;
  let weakestMean = Number.POSITIVE_INFINITY;
  for (const dimension of dimensions) {
    if (dimension.mean !== null && dimension.mean < weakestMean) {
      weakestMean = dimension.mean;
      weakestDimension = dimension.key;
    }
  }

  const flags = new Map<string, { key: string; severity: FlagSeverity; programmes: string[] }>();
  for (const entry of entries) {
    for (const raised of entry.profile.flags) {
      const summary = flags.get(raised.key) ?? { key: raised.key, severity: raised.severity, programmes: [] };
      summary.programmes.push(entry.programme);
      if (raised.severity === 'severe') summary.severity = 'severe';
      flags.set(raised.key, summary);
    }
  }

  const averageConfidence = mean(entries.map((entry) => entry.profile.confidence));
  return {
    programmes: entries.length,
    verdicts,
    meanConfidence: averageConfidence === null ? null : round(averageConfidence, 2),
    dimensions,
    weakestDimension,
    flags: [...flags.values()]
      .map((summary) => ({ ...summary, programmes: [...summary.programmes].sort(byText) }))
      .sort((a, b) => b.programmes.length - a.programmes.length || byText(a.key, b.key)),
    ranking: entries
      .map((entry) => ({
        programme: entry.programme,
        ...(entry.title === undefined ? {} : { title: entry.title }),
        verdict: entry.profile.verdict,
        confidence: entry.profile.confidence,
      }))
      .sort((a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || b.confidence - a.confidence || byText(a.programme, b.programme)),
  };
}
