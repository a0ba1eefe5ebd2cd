import type { Actor } from '../../lib/actor.js';

/** A shared organization profile, with what the rules need to know about it. */
export type ProfileResource = {
  kind: 'organization-profile';
  organizationId: string;
  /** The organization whose user created the profile (a candidate partner, a donor...). */
  createdByOrganizationId: string | null;
  /** Whether the organization has users of its own on this instance. */
  hasOwnUsers: boolean;
};

type InstanceResource = { kind: 'instance' };

/** Its own users edit a profile; while it has none, the organization that created it does; instance administrators always. */
export const canEditProfile = (actor: Actor, resource: ProfileResource) =>
  actor.isInstanceAdmin ||
  actor.organizationId === resource.organizationId ||
  (!resource.hasOwnUsers && resource.createdByOrganizationId !== null && resource.createdByOrganizationId === actor.organizationId);

/** Registry rules: profiles are read by everyone signed in; editing, deleting and merging are narrower. */
export const registryRules = {
  'organization.create': (_actor: Actor, _resource: InstanceResource) => true,
  'organization.edit': canEditProfile,
  'organization.delete': (actor: Actor, resource: ProfileResource) =>
    actor.isInstanceAdmin ||
    (actor.organizationId === resource.organizationId && actor.role === 'org-admin') ||
    (!resource.hasOwnUsers && resource.createdByOrganizationId !== null && resource.createdByOrganizationId === actor.organizationId),
  'organizations.merge': (actor: Actor, _resource: InstanceResource) => actor.isInstanceAdmin,
  'organizations.import': (actor: Actor, _resource: InstanceResource) => actor.isInstanceAdmin || actor.role === 'org-admin',
};
