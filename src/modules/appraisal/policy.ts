import type { Actor } from '../../lib/actor.js';

/**
 * An appraisal or capacity assessment: made by one organization about another (or itself), and
 * private to its maker unless shared with the organization it is about.
 */
export type PrivateRecordResource = {
  kind: 'private-record';
  ownerOrganizationId: string;
  subjectOrganizationId: string;
  shared: boolean;
};

/** Every user of the owning organization reads it; the appraised organization reads it once shared. Nobody else, instance administrators included. */
export const canViewPrivateRecord = (actor: Actor, record: PrivateRecordResource) =>
  actor.organizationId === record.ownerOrganizationId || (record.shared && actor.organizationId === record.subjectOrganizationId);

const isOwner = (actor: Actor, record: PrivateRecordResource) => actor.organizationId === record.ownerOrganizationId;

/** Appraisal and capacity rules: only the owning organization changes, decides and shares. */
export const appraisalRules = {
  'private-record.view': canViewPrivateRecord,
  'private-record.edit': isOwner,
  'private-record.decide': isOwner,
  'private-record.share': isOwner,
};

/** A template of the actor's organization (the built-in one belongs to nobody and is read-only). */
export type AppraisalTemplateResource = { kind: 'appraisal-template'; ownerOrganizationId: string | null };

export const appraisalTemplateRules = {
  'appraisal-template.view': (actor: Actor, template: AppraisalTemplateResource) =>
    template.ownerOrganizationId === null || template.ownerOrganizationId === actor.organizationId,
  'appraisal-template.edit': (actor: Actor, template: AppraisalTemplateResource) => template.ownerOrganizationId === actor.organizationId,
};
