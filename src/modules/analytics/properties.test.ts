import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgrammeBundle } from '../bundle/schema.js';
import { validateBundle } from '../bundle/validate-bundle.js';
import { computeAuthenticity } from './compute-authenticity.js';
import type { AuthenticityProfile } from './types.js';

const ORGS = ['lead', 'p1', 'p2', 'p3', 'p4'] as const;
const PARTNERS = ORGS.slice(1);
const LOCALITIES = ['Thiès', 'Kaolack', 'Louga'];

const orgArbitrary = fc.constantFrom(...ORGS);
const dayArbitrary = fc.integer({ min: 0, max: 700 }).map((offset) => new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10));
const pairArbitrary = fc.tuple(orgArbitrary, orgArbitrary).filter(([from, to]) => from !== to);

/** Random but valid bundles: an international lead and four partners, some of them local. */
const bundleArbitrary = fc
  .record({
    localFlags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
    budget: fc.array(fc.record({ org: orgArbitrary, amount: fc.integer({ min: 0, max: 1_000_000 }) }), { minLength: 1, maxLength: 10 }),
    tasks: fc.array(
      fc.record({ accountable: orgArbitrary, responsible: orgArbitrary, locality: fc.option(fc.constantFrom(...LOCALITIES), { nil: undefined }) }),
      { maxLength: 8 },
    ),
    decisions: fc.array(
      fc.record({
        day: dayArbitrary,
        local: fc.option(fc.constantFrom(...LOCALITIES), { nil: undefined }),
        levels: fc.tuple(...ORGS.map(() => fc.integer({ min: 0, max: 4 }))),
        desired: fc.option(fc.tuple(...PARTNERS.map(() => fc.integer({ min: 0, max: 4 }))), { nil: undefined }),
      }),
      { maxLength: 8 },
    ),
    interactions: fc.array(fc.record({ day: dayArbitrary, pair: pairArbitrary }), { minLength: 1, maxLength: 25 }),
    meetings: fc.array(fc.record({ day: dayArbitrary, chair: orgArbitrary }), { maxLength: 4 }),
    learning: fc.array(fc.record({ day: dayArbitrary, pair: pairArbitrary }), { maxLength: 6 }),
    ratings: fc.array(
      fc.record({ day: dayArbitrary, pair: pairArbitrary, trust: fc.integer({ min: 1, max: 4 }), value: fc.integer({ min: 1, max: 4 }) }),
      { maxLength: 8 },
    ),
  })
  .map((drawn): ProgrammeBundle => {
    const raw = {
      format: 'consortia.programme-bundle/1',
      programme: { ref: 'PROP', title: 'Property', start: '2024-01-01', end: '2025-12-31', currency: 'EUR', countries: ['SN'] },
      organizations: ORGS.map((ref, index) => ({
        ref,
        name: ref,
        scope: index === 0 ? 'international' : drawn.localFlags[index - 1] ? 'local' : 'international',
      })),
      members: ORGS.map((ref, index) => ({ org: ref, role: index === 0 ? 'lead' : 'partner' })),
      tasks: drawn.tasks.map((task, index) => ({
        ref: `t${index}`,
        title: `Task ${index}`,
        ...(task.locality === undefined ? {} : { locality: task.locality }),
        raci: task.accountable === task.responsible ? { [task.accountable]: 'A' } : { [task.accountable]: 'A', [task.responsible]: 'R' },
      })),
      budget: drawn.budget,
      meetings: drawn.meetings.map((meeting) => ({ date: meeting.day, chair: meeting.chair, attendees: [...ORGS] })),
      decisions: drawn.decisions.map((decision, index) => ({
        date: decision.day,
        title: `Decision ${index}`,
        scope: decision.local === undefined ? 'programme' : 'local',
        ...(decision.local === undefined ? {} : { locality: decision.local }),
        involvement: Object.fromEntries(ORGS.map((ref, position) => [ref, decision.levels[position]])),
        ...(decision.desired === undefined ? {} : { desired: Object.fromEntries(PARTNERS.map((ref, position) => [ref, decision.desired?.[position]])) }),
      })),
      interactions: drawn.interactions.map((record) => ({ date: record.day, from: record.pair[0], to: record.pair[1] })),
      learning: drawn.learning.map((record) => ({ date: record.day, from: record.pair[0], to: record.pair[1], topic: 'topic' })),
      ratings: drawn.ratings.map((record) => ({ date: record.day, rater: record.pair[0], ratee: record.pair[1], trust: record.trust, value: record.value })),
    };
    const validation = validateBundle(raw);
    if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
    return validation.bundle;
  });

function scoreOf(profile: AuthenticityProfile, key: string): number | null {
  return profile.dimensions.find((dimension) => dimension.key === key)?.score ?? null;
}

/** Everything in a profile that must not depend on names or order: evidence and wording may. */
function essence(profile: AuthenticityProfile): unknown {
  return {
    verdict: profile.verdict,
    confidence: profile.confidence,
    dimensions: profile.dimensions.map((dimension) => ({
      key: dimension.key,
      score: dimension.score,
      metrics: dimension.metrics.map((entry) => [entry.key, entry.value]),
    })),
    flags: profile.flags.map((entry) => [entry.key, entry.severity]).sort(),
  };
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed || 1;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

describe('authenticity properties', () => {
  it('moving budget from an international lead to local partners never lowers resources', () => {
    fc.assert(
      fc.property(bundleArbitrary, fc.integer({ min: 1, max: 500_000 }), fc.nat(), (bundle, moved, pick) => {
        const locals = bundle.organizations.filter((organization) => organization.scope === 'local').map((organization) => organization.ref);
        const leadAmount = bundle.budget.filter((line) => line.org === 'lead').reduce((sum, line) => sum + line.amount, 0);
        fc.pre(locals.length > 0 && leadAmount > 0);
        const amount = Math.min(moved, leadAmount);
        // Take the amount off the lead's lines, in order, and give it to one local partner.
        let remaining = amount;
        const budget = bundle.budget.map((line) => {
          if (line.org !== 'lead' || remaining === 0) return line;
          const taken = Math.min(line.amount, remaining);
          remaining -= taken;
          return { ...line, amount: line.amount - taken };
        });
        budget.push({ org: locals[pick % locals.length] as string, amount });
        const before = scoreOf(computeAuthenticity(bundle), 'resources');
        const after = scoreOf(computeAuthenticity({ ...bundle, budget }), 'resources');
        expect(after).not.toBeNull();
        expect(after as number).toBeGreaterThanOrEqual(before as number);
      }),
      { numRuns: 300 },
    );
  });

  it('adding reciprocal interactions never lowers communication', () => {
    fc.assert(
      fc.property(bundleArbitrary, pairArbitrary, dayArbitrary, fc.integer({ min: 1, max: 3 }), (bundle, [a, b], day, times) => {
        const added = Array.from({ length: times }, () => [
          { date: day, from: a, to: b },
          { date: day, from: b, to: a },
        ]).flat();
        const before = scoreOf(computeAuthenticity(bundle), 'communication');
        const after = scoreOf(computeAuthenticity({ ...bundle, interactions: [...bundle.interactions, ...added] }), 'communication');
        expect(after as number).toBeGreaterThanOrEqual(before as number);
      }),
      { numRuns: 300 },
    );
  });

  it('renaming organization refs changes nothing', () => {
    fc.assert(
      fc.property(bundleArbitrary, fc.string({ minLength: 1, maxLength: 6 }), (bundle, prefix) => {
        const rename = (ref: string): string => `${prefix}:${ref.split('').reverse().join('')}`;
        const renameKeys = <T>(record: Record<string, T>): Record<string, T> =>
          Object.fromEntries(Object.entries(record).map(([key, value]) => [rename(key), value]));
        const renamed: ProgrammeBundle = {
          ...bundle,
          organizations: bundle.organizations.map((organization) => ({ ...organization, ref: rename(organization.ref) })),
          members: bundle.members.map((member) => ({ ...member, org: rename(member.org) })),
          tasks: bundle.tasks.map((task) => ({ ...task, raci: renameKeys(task.raci ?? {}) })),
          budget: bundle.budget.map((line) => ({ ...line, org: rename(line.org) })),
          meetings: bundle.meetings.map((meeting) => ({ ...meeting, chair: rename(meeting.chair), attendees: meeting.attendees.map(rename) })),
          decisions: bundle.decisions.map((decision) => ({
            ...decision,
            involvement: renameKeys(decision.involvement),
            ...(decision.desired === undefined ? {} : { desired: renameKeys(decision.desired) }),
          })),
          interactions: bundle.interactions.map((record) => ({ ...record, from: rename(record.from), to: rename(record.to) })),
          learning: bundle.learning.map((record) => ({ ...record, from: rename(record.from), to: rename(record.to) })),
          ratings: bundle.ratings.map((record) => ({ ...record, rater: rename(record.rater), ratee: rename(record.ratee) })),
        };
        expect(essence(computeAuthenticity(renamed))).toEqual(essence(computeAuthenticity(bundle)));
      }),
      { numRuns: 200 },
    );
  });

  it('reordering records changes nothing', () => {
    fc.assert(
      fc.property(bundleArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (bundle, seed) => {
        const reordered: ProgrammeBundle = {
          ...bundle,
          organizations: shuffle(bundle.organizations, seed),
          members: shuffle(bundle.members, seed + 1),
          tasks: shuffle(bundle.tasks, seed + 2),
          budget: shuffle(bundle.budget, seed + 3),
          meetings: shuffle(bundle.meetings, seed + 4),
          decisions: shuffle(bundle.decisions, seed + 5),
          interactions: shuffle(bundle.interactions, seed + 6),
          learning: shuffle(bundle.learning, seed + 7),
          ratings: shuffle(bundle.ratings, seed + 8),
        };
        expect(essence(computeAuthenticity(reordered))).toEqual(essence(computeAuthenticity(bundle)));
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(bundleArbitrary, (bundle) => {
        expect(JSON.stringify(computeAuthenticity(bundle))).toBe(JSON.stringify(computeAuthenticity(structuredClone(bundle))));
      }),
      { numRuns: 100 },
    );
  });

  it('never calls genuine a programme with only a budget', () => {
    fc.assert(
      fc.property(bundleArbitrary, (bundle) => {
        const budgetOnly: ProgrammeBundle = { ...bundle, tasks: [], meetings: [], decisions: [], interactions: [], learning: [], ratings: [], agreement: undefined };
        expect(computeAuthenticity(budgetOnly).verdict).not.toBe('genuine');
      }),
      { numRuns: 100 },
    );
  });
});
