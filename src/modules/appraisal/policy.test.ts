import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/actor.js';
import { authorize, can } from '../../lib/policy.js';
import type { PrivateRecordResource } from './policy.js';

const actor = (organizationId: string, overrides: Partial<Actor> = {}): Actor => ({
  userId: `user-of-${organizationId}`,
  organizationId,
  email: 'someone@example.org',
  name: 'Someone',
  role: 'member',
  isInstanceAdmin: false,
  language: null,
  via: 'session',
  ...overrides,
});

const record = (shared: boolean): PrivateRecordResource => ({ kind: 'private-record', ownerOrganizationId: 'maker', subjectOrganizationId: 'subject', shared });

describe('private record rules', () => {
  it('give the making organization every right, whatever the user\'s role', () => {
    for (const action of ['private-record.view', 'private-record.edit', 'private-record.decide', 'private-record.share'] as const) {
      expect(can(actor('maker'), action, record(false)), action).toBe(true);
    }
  });

  it('let the organization it is about read it only once shared, and never change it', () => {
    expect(can(actor('subject'), 'private-record.view', record(false))).toBe(false);
    expect(can(actor('subject'), 'private-record.view', record(true))).toBe(true);
    expect(can(actor('subject', { role: 'org-admin' }), 'private-record.edit', record(true))).toBe(false);
    expect(can(actor('subject'), 'private-record.decide', record(true))).toBe(false);
  });

  it('give nothing to other organizations or to instance administrators', () => {
    expect(can(actor('third'), 'private-record.view', record(true))).toBe(false);
    expect(can(actor('admin-org', { isInstanceAdmin: true, role: 'org-admin' }), 'private-record.view', record(true))).toBe(false);
  });

  it('answer 404 to those who may not read, 403 to readers who may not change', () => {
    expect(() => authorize(actor('third'), 'private-record.edit', record(true))).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => authorize(actor('subject'), 'private-record.edit', record(false))).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => authorize(actor('subject'), 'private-record.edit', record(true))).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('keep the built-in template read-only and organization templates private', () => {
    expect(can(actor('maker'), 'appraisal-template.view', { kind: 'appraisal-template', ownerOrganizationId: null })).toBe(true);
    expect(can(actor('maker'), 'appraisal-template.edit', { kind: 'appraisal-template', ownerOrganizationId: null })).toBe(false);
    expect(() => authorize(actor('third'), 'appraisal-template.edit', { kind: 'appraisal-template', ownerOrganizationId: 'maker' })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
