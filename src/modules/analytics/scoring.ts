import type { DimensionKey, DimensionResult, Flag, FlagSeverity, Metric, MetricValue } from './types.js';

/** Limits a value to 0..1. */
export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Rounds to a fixed number of decimals, turning -0 into 0 so outputs compare cleanly. */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** Rounds a metric value for publication (three decimals keeps shares readable). */
export function metric(key: string, value: MetricValue, explanation: string): Metric {
  return { key, value: typeof value === 'number' ? round(value, 3) : value, explanation };
}

/** Builds a flag with its message in both languages. */
export function flag(key: string, severity: FlagSeverity, en: string, fr: string, evidence: Record<string, unknown>): Flag {
  return { key, severity, message: { en, fr }, evidence };
}

/** Mean of numbers, or null for an empty list (a missing value is never invented). */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // Summing in sorted order makes the result independent of record order, to the last bit.
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (const value of sorted) total += value;
  return total / values.length;
}

export type Component = { value: number | null; weight: number };

/**
 * Weighted mean of the components that have a value, scaled to 0..100 and rounded to one
 * decimal; null when none has a value.
 */
export function scoreFrom(components: readonly Component[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const component of components) {
    if (component.value === null) continue;
    weighted += clamp01(component.value) * component.weight;
    weights += component.weight;
  }
  return weights === 0 ? null : round((weighted / weights) * 100, 1);
}

/**
 * 1 at or below `fair`, 0 at or above `dominant`, linear between: how far a share stays from
 * domination.
 */
export function fallingBetween(value: number, fair: number, dominant: number): number {
  if (dominant <= fair) return value <= fair ? 1 : 0;
  return 1 - clamp01((value - fair) / (dominant - fair));
}

/** A dimension with no data: null score, the metrics that explain why, no coverage. */
export function emptyDimension(key: DimensionKey, explanation: string, coverage: number | null = 0): DimensionResult {
  return { dimension: { key, score: null, metrics: [metric('records', 0, explanation)] }, flags: [], coverage };
}

/** Compares refs the same way everywhere so outputs never depend on the locale. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
