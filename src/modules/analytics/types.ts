export const dimensionKeys = [
  'resources',
  'responsibility',
  'power',
  'subsidiarity',
  'communication',
  'learning',
  'perception',
  'agreement',
] as const;

export type DimensionKey = (typeof dimensionKeys)[number];

export type MetricValue = number | boolean | null;

export type Metric = { key: string; value: MetricValue; explanation: string };

export type Dimension = { key: DimensionKey; score: number | null; metrics: Metric[] };

export type FlagSeverity = 'info' | 'warning' | 'severe';

export type Flag = {
  key: string;
  severity: FlagSeverity;
  message: { en: string; fr: string };
  evidence: Record<string, unknown>;
};

export type Verdict = 'genuine' | 'developing' | 'nominal';

/** The authenticity profile exactly as the API and the CLI publish it. */
export type AuthenticityProfile = {
  verdict: Verdict;
  confidence: number;
  dimensions: Dimension[];
  flags: Flag[];
};

/**
 * What each dimension hands back: the published dimension, its flags, and how much of the
 * evidence it needs it had (0..1), or null when the dimension does not apply to this programme
 * (for instance subsidiarity when every decision is programme-wide).
 */
export type DimensionResult = { dimension: Dimension; flags: Flag[]; coverage: number | null };
