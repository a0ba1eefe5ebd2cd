import type { ConsortiumRole, InstrumentDefinition } from '../../db/schema/index.js';
import { discloseBreakdown, discloseGroup, type Disclosure } from './disclosure.js';
import { scaleRange } from './instrument-definition.js';

/** One stored answer row: a respondent's answers (about one target organization, for dyadic instruments). */
export type AnswerRow = { respondentOrganizationId: string; targetOrganizationId: string | null; values: Record<string, number> };

export type Mean = { key: string; mean: number };

/** The figures of one group of respondents: only ever built for a group that passed the k rule. */
export type GroupFigures = { key: string; respondents: number; overall: number; dimensions: Mean[]; items: Mean[] };

export type Breakdown = Disclosure & { groups: GroupFigures[] };

export type RoundAggregates = {
  k: number;
  respondents: number;
  disclosure: Disclosure;
  total: GroupFigures | null;
  /** Ratings given, by the respondents' organization (for dyadic instruments: given to the others). */
  givenBy: Breakdown | null;
  /** The lead's respondents against the partners'. For dyadic instruments: the lead rating partners, partners rating the lead. */
  leadVsPartners: (Breakdown & { gap: { overall: number; dimensions: Mean[] } | null }) | null;
  /** Dyadic instruments: what each organization receives from all the others. */
  receivedBy: Breakdown | null;
  /** Dyadic instruments: rater organization to rated organization, for each rated organization whose raters all pass k. */
  pairs: Array<GroupFigures & { raterOrganizationId: string; rateeOrganizationId: string }>;
  comments: Disclosure & { texts: string[] };
};

export type AggregateInput = {
  definition: InstrumentDefinition;
  k: number;
  rows: readonly AnswerRow[];
  comments: readonly string[];
  commentsEnabled: boolean;
  /** Roles of member organizations (programme rounds); empty for a round inside one organization. */
  roles: ReadonlyMap<string, ConsortiumRole>;
  isOpen: boolean;
};

const PARTNER_ROLES = new Set<ConsortiumRole>(['partner', 'affiliated-entity', 'associate']);

/** An item's score: its value, mirrored on its scale when the item is reverse-scored, so that higher is always better. */
export function scoreItem(definition: InstrumentDefinition, itemKey: string, value: number): number {
  const item = definition.items.find((candidate) => candidate.key === itemKey);
  if (!item) throw new RangeError(`Unknown item '${itemKey}'`);
  if (!item.reverse) return value;
  const { min, max } = scaleRange(definition, item.scale);
  return max + min - value;
}

function meanOf(sum: number, count: number): number {
  return Math.round((sum / count) * 1000) / 1000;
}

/** Means per item, per dimension and overall over the given rows (pooled item scores). */
export function figuresOf(definition: InstrumentDefinition, key: string, respondents: number, rows: readonly AnswerRow[]): GroupFigures {
  const items = new Map<string, { sum: number; count: number }>();
  const dimensions = new Map<string, { sum: number; count: number }>();
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    for (const item of definition.items) {
      const value = row.values[item.key];
      if (value === undefined) continue;
      const score = scoreItem(definition, item.key, value);
      const itemTally = items.get(item.key) ?? { sum: 0, count: 0 };
      itemTally.sum += score;
      itemTally.count += 1;
      items.set(item.key, itemTally);
      const dimensionTally = dimensions.get(item.dimension) ?? { sum: 0, count: 0 };
      dimensionTally.sum += score;
      dimensionTally.count += 1;
      dimensions.set(item.dimension, dimensionTally);
      sum += score;
      count += 1;
    }
  }
  const dimensionOrder = [...new Set(definition.items.map((item) => item.dimension))];
  return {
    key,
    respondents,
    overall: count === 0 ? 0 : meanOf(sum, count),
    dimensions: dimensionOrder.filter((dimension) => dimensions.has(dimension)).map((dimension) => ({ key: dimension, mean: meanOf(dimensions.get(dimension)!.sum, dimensions.get(dimension)!.count) })),
    items: definition.items.filter((item) => items.has(item.key)).map((item) => ({ key: item.key, mean: meanOf(items.get(item.key)!.sum, items.get(item.key)!.count) })),
  };
}

function groupBy<T>(values: readonly T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    groups.set(key, [...(groups.get(key) ?? []), value]);
  }
  return groups;
}

/** Respondents behind a set of rows: one row each, or for dyadic rows the most rows any one target received. */
function respondentsIn(rows: readonly AnswerRow[], dyadic: boolean): number {
  if (!dyadic) return rows.length;
  let most = 0;
  for (const group of groupBy(rows, (row) => row.targetOrganizationId ?? '').values()) most = Math.max(most, group.length);
  return most;
}

function breakdownOf(disclosure: Disclosure, build: () => GroupFigures[]): Breakdown {
  return disclosure.shown ? { ...disclosure, groups: build() } : { ...disclosure, groups: [] };
}

/**
 * Aggregates a round's answers under the anonymity rules: nothing for an open round, nothing
 * for a group under k, breakdowns all or nothing, comments only with k respondents.
 */
export function aggregateRound(input: AggregateInput): RoundAggregates {
  const { definition, k, rows, roles } = input;
  const dyadic = definition.perTarget;
  const byRespondentOrganization = groupBy(rows, (row) => row.respondentOrganizationId);
  const respondentsByOrganization = new Map([...byRespondentOrganization].map(([organization, group]) => [organization, respondentsIn(group, dyadic)]));
  const respondents = [...respondentsByOrganization.values()].reduce((sum, count) => sum + count, 0);
  const disclosure: Disclosure = input.isOpen ? { shown: false, reason: 'round-open' } : discloseGroup(respondents, k);
  const hidden = { k, respondents, disclosure, total: null, givenBy: null, leadVsPartners: null, receivedBy: null, pairs: [] };
  if (!disclosure.shown) return { ...hidden, comments: { ...disclosure, texts: [] } };

  const total = figuresOf(definition, 'total', respondents, rows);
  const isProgrammeRound = roles.size > 0;
  const givenBy = isProgrammeRound
    ? breakdownOf(discloseBreakdown(respondents, [...respondentsByOrganization.values()], k), () =>
        [...byRespondentOrganization].map(([organization, group]) => figuresOf(definition, organization, respondentsByOrganization.get(organization)!, group)),
      )
    : null;

  const isLead = (organization: string | null) => organization !== null && roles.get(organization) === 'lead';
  const isPartner = (organization: string | null) => organization !== null && PARTNER_ROLES.has(roles.get(organization)!);
  let leadVsPartners: RoundAggregates['leadVsPartners'] = null;
  if (isProgrammeRound && [...roles.values()].includes('lead')) {
    // Dyadic: how the lead rates its partners against how partners rate the lead. Otherwise each side's own answers.
    const leadRows = rows.filter((row) => isLead(row.respondentOrganizationId) && (!dyadic || isPartner(row.targetOrganizationId)));
    const partnerRows = rows.filter((row) => isPartner(row.respondentOrganizationId) && (!dyadic || isLead(row.targetOrganizationId)));
    const leadCount = [...respondentsByOrganization].filter(([organization]) => isLead(organization)).reduce((sum, [, count]) => sum + count, 0);
    const partnerCount = [...respondentsByOrganization].filter(([organization]) => isPartner(organization)).reduce((sum, [, count]) => sum + count, 0);
    const split = breakdownOf(discloseBreakdown(respondents, [leadCount, partnerCount], k), () => [
      figuresOf(definition, 'lead', leadCount, leadRows),
      figuresOf(definition, 'partners', partnerCount, partnerRows),
    ]);
    const [lead, partners] = split.groups;
    leadVsPartners = {
      ...split,
      gap:
        lead && partners
          ? {
              overall: meanOf(lead.overall - partners.overall, 1),
              dimensions: lead.dimensions.map((dimension) => ({
                key: dimension.key,
                mean: meanOf(dimension.mean - (partners.dimensions.find((other) => other.key === dimension.key)?.mean ?? dimension.mean), 1),
              })),
            }
          : null,
    };
  }

  let receivedBy: Breakdown | null = null;
  const pairs: RoundAggregates['pairs'] = [];
  if (dyadic) {
    const byTarget = groupBy(
      rows.filter((row) => row.targetOrganizationId !== null),
      (row) => row.targetOrganizationId!,
    );
    // Raters of one organization overlap with raters of another: not a split of the total, so each group must pass k, all or nothing.
    const tooSmall = [...byTarget.values()].some((group) => group.length < k);
    receivedBy = breakdownOf(tooSmall ? { shown: false, reason: 'group-too-small' } : { shown: true }, () =>
      [...byTarget].map(([target, group]) => figuresOf(definition, target, group.length, group)),
    );
    for (const [target, group] of byTarget) {
      // The raters of one organization split by their own organization: a breakdown of that organization's total.
      const byRater = groupBy(group, (row) => row.respondentOrganizationId);
      if (!discloseBreakdown(group.length, [...byRater.values()].map((raters) => raters.length), k).shown) continue;
      for (const [rater, raters] of byRater) {
        pairs.push({ ...figuresOf(definition, `${rater}>${target}`, raters.length, raters), raterOrganizationId: rater, rateeOrganizationId: target });
      }
    }
  }

  const comments: RoundAggregates['comments'] = input.commentsEnabled
    ? { shown: true, texts: [...input.comments].sort((left, right) => left.localeCompare(right)) }
    : { shown: false, reason: 'comments-off', texts: [] };
  return { k, respondents, disclosure, total, givenBy, leadVsPartners, receivedBy, pairs, comments };
}
