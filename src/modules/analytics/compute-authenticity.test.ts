import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProgrammeBundle } from '../bundle/schema.js';
import { validateBundle } from '../bundle/validate-bundle.js';
import { computeAuthenticity, computeAuthenticityTrend } from './compute-authenticity.js';
import { computePortfolio } from './compute-portfolio.js';
import { isLocalActor } from './context.js';
import { buildTieGraph, measureNetwork } from './network.js';
import { gini, herfindahl } from './dimension-resources.js';
import { DEFAULT_THRESHOLDS, resolveThresholds } from './thresholds.js';

function scenario(name: string): ProgrammeBundle {
  const file = fileURLToPath(new URL(`../../../test/scenarios/${name}.json`, import.meta.url));
  const validation = validateBundle(JSON.parse(readFileSync(file, 'utf8')));
  if (!validation.ok) throw new Error(name);
  return validation.bundle;
}

describe('computeAuthenticity', () => {
  it('publishes exactly verdict, confidence, dimensions and flags, with eight dimensions in order', () => {
    const profile = computeAuthenticity(scenario('genuine-water-consortium'));
    expect(Object.keys(profile)).toEqual(['verdict', 'confidence', 'dimensions', 'flags']);
    expect(profile.dimensions.map((dimension) => dimension.key)).toEqual([
      'resources', 'responsibility', 'power', 'subsidiarity', 'communication', 'learning', 'perception', 'agreement',
    ]);
    for (const dimension of profile.dimensions) {
      if (dimension.score !== null) expect(Math.round(dimension.score * 10) / 10).toBe(dimension.score);
    }
  });

  it('considers only records dated on or before `at`', () => {
    const bundle = scenario('perception-gap-distrust');
    // Before the January 2025 ratings the partners still trusted the lead.
    const before = computeAuthenticity(bundle, { at: '2024-12-31' });
    expect(before.flags.map((entry) => entry.key)).not.toContain('lead-distrusted');
    expect(computeAuthenticity(bundle, { at: '2025-06-30' }).flags.map((entry) => entry.key)).toContain('lead-distrusted');
    expect(computeAuthenticity(bundle, { at: '2023-12-31' }).confidence).toBeLessThan(before.confidence);
  });

  it('refuses an `at` that is not a date', () => {
    expect(() => computeAuthenticity(scenario('sparse-budget-only'), { at: 'soon' })).toThrow(RangeError);
  });

  it('applies a partial threshold override and refuses unknown or inconsistent ones', () => {
    const bundle = scenario('hub-and-spoke');
    expect(computeAuthenticity(bundle).flags.map((entry) => entry.key)).toContain('hub-and-spoke');
    const relaxed = computeAuthenticity(bundle, { thresholds: { communication: { hubCentralization: 1.0, hubPartnerTiesBelow: 0 } } });
    expect(relaxed.flags.map((entry) => entry.key)).not.toContain('hub-and-spoke');
    expect(resolveThresholds({ weights: { agreement: 0.5 } }).weights.power).toBe(DEFAULT_THRESHOLDS.weights.power);
    expect(() => resolveThresholds({ power: { partnerMeanLow: 3, partnerMeanHigh: 2 } })).toThrow();
    expect(() => resolveThresholds({ power: { unknownKnob: 1 } })).toThrow();
  });

  it('gives a budget-only programme low confidence and never genuine', () => {
    const profile = computeAuthenticity(scenario('sparse-budget-only'));
    expect(profile.confidence).toBeLessThan(0.3);
    expect(profile.verdict).not.toBe('genuine');
    expect(profile.dimensions.filter((dimension) => dimension.score !== null).map((dimension) => dimension.key)).toEqual(['resources']);
  });
});

describe('computeAuthenticityTrend', () => {
  it('gives one point per programme quarter up to the last dated record', () => {
    const trend = computeAuthenticityTrend(scenario('perception-gap-distrust'));
    expect(trend[0]).toMatchObject({ quarter: 1, start: '2024-01-01', end: '2024-03-31' });
    // The last interaction is dated December 2025, in the eighth quarter.
    expect(trend.map((point) => point.quarter)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(trend.at(-1)).toMatchObject({ start: '2025-10-01', end: '2025-12-31' });
    expect(trend[3]?.flags).not.toContain('lead-distrusted');
    expect(trend[4]?.flags).toContain('lead-distrusted');
  });
});

describe('computePortfolio', () => {
  it('counts verdicts, ranges dimensions and gathers recurring flags', () => {
    const entries = ['genuine-water-consortium', 'nominal-subcontracting', 'hub-and-spoke'].map((name) => ({
      programme: name,
      profile: computeAuthenticity(scenario(name)),
    }));
    const portfolio = computePortfolio(entries);
    expect(portfolio.verdicts).toEqual({ genuine: 1, developing: 1, nominal: 1 });
    expect(portfolio.ranking.map((entry) => entry.programme)).toEqual(['genuine-water-consortium', 'hub-and-spoke', 'nominal-subcontracting']);
    expect(portfolio.flags.find((entry) => entry.key === 'hub-and-spoke')?.programmes).toEqual(['hub-and-spoke', 'nominal-subcontracting']);
    expect(portfolio.dimensions.find((dimension) => dimension.key === 'power')?.min).toBe(0);
  });

  it('summarises an empty portfolio without inventing values', () => {
    expect(computePortfolio([])).toMatchObject({ programmes: 0, meanConfidence: null, weakestDimension: null });
  });
});

describe('building blocks', () => {
  it('applies the documented local-actor rule', () => {
    const countries = ['SN'];
    expect(isLocalActor({ ref: 'a', name: 'a', type: '24', country: 'FR' }, countries)).toBe(true);
    expect(isLocalActor({ ref: 'a', name: 'a', type: '22', country: 'SN' }, countries)).toBe(true);
    expect(isLocalActor({ ref: 'a', name: 'a', type: '22', country: 'ML' }, countries)).toBe(false);
    expect(isLocalActor({ ref: 'a', name: 'a', type: 11, country: 'SN' }, countries)).toBe(true);
    expect(isLocalActor({ ref: 'a', name: 'a', type: '21', country: 'SN' }, countries)).toBe(false);
    expect(isLocalActor({ ref: 'a', name: 'a', type: '24', scope: 'international' }, countries)).toBe(false);
    expect(isLocalActor({ ref: 'a', name: 'a', scope: 'national' }, countries)).toBe(true);
  });

  it('scores a star as fully centralized and a complete graph as not at all', () => {
    const nodes = ['a', 'b', 'c', 'd'];
    const star = measureNetwork(buildTieGraph(nodes, ['b', 'c', 'd'].map((to) => ({ from: 'a', to }))), ['b', 'c', 'd']);
    expect(star).toMatchObject({ centralization: 1, reciprocity: 0, pairCoverage: 0, density: 0.25 });
    const all = nodes.flatMap((from) => nodes.filter((to) => to !== from).map((to) => ({ from, to })));
    expect(measureNetwork(buildTieGraph(nodes, all), nodes)).toMatchObject({ centralization: 0, reciprocity: 1, density: 1, pairCoverage: 1 });
  });

  it('computes Herfindahl and Gini at their extremes', () => {
    expect(herfindahl([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(0.25);
    expect(herfindahl([1, 0, 0])).toBe(1);
    expect(gini([5, 5, 5])).toBeCloseTo(0);
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75);
  });
});
