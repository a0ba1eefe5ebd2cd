import type { decisionContests, interactions, learningExchanges, meetingActions, meetings, openRatings } from '../../db/schema/index.js';

/** Turns a date column (a string on both engines) or timestamp into the string the API answers with. */
export const isoOf = (value: Date | string): string => (value instanceof Date ? value.toISOString() : value);

type Meta = { id: string; recordedByOrganizationId: string | null; recordedByUserId: string | null; version: number; createdAt: Date; updatedAt: Date };
const presentMeta = (row: Meta, canEdit: boolean) => ({
  id: row.id,
  recordedByOrganizationId: row.recordedByOrganizationId,
  recordedByUserId: row.recordedByUserId,
  canEdit,
  version: row.version,
  createdAt: isoOf(row.createdAt),
  updatedAt: isoOf(row.updatedAt),
});

/** A meeting in lists: when, what kind, who chaired and who came. */
export function presentMeetingSummary(row: typeof meetings.$inferSelect, attendeeOrganizationIds: string[], canEdit: boolean) {
  return {
    ...presentMeta(row, canEdit),
    date: row.date,
    kind: row.kind,
    title: row.title,
    chairOrganizationId: row.chairOrganizationId,
    attendeeOrganizationIds,
    participantUserIds: row.participantUserIds,
  };
}

export function presentAction(row: typeof meetingActions.$inferSelect, canEdit: boolean) {
  return {
    id: row.id,
    description: row.description,
    ownerOrganizationId: row.ownerOrganizationId,
    ownerUserId: row.ownerUserId,
    dueDate: row.dueDate,
    status: row.status,
    canEdit,
    version: row.version,
  };
}

export function presentContest(row: typeof decisionContests.$inferSelect) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    contestedLevel: row.contestedLevel,
    claimedLevel: row.claimedLevel,
    comment: row.comment,
    createdByUserId: row.createdByUserId,
    createdAt: isoOf(row.createdAt),
    withdrawnAt: row.withdrawnAt ? isoOf(row.withdrawnAt) : null,
  };
}

export function presentInteraction(row: typeof interactions.$inferSelect, canEdit: boolean) {
  return {
    ...presentMeta(row, canEdit),
    date: row.date,
    fromOrganizationId: row.fromOrganizationId,
    toOrganizationId: row.toOrganizationId,
    initiatedByOrganizationId: row.initiatedByOrganizationId,
    channel: row.channel,
    subject: row.subject,
  };
}

export function presentLearning(row: typeof learningExchanges.$inferSelect, canEdit: boolean) {
  return {
    ...presentMeta(row, canEdit),
    date: row.date,
    fromOrganizationId: row.fromOrganizationId,
    toOrganizationId: row.toOrganizationId,
    fromUserIds: row.fromUserIds,
    toUserIds: row.toUserIds,
    topic: row.topic,
    description: row.description,
    kind: row.kind,
  };
}

export function presentRating(row: typeof openRatings.$inferSelect, canEdit: boolean) {
  return {
    ...presentMeta(row, canEdit),
    date: row.date,
    raterOrganizationId: row.raterOrganizationId,
    rateeOrganizationId: row.rateeOrganizationId,
    trust: row.trust,
    value: row.value,
    comment: row.comment,
  };
}

export { presentMeta };
