import type { BundleRating } from '../bundle/schema.js';
import type { AnalysisContext } from './context.js';
import { clamp01, emptyDimension, flag, mean, metric, round, scoreFrom } from './scoring.js';
import type { DimensionResult, Flag } from './types.js';

type PairView = { rater: string; ratee: string; trust: number; value: number };

/** Each organization's current view of another: its ratings on the latest date it rated (averaged if several). */
function currentViews(ratings: readonly BundleRating[]): PairView[] {
  const latest = new Map<string, { date: string; items: BundleRating[] }>();
  for (const rating of ratings) {
    const key = `${rating.rater}\u0000${rating.ratee}`;
    const date = rating.date ?? '';
    const entry = latest.get(key);
    if (entry === undefined || date > entry.date) latest.set(key, { date, items: [rating] });
    else if (date === entry.date) entry.items.push(rating);
  }
  return [...latest.values()].map(({ items }) => ({
    rater: items[0]?.rater ?? '',
    ratee: items[0]?.ratee ?? '',
    trust: mean(items.map((item) => item.trust)) ?? 0,
    value: mean(items.map((item) => item.value)) ?? 0,
  }));
}

/** 1..4 ratings as 0..1. */
function normalized(views: readonly PairView[]): number | null {
  const overall = mean(views.map((view) => (view.trust + view.value) / 2));
  return overall === null ? null : (overall - 1) / 3;
}

/**
 * Perceived trust and value: ratings between members, given and received. How partners see the
 * lead weighs more than how the lead sees them, and a gap between the two views costs points.
 */
export function scorePerception(context: AnalysisContext): DimensionResult {
  const { bundle, actorSet, leads, partners, thresholds } = context;
  const settings = thresholds.perception;
  const openRatings = bundle.ratings.filter((rating) => actorSet.has(rating.rater) && actorSet.has(rating.ratee));
  const surveyRatings = context.surveyRatings.filter((rating) => actorSet.has(rating.rater) && actorSet.has(rating.ratee));
  // Open ratings (recorded in an organization's own name) and survey aggregates (anonymous groups)
  // are both evidence of how members see each other; each pair's latest view counts.
  const views = currentViews([...openRatings, ...surveyRatings.map(({ respondents: _respondents, ...rating }) => rating)]);
  if (views.length === 0) return emptyDimension('perception', 'No trust and value rating between members, open or from surveys.');

  const partnersOnLead = views.filter((view) => partners.has(view.rater) && leads.has(view.ratee));
  const leadOnPartners = views.filter((view) => leads.has(view.rater) && partners.has(view.ratee));
  const peers = views.filter((view) => partners.has(view.rater) && partners.has(view.ratee));
  const partnersTrustInLead = mean(partnersOnLead.map((view) => view.trust));
  const partnersViewOfLead = mean(partnersOnLead.map((view) => (view.trust + view.value) / 2));
  const leadViewOfPartners = mean(leadOnPartners.map((view) => (view.trust + view.value) / 2));
  const gap = partnersViewOfLead !== null && leadViewOfPartners !== null ? leadViewOfPartners - partnersViewOfLead : null;

  const score =
    leads.size === 0
      ? scoreFrom([{ value: normalized(views), weight: 1 }])
      : scoreFrom([
          { value: normalized(partnersOnLead), weight: 0.45 },
          { value: normalized(leadOnPartners), weight: 0.2 },
          { value: normalized(peers), weight: 0.15 },
          { value: gap === null ? null : 1 - clamp01(Math.abs(gap) / settings.gapMax), weight: 0.2 },
        ]);

  const metrics = [
    metric('ratings', views.length, 'Current ratings, one per rater and rated member (the latest).'),
    metric('mean-trust', mean(views.map((view) => view.trust)), 'Mean trust over all ratings (1..4).'),
    metric('mean-value', mean(views.map((view) => view.value)), 'Mean value of the partnership over all ratings (1..4).'),
    metric('partners-trust-in-lead', partnersTrustInLead, "Partners' mean trust in the lead (1..4)."),
    metric('partners-view-of-lead', partnersViewOfLead, "Partners' mean of trust and value given to the lead (1..4)."),
    metric('lead-view-of-partners', leadViewOfPartners, "The lead's mean of trust and value given to partners (1..4)."),
    metric('perception-gap', gap, "The lead's view minus the partners' view: positive when the lead sees the partnership more rosily."),
    metric('partner-to-partner-ratings', peers.length, 'Ratings partners gave each other.'),
    metric('open-ratings', openRatings.length, 'Ratings recorded openly by one member about another, in its own name.'),
    metric('survey-groups', surveyRatings.length, 'Anonymous survey groups (at least k respondents each) rating one member about another.'),
    metric('survey-respondents', surveyRatings.reduce((sum, rating) => sum + rating.respondents, 0), 'Respondents behind those survey groups.'),
  ];

  const flags: Flag[] = [];
  if (partnersTrustInLead !== null && partnersTrustInLead <= settings.distrustAtOrBelow) {
    flags.push(
      flag(
        'lead-distrusted',
        'severe',
        `Partners distrust the lead: mean trust ${round(partnersTrustInLead, 2)} out of 4.`,
        `Les partenaires n'ont pas confiance dans le chef de file : confiance moyenne ${round(partnersTrustInLead, 2)} sur 4.`,
        { partnersTrustInLead: round(partnersTrustInLead, 2), raters: partnersOnLead.length },
      ),
    );
  }
  if (gap !== null && gap >= settings.gapFlag) {
    flags.push(
      flag(
        'perception-gap',
        'warning',
        'The lead rates the partnership much higher than its partners do.',
        'Le chef de file juge le partenariat bien plus favorablement que ses partenaires.',
        { leadView: round(leadViewOfPartners ?? 0, 2), partnersView: round(partnersViewOfLead ?? 0, 2), gap: round(gap, 2) },
      ),
    );
  }
  return { dimension: { key: 'perception', score, metrics }, flags, coverage: clamp01(views.length / thresholds.evidence.ratings) };
}
