import type { Actor } from '../../lib/actor.js';

type InstanceResource = { kind: 'instance' };

/**
 * Who reads the audit trail: instance administrators everything, organization administrators
 * their organization's records; programme managers their programmes' records (checked against
 * the programmes they manage, see list-audit.ts).
 */
export const auditRules = {
  'audit.read-all': (actor: Actor, _resource: InstanceResource) => actor.isInstanceAdmin,
  'audit.read-organization': (actor: Actor, _resource: InstanceResource) => actor.isInstanceAdmin || actor.role === 'org-admin',
};
