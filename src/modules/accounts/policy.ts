import type { Actor } from '../../lib/actor.js';

type OrganizationResource = { kind: 'organization'; organizationId: string };
type UserResource = { kind: 'user'; userId: string; organizationId: string };
type InstanceResource = { kind: 'instance' };

const isOrgAdminOf = (actor: Actor, organizationId: string) =>
  actor.isInstanceAdmin || (actor.role === 'org-admin' && actor.organizationId === organizationId);

/** Who may manage accounts: organization administrators for their own organization, instance administrators for all. */
export const accountRules = {
  'users.list': (actor: Actor, resource: OrganizationResource) => isOrgAdminOf(actor, resource.organizationId),
  'users.invite': (actor: Actor, resource: OrganizationResource) => isOrgAdminOf(actor, resource.organizationId),
  'user.issue-reset': (actor: Actor, resource: UserResource) =>
    resource.userId !== actor.userId && isOrgAdminOf(actor, resource.organizationId),
  'user.update': (actor: Actor, resource: UserResource) =>
    resource.userId === actor.userId || isOrgAdminOf(actor, resource.organizationId),
  'instance.administer': (actor: Actor, _resource: InstanceResource) => actor.isInstanceAdmin,
};
