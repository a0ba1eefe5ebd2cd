import type { AnalysisContext } from './context.js';
import { byText, flag, round } from './scoring.js';
import type { DimensionKey, DimensionResult, Flag, FlagSeverity, MetricValue, Verdict } from './types.js';

const SEVERITY_ORDER: Record<FlagSeverity, number> = { severe: 0, warning: 1, info: 2 };

/** Reads one metric of one dimension (null when either is missing). */
export function metricOf(results: readonly DimensionResult[], dimension: DimensionKey, key: string): MetricValue {
  const found = results.find((result) => result.dimension.key === dimension)?.dimension.metrics.find((entry) => entry.key === key);
  return found?.value ?? null;
}

/**
 * The subcontracting pattern: an international lead holds most of the budget and nearly all
 * the accountability, while the partners who work only execute and rarely co-decide.
 */
export function detectSubcontracting(context: AnalysisContext, results: readonly DimensionResult[]): Flag | null {
  const settings = context.thresholds.subcontracting;
  const leadIsInternational = context.leads.size > 0 && [...context.leads].every((lead) => !context.localActors.has(lead));
  const leadShare = metricOf(results, 'resources', 'lead-share');
  const leadAccountable = metricOf(results, 'responsibility', 'lead-accountable-share');
  const partnersAccountable = metricOf(results, 'responsibility', 'partners-accountable-share');
  const executeOnly = metricOf(results, 'responsibility', 'execute-only-partners');
  const tasks = metricOf(results, 'responsibility', 'tasks');
  // Partners who co-decide most decisions are not mere subcontractors, whatever the budget says.
  const sharedDecisions = metricOf(results, 'power', 'shared-decisions-share');
  if (
    !leadIsInternational ||
    typeof leadShare !== 'number' ||
    typeof leadAccountable !== 'number' ||
    typeof executeOnly !== 'number' ||
    leadShare < settings.budgetShare ||
    leadAccountable < settings.accountableShare ||
    partnersAccountable !== 0 ||
    executeOnly === 0 ||
    typeof tasks !== 'number' ||
    tasks < settings.minTasks ||
    (typeof sharedDecisions === 'number' && sharedDecisions >= settings.sharedDecisionsBelow)
  ) {
    return null;
  }
  return flag(
    'subcontracting-pattern',
    'severe',
    'Subcontracting pattern: the lead holds most of the budget and all the accountability while partners only execute.',
    "Schéma de sous-traitance : le chef de file détient l'essentiel du budget et toute la redevabilité, les partenaires ne font qu'exécuter.",
    { leadBudgetShare: leadShare, leadAccountableShare: leadAccountable, executeOnlyPartners: executeOnly, tasks, sharedDecisions },
  );
}

/** Weighted mean of the dimension scores that exist, or null when none does. */
export function overallScore(context: AnalysisContext, results: readonly DimensionResult[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const result of results) {
    if (result.dimension.score === null) continue;
    const weight = context.thresholds.weights[result.dimension.key];
    weighted += result.dimension.score * weight;
    weights += weight;
  }
  return weights === 0 ? null : round(weighted / weights, 1);
}

/**
 * Confidence: the weighted share of the evidence the profile needs that the programme records.
 * A dimension that does not apply (coverage null) leaves both sides of the ratio.
 */
export function confidenceOf(context: AnalysisContext, results: readonly DimensionResult[]): number {
  let covered = 0;
  let weights = 0;
  for (const result of results) {
    if (result.coverage === null) continue;
    const weight = context.thresholds.weights[result.dimension.key];
    covered += (result.dimension.score === null ? 0 : result.coverage) * weight;
    weights += weight;
  }
  return weights === 0 ? 0 : round(covered / weights, 2);
}

/**
 * The verdict rule: a subcontracting pattern is nominal by definition; too little evidence is
 * developing; below the nominal threshold is nominal; genuine needs a high score, enough
 * confidence, no severe flag and no weak measured dimension; anything else is developing.
 */
export function decideVerdict(
  context: AnalysisContext,
  results: readonly DimensionResult[],
  overall: number | null,
  confidence: number,
  flags: readonly Flag[],
): Verdict {
  const settings = context.thresholds.verdict;
  if (flags.some((entry) => entry.key === 'subcontracting-pattern')) return 'nominal';
  if (overall === null || confidence < settings.verdictMinConfidence) return 'developing';
  if (overall < settings.nominalBelow) return 'nominal';
  const severe = flags.some((entry) => entry.severity === 'severe');
  const weakest = Math.min(...results.map((result) => result.dimension.score ?? Number.POSITIVE_INFINITY));
  if (overall >= settings.genuineFrom && confidence >= settings.genuineMinConfidence && !severe && weakest >= settings.genuineMinDimension) {
    return 'genuine';
  }
  return 'developing';
}

/** The flag saying the evidence is too thin to judge, listing the kinds of data that are missing. */
export function insufficientDataFlag(results: readonly DimensionResult[], confidence: number): Flag {
  const missing = results.filter((result) => result.dimension.score === null && result.coverage !== null).map((result) => result.dimension.key);
  return flag(
    'insufficient-data',
    'info',
    'Too little is recorded to judge this partnership with confidence.',
    'Trop peu de données sont enregistrées pour juger ce partenariat avec assurance.',
    { confidence, missing },
  );
}

/** Severe flags first, then warnings, then information, each group by key. */
export function sortFlags(flags: readonly Flag[]): Flag[] {
  return [...flags].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || byText(a.key, b.key));
}
