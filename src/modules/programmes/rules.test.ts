import { describe, expect, it } from 'vitest';
import { programmeStatuses } from '../../db/schema/index.js';
import { allowedTransitions, canTransition } from './lifecycle.js';
import { checkRaci } from './raci.js';
import { summarizeBudget } from './budget-summary.js';
import { defaultIatiRole } from './iati-roles.js';

describe('programme lifecycle', () => {
  it('moves one step forward or back', () => {
    expect(allowedTransitions('identification')).toEqual(['formulation']);
    expect(allowedTransitions('formulation')).toEqual(['contracting', 'identification']);
    expect(allowedTransitions('implementation')).toEqual(['closure', 'contracting']);
    expect(allowedTransitions('closure')).toEqual(['closed', 'implementation']);
  });

  it('keeps closed final', () => {
    expect(allowedTransitions('closed')).toEqual([]);
    for (const status of programmeStatuses) expect(canTransition('closed', status)).toBe(false);
  });

  it('refuses jumps and staying put', () => {
    expect(canTransition('identification', 'implementation')).toBe(false);
    expect(canTransition('implementation', 'identification')).toBe(false);
    expect(canTransition('contracting', 'contracting')).toBe(false);
    expect(canTransition('identification', 'closed')).toBe(false);
  });
});

describe('RACI validation', () => {
  it('accepts exactly one Accountable, who may also be Responsible', () => {
    expect(checkRaci({ a: 'A', b: 'R', c: 'C', d: 'I' })).toEqual([]);
    expect(checkRaci({ a: 'AR', b: 'C' })).toEqual([]);
  });

  it('names the field when nobody is Accountable', () => {
    const problems = checkRaci({ a: 'R', b: 'C' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.pointer).toBe('/raci');
    expect(problems[0]!.message).toMatch(/exactly one Accountable/);
  });

  it('names the extra Accountable organizations', () => {
    const problems = checkRaci({ a: 'A', b: 'AR', c: 'A' });
    expect(problems.map((problem) => problem.pointer)).toEqual(['/raci/b', '/raci/c']);
  });
});

describe('budget totals and shares', () => {
  it('sums per organization in cents and computes shares and gaps to plan', () => {
    const summary = summarizeBudget(
      [
        { organizationId: 'lead', amount: 600_000.1, indirectCosts: 42_000, ownContribution: 0 },
        { organizationId: 'lead', amount: 0.2, indirectCosts: 0, ownContribution: 0 },
        { organizationId: 'local', amount: 300_000, indirectCosts: 21_000, ownContribution: 15_000 },
        { organizationId: 'uni', amount: 100_000, indirectCosts: 0, ownContribution: 100_000 },
      ],
      [
        { organizationId: 'lead', plannedShare: 50 },
        { organizationId: 'local', plannedShare: 35 },
        { organizationId: 'uni', plannedShare: null },
        { organizationId: 'idle', plannedShare: 5 },
      ],
    );
    expect(summary.total).toBe(1_000_000.3);
    expect(summary.indirectCosts).toBe(63_000);
    expect(summary.ownContribution).toBe(115_000);
    const byId = Object.fromEntries(summary.organizations.map((row) => [row.organizationId, row]));
    expect(byId.lead!.amount).toBe(600_000.3);
    expect(byId.lead!.lines).toBe(2);
    expect(byId.lead!.share).toBe(60);
    expect(byId.lead!.shareGap).toBe(10);
    expect(byId.local!.share).toBe(30);
    expect(byId.local!.shareGap).toBe(-5);
    expect(byId.uni!.shareGap).toBeNull();
    expect(byId.idle).toMatchObject({ amount: 0, share: 0, shareGap: -5 });
    const shares = summary.organizations.reduce((sum, row) => sum + row.share, 0);
    expect(shares).toBeCloseTo(100, 1);
  });

  it('gives zero shares to an empty budget', () => {
    const summary = summarizeBudget([], [{ organizationId: 'a', plannedShare: null }]);
    expect(summary.total).toBe(0);
    expect(summary.organizations[0]!.share).toBe(0);
  });
});

describe('IATI roles', () => {
  it('maps consortium roles to IATI organisation roles by default', () => {
    expect(defaultIatiRole).toEqual({ lead: 2, partner: 4, 'affiliated-entity': 4, associate: 4, vendor: 4, funder: 1 });
  });
});
