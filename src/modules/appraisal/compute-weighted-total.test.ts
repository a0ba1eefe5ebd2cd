import { describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '../../db/schema/index.js';
import { computeWeightedTotal, roundToTenth } from './compute-weighted-total.js';
import { defaultTemplate } from './content.js';

const template = (min: number, max: number): Pick<TemplateDefinition, 'scale' | 'groups'> => ({
  scale: { min, max },
  groups: [
    { key: 'a', title: { en: 'A' }, criteria: [{ key: 'a1', title: { en: 'A1' }, weight: 50 }, { key: 'a2', title: { en: 'A2' }, weight: 30 }] },
    { key: 'b', title: { en: 'B' }, criteria: [{ key: 'b1', title: { en: 'B1' }, weight: 20 }] },
  ],
});

const scores = (values: Record<string, number | null>) => Object.fromEntries(Object.entries(values).map(([key, score]) => [key, { score, evidence: '' }]));

describe('weighted total of an appraisal', () => {
  it('is the sum of weight × score / max when every criterion is scored', () => {
    const result = computeWeightedTotal(template(0, 4), scores({ a1: 4, a2: 2, b1: 1 }));
    // 50×4/4 + 30×2/4 + 20×1/4 = 50 + 15 + 5
    expect(result.total).toBe(70);
    expect(result.completeness).toBe(100);
    expect(result).toMatchObject({ scoredCriteria: 3, totalCriteria: 3 });
    expect(result.groups).toEqual([
      { key: 'a', total: 81.3, completeness: 100 },
      { key: 'b', total: 25, completeness: 100 },
    ]);
  });

  it('leaves unscored criteria out of the denominator and lowers completeness instead', () => {
    const result = computeWeightedTotal(template(0, 4), scores({ a1: 4, a2: null }));
    // Only a1 (weight 50) is scored, at the top of the scale.
    expect(result.total).toBe(100);
    expect(result.completeness).toBe(50);
    expect(result.scoredCriteria).toBe(1);
    expect(result.groups[1]).toEqual({ key: 'b', total: null, completeness: 0 });
  });

  it('counts a score of zero as scored, unlike a missing score', () => {
    const result = computeWeightedTotal(template(0, 4), scores({ a1: 0, a2: 0, b1: 0 }));
    expect(result.total).toBe(0);
    expect(result.completeness).toBe(100);
  });

  it('has no total until something is scored', () => {
    expect(computeWeightedTotal(template(0, 4), {})).toMatchObject({ total: null, completeness: 0, scoredCriteria: 0 });
  });

  it('measures from the bottom of scales that do not start at zero', () => {
    expect(computeWeightedTotal(template(1, 5), scores({ a1: 1, a2: 1, b1: 1 })).total).toBe(0);
    expect(computeWeightedTotal(template(1, 5), scores({ a1: 5, a2: 3, b1: 5 })).total).toBe(85);
  });

  it('rounds to one decimal, half up', () => {
    expect(roundToTenth(87.25)).toBe(87.3);
    expect(roundToTenth(66.6666)).toBe(66.7);
    const result = computeWeightedTotal(template(0, 3), scores({ a1: 1, a2: 1, b1: 1 }));
    expect(result.total).toBe(33.3);
  });

  it('scores the built-in template out of 100', () => {
    const keys = defaultTemplate.definition.groups.flatMap((group) => group.criteria.map((criterion) => criterion.key));
    const all = (score: number) => Object.fromEntries(keys.map((key) => [key, { score, evidence: '' }]));
    expect(computeWeightedTotal(defaultTemplate.definition, all(4)).total).toBe(100);
    expect(computeWeightedTotal(defaultTemplate.definition, all(2)).total).toBe(50);
    expect(computeWeightedTotal(defaultTemplate.definition, all(0)).total).toBe(0);
  });
});
