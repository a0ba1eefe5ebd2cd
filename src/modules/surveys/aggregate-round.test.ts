import { describe, expect, it } from 'vitest';
import type { ConsortiumRole } from '../../db/schema/index.js';
import { aggregateRound, scoreItem, type AnswerRow } from './aggregate-round.js';
import { loadBuiltInInstruments } from './builtin-instruments.js';
import { discloseBreakdown, effectiveMinGroupSize } from './disclosure.js';

const instruments = new Map(loadBuiltInInstruments().map((instrument) => [instrument.key, instrument.definition]));
const healthCheck = instruments.get('partnership-health-check')!;
const trustAndValue = instruments.get('trust-and-value-rating')!;

const allItems = (definition: typeof healthCheck, value: number) => Object.fromEntries(definition.items.map((item) => [item.key, value]));
const roles = new Map<string, ConsortiumRole>([
  ['lead', 'lead'],
  ['p1', 'partner'],
  ['p2', 'partner'],
]);
const base = { comments: [], commentsEnabled: true, isOpen: false, k: 3 };

describe('scoring', () => {
  it('mirrors a reverse item on its scale and keeps the others', () => {
    const reversed = healthCheck.items.find((item) => item.reverse)!;
    const plain = healthCheck.items.find((item) => !item.reverse)!;
    const values = healthCheck.scales[reversed.scale]!.values;
    const [min, max] = [Math.min(...values), Math.max(...values)];
    expect(scoreItem(healthCheck, reversed.key, min)).toBe(max);
    expect(scoreItem(healthCheck, reversed.key, max)).toBe(min);
    expect(scoreItem(healthCheck, plain.key, min)).toBe(min);
  });

  it('averages dimension and item scores with reverse items scored reversed', () => {
    // Everyone answers the top of the scale everywhere: reverse items score the bottom.
    const values = healthCheck.scales.agreement!.values;
    const top = Math.max(...values);
    const bottom = Math.min(...values);
    const rows: AnswerRow[] = ['lead', 'lead', 'lead'].map((organization) => ({ respondentOrganizationId: organization, targetOrganizationId: null, values: allItems(healthCheck, top) }));
    const result = aggregateRound({ ...base, definition: healthCheck, rows, roles: new Map() });
    const purpose = result.total!.dimensions.find((dimension) => dimension.key === 'shared-purpose')!;
    // shared-purpose has 4 items, one reversed: (3 * top + bottom) / 4.
    expect(purpose.mean).toBeCloseTo((3 * top + bottom) / 4, 3);
    expect(result.total!.items.find((item) => item.key === 'sp-pulling-apart')!.mean).toBe(bottom);
    expect(result.total!.items.find((item) => item.key === 'sp-explain')!.mean).toBe(top);
  });
});

describe('the k threshold', () => {
  const rowsFrom = (counts: Record<string, number>) =>
    Object.entries(counts).flatMap(([organization, count]) => Array.from({ length: count }, () => ({ respondentOrganizationId: organization, targetOrganizationId: null, values: allItems(healthCheck, 3) })));

  it('never goes below 3 nor below the instance minimum', () => {
    expect(effectiveMinGroupSize(2, 3)).toBe(3);
    expect(effectiveMinGroupSize(3, 5)).toBe(5);
    expect(effectiveMinGroupSize(7, 5)).toBe(7);
  });

  it('shows nothing with fewer than k respondents, and nothing while the round is open', () => {
    expect(aggregateRound({ ...base, definition: healthCheck, rows: rowsFrom({ lead: 2 }), roles }).total).toBeNull();
    const open = aggregateRound({ ...base, isOpen: true, definition: healthCheck, rows: rowsFrom({ lead: 5, p1: 5 }), roles });
    expect(open.disclosure).toEqual({ shown: false, reason: 'round-open' });
    expect(open.total).toBeNull();
  });

  it('hides a whole breakdown when one group is under k, so that subtraction reveals nothing', () => {
    const result = aggregateRound({ ...base, definition: healthCheck, rows: rowsFrom({ lead: 4, p1: 4, p2: 1 }), roles });
    expect(result.total?.respondents).toBe(9);
    expect(result.givenBy).toMatchObject({ shown: false, reason: 'group-too-small', groups: [] });
    expect(result.leadVsPartners).toMatchObject({ shown: true });
  });

  it('hides a split whose remainder is under k', () => {
    expect(discloseBreakdown(5, [3], 3)).toEqual({ shown: false, reason: 'remainder-too-small' });
    expect(discloseBreakdown(6, [3], 3)).toEqual({ shown: true });
    expect(discloseBreakdown(7, [3, 3], 3)).toEqual({ shown: false, reason: 'remainder-too-small' });
    expect(discloseBreakdown(6, [6], 3)).toEqual({ shown: true });
  });

  it('shows comments only with k respondents and never when turned off', () => {
    const few = aggregateRound({ ...base, comments: ['a'], definition: healthCheck, rows: rowsFrom({ lead: 2 }), roles });
    expect(few.comments.texts).toEqual([]);
    const off = aggregateRound({ ...base, commentsEnabled: false, comments: ['a'], definition: healthCheck, rows: rowsFrom({ lead: 3, p1: 3 }), roles });
    expect(off.comments).toEqual({ shown: false, reason: 'comments-off', texts: [] });
    const on = aggregateRound({ ...base, comments: ['b', 'a'], definition: healthCheck, rows: rowsFrom({ lead: 3, p1: 3 }), roles });
    expect(on.comments.texts).toEqual(['a', 'b']);
  });
});

describe('dyadic ratings', () => {
  const rate = (from: string, to: string, trust: number, value: number): AnswerRow => ({
    respondentOrganizationId: from,
    targetOrganizationId: to,
    values: Object.fromEntries(trustAndValue.items.map((item) => [item.key, item.dimension === 'trust' ? trust : value])),
  });
  const people = (organization: string, count: number, trust: number, value: number) =>
    Array.from({ length: count }).flatMap(() => [...roles.keys()].filter((target) => target !== organization).map((target) => rate(organization, target, trust, value)));

  it('gives trust and value received per organization and the lead-versus-partners gap', () => {
    const rows = [...people('lead', 3, 4, 4), ...people('p1', 3, 2, 2), ...people('p2', 3, 2, 3)];
    const result = aggregateRound({ ...base, definition: trustAndValue, rows, roles });
    expect(result.respondents).toBe(9);
    const lead = result.receivedBy!.groups.find((group) => group.key === 'lead')!;
    expect(lead.respondents).toBe(6);
    expect(lead.dimensions).toEqual([
      { key: 'trust', mean: 2 },
      { key: 'value', mean: 2.5 },
    ]);
    expect(result.leadVsPartners!.gap!.overall).toBeCloseTo(4 - 2.25, 3);
    expect(result.pairs).toHaveLength(6);
  });

  it('withholds pairs of a rated organization when one group of its raters is under k', () => {
    const rows = [...people('lead', 3, 4, 4), ...people('p1', 3, 2, 2), ...people('p2', 2, 2, 3)];
    const result = aggregateRound({ ...base, definition: trustAndValue, rows, roles });
    expect(result.pairs.some((pair) => pair.raterOrganizationId === 'p2')).toBe(false);
    // Raters of p2 (lead 3, p1 3) pass, so those pairs stay.
    expect(result.pairs.filter((pair) => pair.rateeOrganizationId === 'p2')).toHaveLength(2);
    // Every organization still has at least k raters in all, so what each receives is shown.
    expect(result.receivedBy).toMatchObject({ shown: true });
    expect(result.givenBy).toMatchObject({ shown: false, reason: 'group-too-small' });
  });
});
