import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { programmes } from './programmes.js';
import { users } from './accounts.js';

/*
 * Timeline indexes are ascending on (programme, date, id): PostgreSQL reads them backwards for the
 * newest-first pages (a DESC index written by drizzle-kit is NULLS LAST, which ORDER BY ... DESC cannot use).
 *
 * The programme's working log: meetings, decisions with each organization's involvement,
 * interactions, learning exchanges and open ratings. Every record keeps the organization and user
 * that recorded it: an organization edits only what it recorded (managers excepted). Records that
 * came from a bundle have no recording organization, so only managers edit them.
 */

export const meetingKinds = ['steering-committee', 'coordination', 'technical', 'field-visit', 'other'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const actionStatuses = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const decisionScopes = ['programme', 'local'] as const;
export type DecisionScope = (typeof decisionScopes)[number];

export const decisionTopics = ['budget', 'plan', 'staffing', 'partner-selection', 'methodology', 'communication', 'other'] as const;
export type DecisionTopic = (typeof decisionTopics)[number];

export const interactionChannels = ['meeting', 'call', 'email', 'message', 'visit'] as const;
export type InteractionChannel = (typeof interactionChannels)[number];

export const learningKinds = ['exchange', 'capacity-building'] as const;
export type LearningKind = (typeof learningKinds)[number];

const recordedBy = () => ({
  recordedByOrganizationId: uuid('recorded_by_organization_id').references(() => organizations.id),
  recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
});

const programmeId = () =>
  uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' });

/** A meeting of the consortium; the chair's organization is kept so that rotation shows. */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    programmeId: programmeId(),
    date: date('date').notNull(),
    kind: text('kind', { enum: meetingKinds }).notNull().default('other'),
    title: text('title'),
    chairOrganizationId: uuid('chair_organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Users who came, when known (organizations are in meeting_attendees). */
    participantUserIds: uuid('participant_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    agenda: text('agenda'),
    minutes: text('minutes'),
    ...recordedBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('meetings_timeline_index').on(table.programmeId, table.date, table.id)],
);

/** The organizations that attended a meeting. */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.organizationId] }), index('meeting_attendees_organization_index').on(table.organizationId)],
);

/** A follow-up action agreed in a meeting, owned by an organization (and optionally one of its users). */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    ownerOrganizationId: uuid('owner_organization_id')
      .notNull()
      .references(() => organizations.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date'),
    status: text('status', { enum: actionStatuses }).notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('meeting_actions_meeting_index').on(table.meetingId)],
);

/** A decision, programme-wide or local to a locality, optionally taken in a meeting. */
export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    programmeId: programmeId(),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    date: date('date').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    scope: text('scope', { enum: decisionScopes }).notNull().default('programme'),
    locality: text('locality'),
    /** One of decisionTopics when entered here; free text may come from a bundle. */
    topic: text('topic'),
    ...recordedBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    index('decisions_timeline_index').on(table.programmeId, table.date, table.id),
    index('decisions_meeting_index').on(table.meetingId),
  ],
);

/** Each organization's involvement in a decision as it was: 0 excluded, 1 informed, 2 consulted, 3 co-decides, 4 decides. */
export const decisionInvolvements = pgTable(
  'decision_involvements',
  {
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    level: integer('level').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.decisionId, table.organizationId] }),
    index('decision_involvements_organization_index').on(table.organizationId),
    check('decision_involvements_level_range', sql`${table.level} between 0 and 4`),
  ],
);

/** The involvement an organization wanted in a decision; it belongs to that organization alone. */
export const decisionDesiredInvolvements = pgTable(
  'decision_desired_involvements',
  {
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    level: integer('level').notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.decisionId, table.organizationId] }),
    check('decision_desired_involvements_level_range', sql`${table.level} between 0 and 4`),
  ],
);

/**
 * An organization contesting the level recorded for its own involvement. Contests are never
 * updated in place or deleted: a withdrawal is stamped, and a new contest is a new row.
 */
export const decisionContests = pgTable(
  'decision_contests',
  {
    id: id(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The level recorded when the contest was made (null: none was recorded). */
    contestedLevel: integer('contested_level'),
    /** The level the organization says was right, when it says. */
    claimedLevel: integer('claimed_level'),
    comment: text('comment').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (table) => [index('decision_contests_decision_index').on(table.decisionId, table.createdAt)],
);

/** An exchange between two member organizations; `initiatedBy` is one of the two. */
export const interactions = pgTable(
  'interactions',
  {
    id: id(),
    programmeId: programmeId(),
    date: date('date').notNull(),
    fromOrganizationId: uuid('from_organization_id')
      .notNull()
      .references(() => organizations.id),
    toOrganizationId: uuid('to_organization_id')
      .notNull()
      .references(() => organizations.id),
    initiatedByOrganizationId: uuid('initiated_by_organization_id')
      .notNull()
      .references(() => organizations.id),
    /** One of interactionChannels when entered here; free text may come from a bundle. */
    channel: text('channel'),
    subject: text('subject'),
    ...recordedBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    index('interactions_timeline_index').on(table.programmeId, table.date, table.id),
    index('interactions_from_index').on(table.programmeId, table.fromOrganizationId, table.date, table.id),
    index('interactions_to_index').on(table.programmeId, table.toOrganizationId, table.date, table.id),
  ],
);

/** Who learned what from whom: `from` shared the knowledge, `to` learned. */
export const learningExchanges = pgTable(
  'learning_exchanges',
  {
    id: id(),
    programmeId: programmeId(),
    date: date('date').notNull(),
    fromOrganizationId: uuid('from_organization_id')
      .notNull()
      .references(() => organizations.id),
    toOrganizationId: uuid('to_organization_id')
      .notNull()
      .references(() => organizations.id),
    fromUserIds: uuid('from_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    toUserIds: uuid('to_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    topic: text('topic').notNull(),
    description: text('description'),
    kind: text('kind', { enum: learningKinds }).notNull().default('exchange'),
    ...recordedBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('learning_exchanges_timeline_index').on(table.programmeId, table.date, table.id)],
);

/** Trust and value (1..4) one member organization records about another in its own name; never a survey answer. */
export const openRatings = pgTable(
  'open_ratings',
  {
    id: id(),
    programmeId: programmeId(),
    date: date('date'),
    raterOrganizationId: uuid('rater_organization_id')
      .notNull()
      .references(() => organizations.id),
    rateeOrganizationId: uuid('ratee_organization_id')
      .notNull()
      .references(() => organizations.id),
    trust: integer('trust').notNull(),
    value: integer('value').notNull(),
    comment: text('comment'),
    ...recordedBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    index('open_ratings_programme_index').on(table.programmeId, table.date, table.id),
    check('open_ratings_trust_range', sql`${table.trust} between 1 and 4`),
    check('open_ratings_value_range', sql`${table.value} between 1 and 4`),
  ],
);
