import { z } from 'zod';
import { pageQuery } from '../../lib/pagination.js';
import { feedbackChannels, followUpStatuses, stakeholderKinds } from '../../db/schema/index.js';

export const idParams = z.object({ id: z.uuid() });
export const listFeedbackQuery = pageQuery.extend({ programmeId: z.uuid().optional() });

export const createStakeholderBody = z.strictObject({
  name: z.string().trim().min(1).max(300),
  kind: z.enum(stakeholderKinds),
  linkedOrganizationId: z.uuid().nullable().optional(),
  notes: z.string().max(5_000).nullable().optional(),
});

export const updateStakeholderBody = z.strictObject({
  version: z.number().int().min(1),
  name: createStakeholderBody.shape.name.optional(),
  kind: createStakeholderBody.shape.kind.optional(),
  linkedOrganizationId: createStakeholderBody.shape.linkedOrganizationId,
  notes: createStakeholderBody.shape.notes,
});

const feedbackFields = {
  stakeholderId: z.uuid().nullable().optional(),
  source: z.string().trim().min(1).max(300),
  channel: z.enum(feedbackChannels),
  receivedOn: z.iso.date(),
  topic: z.string().trim().min(1).max(300),
  sentiment: z.number().int().min(-2).max(2),
  details: z.string().max(10_000).nullable().optional(),
  programmeId: z.uuid().nullable().optional(),
  followUp: z.string().max(10_000).nullable().optional(),
  followUpStatus: z.enum(followUpStatuses).optional(),
  shared: z.boolean().optional(),
};

export const createFeedbackBody = z.strictObject(feedbackFields);
export const updateFeedbackBody = z.strictObject({
  version: z.number().int().min(1),
  stakeholderId: feedbackFields.stakeholderId,
  source: feedbackFields.source.optional(),
  channel: feedbackFields.channel.optional(),
  receivedOn: feedbackFields.receivedOn.optional(),
  topic: feedbackFields.topic.optional(),
  sentiment: feedbackFields.sentiment.optional(),
  details: feedbackFields.details,
  programmeId: feedbackFields.programmeId,
  followUp: feedbackFields.followUp,
  followUpStatus: feedbackFields.followUpStatus,
  shared: feedbackFields.shared,
});

export const stakeholder = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(stakeholderKinds), linkedOrganizationId: z.uuid().nullable(), notes: z.string().nullable(), version: z.number().int() });

export const feedback = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  stakeholder: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(stakeholderKinds) }).nullable(),
  source: z.string(),
  channel: z.enum(feedbackChannels),
  receivedOn: z.string(),
  topic: z.string(),
  sentiment: z.number().int(),
  details: z.string().nullable(),
  programme: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  followUp: z.string().nullable(),
  followUpStatus: z.enum(followUpStatuses),
  shared: z.boolean(),
  mine: z.boolean(),
  version: z.number().int(),
});

export const quarterSummary = z.object({ quarter: z.string(), records: z.number().int(), meanSentiment: z.number(), positive: z.number().int(), negative: z.number().int(), openFollowUps: z.number().int() });
export const feedbackList = z.object({ items: z.array(feedback), nextCursor: z.string().nullable(), summary: z.array(quarterSummary) });

export const development = z.object({
  learning: z.array(
    z.object({
      id: z.uuid(),
      date: z.string(),
      direction: z.enum(['learned', 'shared']),
      topic: z.string(),
      description: z.string().nullable(),
      kind: z.string(),
      counterpart: z.object({ id: z.uuid(), name: z.string() }),
      programme: z.object({ id: z.uuid(), title: z.string() }),
    }),
  ),
  capacity: z.array(z.object({ key: z.string(), points: z.array(z.object({ assessedOn: z.string(), score: z.number(), kind: z.enum(['self', 'external']), assessor: z.string().nullable() })) })),
});
