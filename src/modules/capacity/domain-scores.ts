import type { CapacityDomainEntry } from '../../db/schema/index.js';
import { roundToTenth } from '../appraisal/compute-weighted-total.js';
import type { CapacityFramework } from './capacity-framework.js';

export type DomainScore = { key: string; score: number | null; ratedIndicators: number; totalIndicators: number };

/**
 * A domain's score is the mean of its rated indicators (1-4 scale), to one decimal; a domain
 * with no rated indicator has no score (it is not counted as the lowest level).
 */
export function computeDomainScores(framework: Pick<CapacityFramework, 'domains'>, domains: Record<string, CapacityDomainEntry>): DomainScore[] {
  return framework.domains.map((domain) => {
    const ratings = domain.indicators.map((indicator) => domains[domain.key]?.ratings[indicator.key]).filter((rating): rating is number => typeof rating === 'number');
    return {
      key: domain.key,
      score: ratings.length > 0 ? roundToTenth(ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length) : null,
      ratedIndicators: ratings.length,
      totalIndicators: domain.indicators.length,
    };
  });
}

/** The mean of the scored domains, or null. */
export function overallScore(scores: DomainScore[]): number | null {
  const values = scores.map((score) => score.score).filter((score): score is number => score !== null);
  return values.length > 0 ? roundToTenth(values.reduce((sum, value) => sum + value, 0) / values.length) : null;
}
