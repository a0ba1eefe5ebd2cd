import { describe, expect, it } from 'vitest';
import { validateBundle } from './validate-bundle.js';

function minimalBundle(): Record<string, unknown> {
  return {
    format: 'consortia.programme-bundle/1',
    programme: { ref: 'P1', title: 'Water for all', start: '2024-01-01', end: '2026-12-31', currency: 'EUR', countries: ['SN'] },
    organizations: [
      { ref: 'lead', name: 'Lead NGO', type: '21', country: 'FR' },
      { ref: 'local', name: 'Local NGO', type: '22', country: 'SN', scope: 'local' },
    ],
    members: [
      { org: 'lead', role: 'lead' },
      { org: 'local', role: 'partner' },
    ],
    tasks: [{ ref: 't1', title: 'Wells', locality: 'Thiès', raci: { lead: 'A', local: 'R' } }],
    budget: [{ org: 'lead', amount: 100 }, { org: 'local', amount: 50, indirectCosts: 5 }],
    meetings: [{ date: '2024-02-01', chair: 'lead', attendees: ['lead', 'local'] }],
    decisions: [{ date: '2024-02-01', title: 'Sites', scope: 'local', locality: 'Thiès', involvement: { lead: 3, local: 4 } }],
    interactions: [{ date: '2024-02-02', from: 'local', to: 'lead', channel: 'email' }],
    learning: [{ date: '2024-03-01', from: 'local', to: 'lead', topic: 'Community outreach' }],
    ratings: [{ rater: 'local', ratee: 'lead', trust: 4, value: 3 }],
    agreement: { isPartnership: true, sharedObjectives: 'Clean water', expectationsBothWays: true, transparency: true, mutualLearning: false },
  };
}

function pointers(result: ReturnType<typeof validateBundle>): string[] {
  return result.ok ? [] : result.errors.map((error) => error.pointer);
}

describe('validateBundle', () => {
  it('accepts a complete bundle and fills defaults', () => {
    const result = validateBundle(minimalBundle());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.bundle.programme.budgetTransparent).toBe(true);
  });

  it('accepts a sparse bundle holding only a budget', () => {
    const bundle = minimalBundle();
    for (const key of ['members', 'tasks', 'meetings', 'decisions', 'interactions', 'learning', 'ratings', 'agreement']) delete bundle[key];
    const result = validateBundle(bundle);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.bundle.decisions).toEqual([]);
  });

  it('names an unknown organization by value and pointer', () => {
    const bundle = minimalBundle();
    bundle.interactions = [
      { date: '2024-02-02', from: 'local', to: 'lead' },
      { date: '2024-02-03', from: 'local', to: 'x' },
    ];
    const result = validateBundle(bundle);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ pointer: '/interactions/1/to', message: "unknown organization 'x' at /interactions/1/to" });
  });

  it('checks every kind of organization reference', () => {
    const bundle = minimalBundle();
    bundle.members = [{ org: 'ghost', role: 'partner' }];
    bundle.tasks = [{ ref: 't1', title: 'T', raci: { ghost: 'A' } }];
    bundle.budget = [{ org: 'ghost', amount: 1 }];
    bundle.meetings = [{ date: '2024-01-01', chair: 'ghost', attendees: ['lead', 'ghost'] }];
    bundle.decisions = [{ date: '2024-01-01', title: 'D', scope: 'programme', involvement: { ghost: 1 }, desired: { ghost: 2 } }];
    bundle.learning = [{ date: '2024-01-01', from: 'ghost', to: 'lead', topic: 'x' }];
    bundle.ratings = [{ rater: 'lead', ratee: 'ghost', trust: 2, value: 2 }];
    expect(pointers(validateBundle(bundle)).sort()).toEqual(
      [
        '/members/0/org',
        '/tasks/0/raci/ghost',
        '/budget/0/org',
        '/meetings/0/chair',
        '/meetings/0/attendees/1',
        '/decisions/0/involvement/ghost',
        '/decisions/0/desired/ghost',
        '/learning/0/from',
        '/ratings/0/ratee',
      ].sort(),
    );
  });

  it('refuses duplicate organization and task refs', () => {
    const bundle = minimalBundle();
    bundle.organizations = [
      { ref: 'lead', name: 'A' },
      { ref: 'lead', name: 'B' },
      { ref: 'local', name: 'C' },
    ];
    bundle.tasks = [
      { ref: 't1', title: 'a' },
      { ref: 't1', title: 'b' },
    ];
    expect(pointers(validateBundle(bundle))).toEqual(['/organizations/1/ref', '/tasks/1/ref']);
  });

  it('requires exactly one Accountable when a RACI is given', () => {
    const bundle = minimalBundle();
    bundle.tasks = [
      { ref: 't1', title: 'none', raci: { lead: 'R', local: 'R' } },
      { ref: 't2', title: 'two', raci: { lead: 'A', local: 'A' } },
      { ref: 't3', title: 'no raci' },
    ];
    const result = validateBundle(bundle);
    expect(pointers(result)).toEqual(['/tasks/0/raci', '/tasks/1/raci']);
    if (!result.ok) expect(result.errors[1]?.message).toContain('found 2');
  });

  it('refuses involvement outside 0..4 and ratings outside 1..4', () => {
    const bundle = minimalBundle();
    bundle.decisions = [{ date: '2024-02-01', title: 'S', scope: 'programme', involvement: { lead: 5, local: -1 } }];
    bundle.ratings = [{ rater: 'local', ratee: 'lead', trust: 0, value: 2.5 }];
    expect(pointers(validateBundle(bundle)).sort()).toEqual(
      ['/decisions/0/involvement/lead', '/decisions/0/involvement/local', '/ratings/0/trust', '/ratings/0/value'].sort(),
    );
  });

  it('refuses impossible dates and names the field', () => {
    const bundle = minimalBundle();
    bundle.meetings = [{ date: '2024-02-30', chair: 'lead', attendees: [] }];
    bundle.interactions = [{ date: 'yesterday', from: 'lead', to: 'local' }];
    const result = validateBundle(bundle);
    expect(pointers(result)).toEqual(['/meetings/0/date', '/interactions/0/date']);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/at \/meetings\/0\/date$/);
  });

  it('refuses a programme ending before it starts', () => {
    const bundle = minimalBundle();
    bundle.programme = { ...(bundle.programme as object), end: '2023-01-01' };
    expect(pointers(validateBundle(bundle))).toEqual(['/programme/end']);
  });

  it('reports type errors with their pointer', () => {
    const bundle = minimalBundle();
    bundle.budget = [{ org: 'lead', amount: '100' }];
    bundle.members = [{ org: 'lead', role: 'boss' }];
    expect(pointers(validateBundle(bundle))).toEqual(['/members/0/role', '/budget/0/amount']);
  });

  it('refuses another format and a non-object', () => {
    expect(pointers(validateBundle({ ...minimalBundle(), format: 'consortia.programme-bundle/2' }))).toEqual(['/format']);
    const result = validateBundle('not a bundle');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/at \/$/);
  });

  it('ignores unknown fields anywhere with a warning naming each', () => {
    const bundle = minimalBundle();
    bundle.extra = 1;
    bundle.organizations = [
      { ref: 'lead', name: 'Lead', colour: 'blue' },
      { ref: 'local', name: 'Local' },
    ];
    bundle.programme = { ...(bundle.programme as object), 'sub/title': 'x' };
    const result = validateBundle(bundle);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((warning) => warning.pointer).sort()).toEqual(['/extra', '/organizations/0/colour', '/programme/sub~1title']);
    expect('extra' in result.bundle).toBe(false);
  });

  it('keeps warnings when there are also errors', () => {
    const bundle = minimalBundle();
    bundle.extra = true;
    bundle.budget = [{ org: 'nobody', amount: 1 }];
    const result = validateBundle(bundle);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.warnings.map((warning) => warning.pointer)).toEqual(['/extra']);
    expect(result.errors.map((error) => error.pointer)).toEqual(['/budget/0/org']);
  });

  it('refuses self-interactions and self-ratings', () => {
    const bundle = minimalBundle();
    bundle.interactions = [{ date: '2024-01-02', from: 'lead', to: 'lead' }];
    bundle.ratings = [{ rater: 'local', ratee: 'local', trust: 3, value: 3 }];
    expect(pointers(validateBundle(bundle))).toEqual(['/interactions/0/to', '/ratings/0/ratee']);
  });
});
