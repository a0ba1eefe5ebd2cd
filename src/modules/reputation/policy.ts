import type { Actor } from '../../lib/actor.js';

/**
 * A feedback record as the rules see it. `programmeMember` says whether the actor's organization
 * (or the actor) takes part in the programme the record is linked to.
 */
export type FeedbackResource = { kind: 'feedback'; organizationId: string; shared: boolean; linkedToProgramme: boolean; programmeMember: boolean };

/** Reputation rules: records are the organization's own; shared ones linked to a programme are read by its members. */
export const reputationRules = {
  'feedback.view': (actor: Actor, resource: FeedbackResource) =>
    resource.organizationId === actor.organizationId || (resource.shared && resource.linkedToProgramme && resource.programmeMember),
  'feedback.edit': (actor: Actor, resource: FeedbackResource) => resource.organizationId === actor.organizationId,
};
