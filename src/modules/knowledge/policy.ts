import type { Actor } from '../../lib/actor.js';
import type { KnowledgeVisibility } from '../../db/schema/index.js';

/** An article as the rules see it: shipped (no owner) or an organization's own. */
export type ArticleResource = { kind: 'knowledge-article'; ownerOrganizationId: string | null; visibility: KnowledgeVisibility };

type InstanceResource = { kind: 'instance' };

const canView = (actor: Actor, resource: ArticleResource) =>
  resource.ownerOrganizationId === null || resource.visibility === 'instance' || resource.ownerOrganizationId === actor.organizationId;

/** Knowledge rules: shipped and shared articles are read by everyone; an organization writes only its own. */
export const knowledgeRules = {
  'knowledge.create': (_actor: Actor, _resource: InstanceResource) => true,
  'knowledge.view': canView,
  'knowledge.edit': (actor: Actor, resource: ArticleResource) => resource.ownerOrganizationId !== null && resource.ownerOrganizationId === actor.organizationId,
};
