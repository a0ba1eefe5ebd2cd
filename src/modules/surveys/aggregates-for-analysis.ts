import type { BundleRating } from '../bundle/schema.js';
import type { RoundAggregates } from './aggregate-round.js';

/** A closed round of a trust-and-value instrument, already aggregated under the k rules. */
export type AnalysedRound = { closedOn: string; aggregates: RoundAggregates };

export type SurveyAggregatesForAnalysis = {
  /**
   * What the profile's perception dimension reads (bundle `ratings`): one entry per rater
   * organization and rated organization whose group of raters passed k, holding the group's
   * mean trust and value (1..4), dated on the round's closing day.
   */
  ratings: BundleRating[];
  /** Trust and value each organization received, with how many respondents rated it. */
  received: Array<{ organization: string; trust: number | null; value: number | null; respondents: number; round: string }>;
  /** The lead's view of the partners minus the partners' view of the lead (latest round where both groups pass k). */
  leadVsPartners: { leadView: number; partnersView: number; gap: number; leadRespondents: number; partnerRespondents: number; round: string } | null;
  /** Respondents per round, for the profile's evidence. */
  respondents: Array<{ round: string; respondents: number }>;
};

const dimensionMean = (dimensions: ReadonlyArray<{ key: string; mean: number }>, key: string) => dimensions.find((entry) => entry.key === key)?.mean ?? null;

/**
 * The aggregates of survey rounds in the form the authenticity profile accepts: only groups that
 * passed the k rule, never an individual answer. `refOf` maps organization ids to the bundle's refs.
 */
export function surveyAggregatesForAnalysis(rounds: readonly AnalysedRound[], refOf: (organizationId: string) => string = (id) => id): SurveyAggregatesForAnalysis {
  const ordered = [...rounds].sort((left, right) => left.closedOn.localeCompare(right.closedOn));
  const ratings: BundleRating[] = [];
  const received: SurveyAggregatesForAnalysis['received'] = [];
  const respondents: SurveyAggregatesForAnalysis['respondents'] = [];
  let leadVsPartners: SurveyAggregatesForAnalysis['leadVsPartners'] = null;

  for (const { closedOn, aggregates } of ordered) {
    if (!aggregates.disclosure.shown) continue;
    respondents.push({ round: closedOn, respondents: aggregates.respondents });
    for (const pair of aggregates.pairs) {
      const trust = dimensionMean(pair.dimensions, 'trust');
      const value = dimensionMean(pair.dimensions, 'value');
      if (trust === null || value === null || pair.respondents < aggregates.k) continue;
      ratings.push({ date: closedOn, rater: refOf(pair.raterOrganizationId), ratee: refOf(pair.rateeOrganizationId), trust, value });
    }
    if (aggregates.receivedBy?.shown) {
      for (const group of aggregates.receivedBy.groups) {
        if (group.respondents < aggregates.k) continue;
        received.push({ organization: refOf(group.key), trust: dimensionMean(group.dimensions, 'trust'), value: dimensionMean(group.dimensions, 'value'), respondents: group.respondents, round: closedOn });
      }
    }
    const split = aggregates.leadVsPartners;
    const [lead, partners] = split?.shown ? split.groups : [];
    if (lead && partners && split?.gap && lead.respondents >= aggregates.k && partners.respondents >= aggregates.k) {
      leadVsPartners = { leadView: lead.overall, partnersView: partners.overall, gap: split.gap.overall, leadRespondents: lead.respondents, partnerRespondents: partners.respondents, round: closedOn };
    }
  }
  return { ratings, received, leadVsPartners, respondents };
}
