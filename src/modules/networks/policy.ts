import type { Actor } from '../../lib/actor.js';
import type { SignatoryStatus, StatementStatus } from '../../db/schema/index.js';
import { canEditProfile, type ProfileResource } from '../organizations/policy.js';

/** A network as the rules see it: its own profile, and the organizations holding its secretariat now. */
export type NetworkResource = { kind: 'network'; profile: ProfileResource; secretariatOrganizationIds: string[] };

/** A statement as the rules see it. */
export type StatementResource = {
  kind: 'statement';
  status: StatementStatus;
  draftingOrganizationId: string;
  signatories: Array<{ organizationId: string; status: SignatoryStatus }>;
  /** Current secretariat members of the network the statement speaks for. */
  secretariatOrganizationIds: string[];
};

const isDrafterOrSecretariat = (actor: Actor, resource: StatementResource) =>
  resource.draftingOrganizationId === actor.organizationId || resource.secretariatOrganizationIds.includes(actor.organizationId);

const signatoryOf = (actor: Actor, resource: StatementResource) => resource.signatories.find((signatory) => signatory.organizationId === actor.organizationId);

/** Network rules: the network's own users (or its secretariat) keep its membership list; everyone reads it. */
export const networkRules = {
  'network.mark': (actor: Actor, resource: ProfileResource) => canEditProfile(actor, resource),
  'network.manage': (actor: Actor, resource: NetworkResource) =>
    canEditProfile(actor, resource.profile) || resource.secretariatOrganizationIds.includes(actor.organizationId),
};

/**
 * Statement rules: a draft is seen by the drafter, the secretariat and the invited organizations;
 * a published statement by everyone. Each invited organization answers through its own users only.
 */
export const statementRules = {
  'statement.view': (actor: Actor, resource: StatementResource) =>
    resource.status === 'published' || isDrafterOrSecretariat(actor, resource) || signatoryOf(actor, resource) !== undefined,
  'statement.edit': (actor: Actor, resource: StatementResource) =>
    resource.status === 'draft' && (isDrafterOrSecretariat(actor, resource) || (signatoryOf(actor, resource)?.status ?? 'declined') !== 'declined'),
  'statement.invite': (actor: Actor, resource: StatementResource) => resource.status === 'draft' && isDrafterOrSecretariat(actor, resource),
  'statement.publish': (actor: Actor, resource: StatementResource) => resource.status === 'draft' && isDrafterOrSecretariat(actor, resource),
  'statement.respond': (actor: Actor, resource: StatementResource) => resource.status === 'draft' && signatoryOf(actor, resource) !== undefined,
};
