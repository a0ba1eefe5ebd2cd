import type { AnalysisContext } from './context.js';
import { byText, clamp01, emptyDimension, flag, mean, metric, round, scoreFrom } from './scoring.js';
import type { DimensionResult, Flag } from './types.js';

const CO_DECIDES = 3;

/** Shared power: involvement in decisions on the 0 (excluded) .. 4 (decides) scale, actual and desired. */
export function scorePower(context: AnalysisContext): DimensionResult {
  const { bundle, actors, leads, partners, thresholds } = context;
  const settings = thresholds.power;
  const decisions = bundle.decisions.filter((decision) => Object.keys(decision.involvement).length > 0);
  if (decisions.length === 0) return emptyDimension('power', 'No decision with recorded involvement.');
  if (partners.size === 0) return emptyDimension('power', 'No partner besides the lead: power cannot be shared.', null);

  // A member missing from a decision's involvement was not part of it: it counts as 0, excluded.
  // Only the members listed are visited, and per-member tallies live in typed arrays indexed by
  // position, which is what keeps thousands of decisions fast.
  const position = new Map(actors.map((actor, index) => [actor, index]));
  const isPartner = Uint8Array.from(actors, (actor) => (partners.has(actor) ? 1 : 0));
  const totals = new Float64Array(actors.length);
  const highest = new Uint8Array(actors.length);
  const informed = new Uint32Array(actors.length);
  const unmet: number[] = [];
  let shared = 0;
  let leadAlone = 0;
  for (const decision of decisions) {
    let partnerCoDecides = false;
    let leadCoDecides = false;
    for (const [actor, level] of Object.entries(decision.involvement)) {
      const index = position.get(actor);
      if (index === undefined) continue;
      totals[index] = (totals[index] ?? 0) + level;
      if (level > (highest[index] ?? 0)) highest[index] = level;
      if (level === 1) informed[index] = (informed[index] ?? 0) + 1;
      if (level >= CO_DECIDES) {
        if (isPartner[index] === 1) partnerCoDecides = true;
        else leadCoDecides = true;
      }
    }
    if (decision.desired !== undefined) {
      for (const [actor, wanted] of Object.entries(decision.desired)) {
        if (partners.has(actor)) unmet.push(Math.max(0, wanted - (decision.involvement[actor] ?? 0)));
      }
    }
    if (partnerCoDecides) shared += 1;
    else if (leadCoDecides) leadAlone += 1;
  }
  const highestOf = (actor: string): number => highest[position.get(actor) ?? -1] ?? 0;
  const informedOf = (actor: string): number => informed[position.get(actor) ?? -1] ?? 0;
  // Every member is counted on every decision, so the mean of means is the pooled mean: summing
  // whole-number totals first keeps it exact whatever the order of members.
  const pooledMean = (group: ReadonlySet<string>): number | null => {
    if (group.size === 0) return null;
    let total = 0;
    for (const actor of group) total += totals[position.get(actor) ?? -1] ?? 0;
    return total / (group.size * decisions.length);
  };
  const leadMean = pooledMean(leads);
  const partnersMean = pooledMean(partners) ?? 0;
  const gap = leadMean === null ? null : leadMean - partnersMean;
  const unmetMean = mean(unmet);
  const sharedShare = shared / decisions.length;
  const leadAloneShare = leads.size > 0 ? leadAlone / decisions.length : null;

  const score = scoreFrom([
    { value: clamp01((partnersMean - settings.partnerMeanLow) / (settings.partnerMeanHigh - settings.partnerMeanLow)), weight: 0.35 },
    { value: gap === null ? null : 1 - clamp01(gap / settings.gapMax), weight: 0.25 },
    { value: sharedShare, weight: 0.25 },
    { value: unmetMean === null ? null : 1 - clamp01(unmetMean / settings.unmetDesireMax), weight: 0.15 },
  ]);

  const metrics = [
    metric('decisions', decisions.length, 'Decisions with recorded involvement.'),
    metric('lead-mean-involvement', leadMean, "Lead's mean involvement (0 excluded, 1 informed, 2 consulted, 3 co-decides, 4 decides)."),
    metric('partners-mean-involvement', partnersMean, "Mean over partners of each partner's mean involvement."),
    metric('lead-partner-gap', gap, "Lead's mean involvement minus the partners' mean."),
    metric('shared-decisions-share', sharedShare, 'Share of decisions in which at least one partner co-decided or decided.'),
    metric('lead-alone-share', leadAloneShare, 'Share of decisions the lead took with no partner co-deciding.'),
    metric('unmet-desired-involvement', unmetMean, 'Mean of (desired minus actual) involvement where partners stated a wish, shortfalls only.'),
  ];

  const flags: Flag[] = [];
  const enough = decisions.length >= settings.minDecisions;
  const informedOnly = [...partners]
    .filter((partner) => highestOf(partner) <= 1 && informedOf(partner) > 0)
    .sort(byText);
  if (enough && informedOnly.length > 0) {
    flags.push(
      flag(
        'informed-not-consulted',
        'warning',
        `${informedOnly.length} partner(s) are informed of decisions but never consulted.`,
        `${informedOnly.length} partenaire(s) sont informés des décisions mais jamais consultés.`,
        { partners: informedOnly.map((partner) => ({ org: partner, informedOf: informedOf(partner), decisions: decisions.length })) },
      ),
    );
  }
  if (enough && leadAloneShare !== null && leadAloneShare >= settings.leadAloneFlag) {
    flags.push(
      flag(
        'decisions-concentrated',
        'warning',
        `The lead took ${Math.round(leadAloneShare * 100)}% of decisions without any partner co-deciding.`,
        `Le chef de file a pris ${Math.round(leadAloneShare * 100)} % des décisions sans qu'aucun partenaire ne codécide.`,
        { leadAloneShare: round(leadAloneShare, 3), decisions: decisions.length, leadMean: round(leadMean ?? 0, 2), partnersMean: round(partnersMean, 2) },
      ),
    );
  }
  if (unmetMean !== null && unmetMean >= settings.unmetDesireFlag) {
    flags.push(
      flag(
        'unmet-desired-involvement',
        'warning',
        'Partners want a bigger say in decisions than they have.',
        'Les partenaires souhaitent peser davantage dans les décisions.',
        { unmetMean: round(unmetMean, 2), wishesRecorded: unmet.length },
      ),
    );
  }
  return { dimension: { key: 'power', score, metrics }, flags, coverage: clamp01(decisions.length / thresholds.evidence.decisions) };
}
