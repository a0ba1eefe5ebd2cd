import { z } from 'zod';
import { actionStatuses, decisionScopes, decisionTopics, interactionChannels, learningKinds, meetingKinds } from '../../db/schema/index.js';
import { pageQuery } from '../../lib/pagination.js';

const isoDate = z.iso.date();
const shortText = z.string().trim().min(1).max(500);
const longText = z.string().max(50_000);
const versionField = z.number().int().min(1);
const involvementLevel = z.number().int().min(0, { message: 'involvement must be from 0 (excluded) to 4 (decides)' }).max(4, { message: 'involvement must be from 0 (excluded) to 4 (decides)' });
const ratingLevel = z.number().int().min(1, { message: 'a rating must be from 1 to 4' }).max(4, { message: 'a rating must be from 1 to 4' });

export const programmeParams = z.object({ id: z.uuid() });
export const recordParams = z.object({ id: z.uuid(), recordId: z.uuid() });
export const actionParams = z.object({ id: z.uuid(), recordId: z.uuid(), actionId: z.uuid() });
export const contestParams = z.object({ id: z.uuid(), recordId: z.uuid(), contestId: z.uuid() });
export const organizationParams = z.object({ id: z.uuid(), orgId: z.uuid() });

export const listQuery = pageQuery.extend({ from: isoDate.optional(), to: isoDate.optional(), organizationId: z.uuid().optional() });
export type ListQuery = z.infer<typeof listQuery>;
export const versionQuery = z.object({ version: z.coerce.number().int().min(1) });

const recordMeta = {
  id: z.uuid(),
  recordedByOrganizationId: z.uuid().nullable(),
  recordedByUserId: z.uuid().nullable(),
  canEdit: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

// Meetings

const actionFields = {
  description: shortText,
  ownerOrganizationId: z.uuid(),
  ownerUserId: z.uuid().nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  status: z.enum(actionStatuses).optional(),
};
export const createActionBody = z.strictObject(actionFields);
export type ActionInput = z.infer<typeof createActionBody>;
export const updateActionBody = z.strictObject({ version: versionField, ...actionFields, description: shortText.optional(), ownerOrganizationId: z.uuid().optional() });
export type UpdateActionInput = z.infer<typeof updateActionBody>;

const meetingFields = {
  date: isoDate,
  kind: z.enum(meetingKinds),
  title: shortText.nullable().optional(),
  chairOrganizationId: z.uuid(),
  attendeeOrganizationIds: z.array(z.uuid()).max(500).default([]),
  participantUserIds: z.array(z.uuid()).max(1000).default([]),
  agenda: longText.nullable().optional(),
  minutes: longText.nullable().optional(),
};
export const createMeetingBody = z.strictObject({ ...meetingFields, actions: z.array(createActionBody).max(200).default([]) });
export type CreateMeetingInput = z.infer<typeof createMeetingBody>;
export const updateMeetingBody = z.strictObject({
  version: versionField,
  date: isoDate.optional(),
  kind: z.enum(meetingKinds).optional(),
  title: shortText.nullable().optional(),
  chairOrganizationId: z.uuid().optional(),
  attendeeOrganizationIds: z.array(z.uuid()).max(500).optional(),
  participantUserIds: z.array(z.uuid()).max(1000).optional(),
  agenda: longText.nullable().optional(),
  minutes: longText.nullable().optional(),
});
export type UpdateMeetingInput = z.infer<typeof updateMeetingBody>;

export const meetingAction = z.object({
  id: z.uuid(),
  description: z.string(),
  ownerOrganizationId: z.uuid(),
  ownerUserId: z.uuid().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(actionStatuses),
  canEdit: z.boolean(),
  version: z.number().int(),
});
export const meetingSummary = z.object({
  ...recordMeta,
  date: z.string(),
  kind: z.enum(meetingKinds),
  title: z.string().nullable(),
  chairOrganizationId: z.uuid(),
  attendeeOrganizationIds: z.array(z.uuid()),
  participantUserIds: z.array(z.uuid()),
});
export const meetingDetail = meetingSummary.extend({
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  actions: z.array(meetingAction),
  decisions: z.array(z.object({ id: z.uuid(), date: z.string(), title: z.string() })),
});

// Decisions

const involvementEntry = z.strictObject({ organizationId: z.uuid(), level: involvementLevel });
const decisionFields = {
  date: isoDate,
  title: shortText,
  description: longText.nullable().optional(),
  meetingId: z.uuid().nullable().optional(),
  scope: z.enum(decisionScopes),
  locality: shortText.nullable().optional(),
  topic: z.enum(decisionTopics),
  involvement: z.array(involvementEntry).max(500),
};
export const createDecisionBody = z.strictObject(decisionFields);
export type CreateDecisionInput = z.infer<typeof createDecisionBody>;
export const updateDecisionBody = z.strictObject({
  version: versionField,
  date: isoDate.optional(),
  title: shortText.optional(),
  description: longText.nullable().optional(),
  meetingId: z.uuid().nullable().optional(),
  scope: z.enum(decisionScopes).optional(),
  locality: shortText.nullable().optional(),
  topic: z.enum(decisionTopics).optional(),
  involvement: z.array(involvementEntry).max(500).optional(),
});
export type UpdateDecisionInput = z.infer<typeof updateDecisionBody>;
export const desiredBody = z.strictObject({ level: involvementLevel.nullable() });
export const contestBody = z.strictObject({ comment: z.string().trim().min(1).max(5_000), claimedLevel: involvementLevel.nullable().optional() });

export const decisionContest = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  contestedLevel: z.number().int().nullable(),
  claimedLevel: z.number().int().nullable(),
  comment: z.string(),
  createdByUserId: z.uuid().nullable(),
  createdAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export const decisionDetail = z.object({
  ...recordMeta,
  date: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  scope: z.enum(decisionScopes),
  locality: z.string().nullable(),
  topic: z.string().nullable(),
  involvement: z.array(z.object({ organizationId: z.uuid(), level: z.number().int().nullable(), desired: z.number().int().nullable() })),
  contests: z.array(decisionContest),
});

// Interactions

const interactionFields = {
  date: isoDate,
  fromOrganizationId: z.uuid(),
  toOrganizationId: z.uuid(),
  /** Who started it: one of the two; `from` when omitted. */
  initiatedByOrganizationId: z.uuid().optional(),
  channel: z.enum(interactionChannels).nullable().optional(),
  subject: z.string().trim().max(500).nullable().optional(),
};
export const createInteractionBody = z.strictObject(interactionFields);
export type InteractionInput = z.infer<typeof createInteractionBody>;
export const batchInteractionsBody = z.strictObject({ items: z.array(createInteractionBody).min(1).max(2_000) });
export const updateInteractionBody = z.strictObject({
  version: versionField,
  date: isoDate.optional(),
  fromOrganizationId: z.uuid().optional(),
  toOrganizationId: z.uuid().optional(),
  initiatedByOrganizationId: z.uuid().optional(),
  channel: z.enum(interactionChannels).nullable().optional(),
  subject: z.string().trim().max(500).nullable().optional(),
});
export type UpdateInteractionInput = z.infer<typeof updateInteractionBody>;
export const interactionDetail = z.object({
  ...recordMeta,
  date: z.string(),
  fromOrganizationId: z.uuid(),
  toOrganizationId: z.uuid(),
  initiatedByOrganizationId: z.uuid(),
  channel: z.string().nullable(),
  subject: z.string().nullable(),
});
export const importQuery = z.object({ dryRun: z.enum(['true', 'false', '1', '0']).optional() });
export const csvRowProblem = z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() });
export const importReport = z.object({ dryRun: z.boolean(), rows: z.number().int(), imported: z.number().int(), problems: z.array(csvRowProblem) });

// Learning

const learningFields = {
  date: isoDate,
  fromOrganizationId: z.uuid(),
  toOrganizationId: z.uuid(),
  fromUserIds: z.array(z.uuid()).max(200).default([]),
  toUserIds: z.array(z.uuid()).max(200).default([]),
  topic: shortText,
  description: longText.nullable().optional(),
  kind: z.enum(learningKinds),
};
export const createLearningBody = z.strictObject(learningFields);
export type CreateLearningInput = z.infer<typeof createLearningBody>;
export const updateLearningBody = z.strictObject({
  version: versionField,
  date: isoDate.optional(),
  fromOrganizationId: z.uuid().optional(),
  toOrganizationId: z.uuid().optional(),
  fromUserIds: z.array(z.uuid()).max(200).optional(),
  toUserIds: z.array(z.uuid()).max(200).optional(),
  topic: shortText.optional(),
  description: longText.nullable().optional(),
  kind: z.enum(learningKinds).optional(),
});
export type UpdateLearningInput = z.infer<typeof updateLearningBody>;
export const learningDetail = z.object({
  ...recordMeta,
  date: z.string(),
  fromOrganizationId: z.uuid(),
  toOrganizationId: z.uuid(),
  fromUserIds: z.array(z.uuid()),
  toUserIds: z.array(z.uuid()),
  topic: z.string(),
  description: z.string().nullable(),
  kind: z.enum(learningKinds),
});

// Open ratings

export const createRatingBody = z.strictObject({
  date: isoDate.nullable().optional(),
  /** The rating organization: the actor's own; a manager may enter one for a member (after a facilitated review). */
  raterOrganizationId: z.uuid().optional(),
  rateeOrganizationId: z.uuid(),
  trust: ratingLevel,
  value: ratingLevel,
  comment: z.string().trim().max(5_000).nullable().optional(),
});
export type CreateRatingInput = z.infer<typeof createRatingBody>;
export const updateRatingBody = z.strictObject({
  version: versionField,
  date: isoDate.nullable().optional(),
  trust: ratingLevel.optional(),
  value: ratingLevel.optional(),
  comment: z.string().trim().max(5_000).nullable().optional(),
});
export type UpdateRatingInput = z.infer<typeof updateRatingBody>;
export const ratingDetail = z.object({
  ...recordMeta,
  date: z.string().nullable(),
  raterOrganizationId: z.uuid(),
  rateeOrganizationId: z.uuid(),
  trust: z.number().int(),
  value: z.number().int(),
  comment: z.string().nullable(),
});

// Timeline and activity

export const timelineTypes = ['meeting', 'decision', 'interaction', 'learning', 'rating'] as const;
export type TimelineType = (typeof timelineTypes)[number];
export const timelineQuery = pageQuery.extend({
  types: z
    .string()
    .max(200)
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return [...timelineTypes];
      const parts = value.split(',').map((part) => part.trim());
      const unknown = parts.filter((part) => !(timelineTypes as readonly string[]).includes(part));
      if (unknown.length > 0) {
        context.addIssue({ code: 'custom', message: `unknown type ${unknown.join(', ')}; expected ${timelineTypes.join(', ')}` });
        return z.NEVER;
      }
      return [...new Set(parts)] as TimelineType[];
    }),
  organizationId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;
export const timelineItem = z.object({
  type: z.enum(timelineTypes),
  id: z.uuid(),
  date: z.string(),
  title: z.string(),
  /** A short qualifier: the meeting kind, decision topic, interaction channel, learning kind, or "trust/value". */
  detail: z.string().nullable(),
  organizationIds: z.array(z.uuid()),
  recordedByOrganizationId: z.uuid().nullable(),
  /** Open ratings only. */
  trust: z.number().int().nullable(),
  value: z.number().int().nullable(),
});
export const activityQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

export const participants = z.object({
  programme: z.object({ id: z.uuid(), startDate: z.string().nullable(), endDate: z.string().nullable(), localities: z.array(z.string()) }),
  organizations: z.array(z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), role: z.string(), left: z.boolean() })),
  users: z.array(z.object({ id: z.uuid(), name: z.string(), organizationId: z.uuid() })),
  me: z.object({ organizationId: z.uuid(), isMember: z.boolean(), canRecord: z.boolean(), canManage: z.boolean() }),
});
