import { describe, expect, it } from 'vitest';
import { authorize, can } from './policy.js';
import type { Actor } from './actor.js';
import type { ProgrammeAccess } from '../modules/programmes/policy.js';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  organizationId: 'o1',
  email: 'a@b.org',
  name: 'A',
  role: 'member',
  isInstanceAdmin: false,
  language: null,
  via: 'session',
  ...overrides,
});

const programme = (access: Partial<ProgrammeAccess>) =>
  ({ kind: 'programme', access: { programmeId: 'p1', consortiumRole: null, userRole: null, budgetTransparent: true, ...access } }) as const;

describe('account rules', () => {
  it('lets organization administrators invite into their own organization only', () => {
    expect(can(actor({ role: 'org-admin' }), 'users.invite', { kind: 'organization', organizationId: 'o1' })).toBe(true);
    expect(can(actor({ role: 'org-admin' }), 'users.invite', { kind: 'organization', organizationId: 'o2' })).toBe(false);
    expect(can(actor(), 'users.invite', { kind: 'organization', organizationId: 'o1' })).toBe(false);
    expect(can(actor({ isInstanceAdmin: true }), 'users.invite', { kind: 'organization', organizationId: 'o2' })).toBe(true);
  });

  it('does not let administrators issue a reset link for themselves', () => {
    expect(can(actor({ role: 'org-admin' }), 'user.issue-reset', { kind: 'user', userId: 'u1', organizationId: 'o1' })).toBe(false);
    expect(can(actor({ role: 'org-admin' }), 'user.issue-reset', { kind: 'user', userId: 'u2', organizationId: 'o1' })).toBe(true);
  });
});

describe('programme rules', () => {
  it('gives sight to members and observers only', () => {
    expect(can(actor(), 'programme.view', programme({ consortiumRole: 'partner' }))).toBe(true);
    expect(can(actor(), 'programme.view', programme({ userRole: 'observer' }))).toBe(true);
    expect(can(actor({ isInstanceAdmin: true }), 'programme.view', programme({}))).toBe(false);
  });

  it('lets managers and the lead\'s administrators change structure, not partners or observers', () => {
    expect(can(actor(), 'programme.manage', programme({ userRole: 'manager' }))).toBe(true);
    expect(can(actor({ role: 'org-admin' }), 'programme.manage', programme({ consortiumRole: 'lead' }))).toBe(true);
    expect(can(actor({ role: 'org-admin' }), 'programme.manage', programme({ consortiumRole: 'partner' }))).toBe(false);
    expect(can(actor(), 'programme.manage', programme({ consortiumRole: 'lead' }))).toBe(false);
    expect(can(actor(), 'programme.manage', programme({ userRole: 'observer' }))).toBe(false);
  });

  it('lets every member organization record its own part, but not observers', () => {
    expect(can(actor(), 'programme.contribute', programme({ consortiumRole: 'vendor' }))).toBe(true);
    expect(can(actor(), 'programme.contribute', programme({ userRole: 'observer' }))).toBe(false);
  });

  it('shows the whole budget to members when it is transparent, never to vendors, and only to managers when it is not', () => {
    expect(can(actor(), 'programme.view-budget', programme({ consortiumRole: 'partner' }))).toBe(true);
    expect(can(actor(), 'programme.view-budget', programme({ consortiumRole: 'vendor' }))).toBe(false);
    expect(can(actor(), 'programme.view-budget', programme({ consortiumRole: 'partner', budgetTransparent: false }))).toBe(false);
    expect(can(actor(), 'programme.view-budget', programme({ userRole: 'manager', budgetTransparent: false }))).toBe(true);
  });

  it('answers 404 to outsiders and 403 to members lacking a right', () => {
    expect(() => authorize(actor(), 'programme.manage', programme({}))).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => authorize(actor(), 'programme.manage', programme({ consortiumRole: 'partner' }))).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});
