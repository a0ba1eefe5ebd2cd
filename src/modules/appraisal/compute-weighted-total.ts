import type { CriterionScore, TemplateDefinition } from '../../db/schema/index.js';

export type GroupResult = { key: string; total: number | null; completeness: number };

export type AppraisalResult = {
  /** 0-100, one decimal; null while no criterion is scored. */
  total: number | null;
  /** Share of the template's weight that has been scored, 0-100, one decimal. */
  completeness: number;
  scoredCriteria: number;
  totalCriteria: number;
  groups: GroupResult[];
};

/** Rounds half up to one decimal, immune to binary fractions such as 87.25 stored as 87.2499…. */
export function roundToTenth(value: number): number {
  return Math.round((value + Number.EPSILON * Math.abs(value)) * 10) / 10;
}

/**
 * The weighted total of an appraisal:
 *
 *   total = 100 × Σ wᵢ·(sᵢ − min)/(max − min)  /  Σ wᵢ,   over the scored criteria only
 *
 * On the default 0-4 scale with every criterion scored this is Σ wᵢ·sᵢ/4 (the weights add up to
 * 100). A criterion left unscored is excluded from the denominator rather than counted as zero, so
 * the total says how good the evidence seen so far is; `completeness` (Σ scored wᵢ out of 100)
 * says how much of the template it rests on. Both are rounded to one decimal.
 */
export function computeWeightedTotal(template: Pick<TemplateDefinition, 'scale' | 'groups'>, scores: Record<string, CriterionScore>): AppraisalResult {
  const { min, max } = template.scale;
  let weightAll = 0;
  let weightScored = 0;
  let points = 0;
  let scoredCriteria = 0;
  let totalCriteria = 0;
  const groups: GroupResult[] = template.groups.map((group) => {
    let groupWeight = 0;
    let groupScored = 0;
    let groupPoints = 0;
    for (const criterion of group.criteria) {
      totalCriteria += 1;
      groupWeight += criterion.weight;
      const score = scores[criterion.key]?.score;
      if (score === null || score === undefined) continue;
      scoredCriteria += 1;
      groupScored += criterion.weight;
      groupPoints += (criterion.weight * (score - min)) / (max - min);
    }
    weightAll += groupWeight;
    weightScored += groupScored;
    points += groupPoints;
    return {
      key: group.key,
      total: groupScored > 0 ? roundToTenth((100 * groupPoints) / groupScored) : null,
      completeness: groupWeight > 0 ? roundToTenth((100 * groupScored) / groupWeight) : 0,
    };
  });
  return {
    total: weightScored > 0 ? roundToTenth((100 * points) / weightScored) : null,
    completeness: weightAll > 0 ? roundToTenth((100 * weightScored) / weightAll) : 0,
    scoredCriteria,
    totalCriteria,
    groups,
  };
}
