import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { programmes } from './programmes.js';
import { users } from './accounts.js';

export const stakeholderKinds = ['beneficiary-group', 'authority', 'media', 'donor', 'peer', 'other'] as const;
export type StakeholderKind = (typeof stakeholderKinds)[number];

export const feedbackChannels = ['meeting', 'visit', 'survey', 'complaint-mechanism', 'letter', 'email', 'phone', 'media', 'social-media', 'other'] as const;
export type FeedbackChannel = (typeof feedbackChannels)[number];

export const followUpStatuses = ['none', 'open', 'in-progress', 'done'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** Someone whose view of the organization matters to it; kept by (and private to) that organization. */
export const stakeholders = pgTable(
  'stakeholders',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: stakeholderKinds }).notNull(),
    /** When the stakeholder is an organization of the registry. */
    linkedOrganizationId: uuid('linked_organization_id').references(() => organizations.id),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('stakeholders_organization_index').on(table.organizationId)],
);

/**
 * What a stakeholder said about the organization, how it was received, and what the organization
 * did about it. Private to the organization; shared with a programme's members only when linked
 * to that programme and marked shared.
 */
export const feedbackRecords = pgTable(
  'feedback_records',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    stakeholderId: uuid('stakeholder_id').references(() => stakeholders.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    channel: text('channel', { enum: feedbackChannels }).notNull(),
    receivedOn: date('received_on').notNull(),
    topic: text('topic').notNull(),
    /** -2 very negative … 2 very positive. */
    sentiment: integer('sentiment').notNull(),
    details: text('details'),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    followUp: text('follow_up'),
    followUpStatus: text('follow_up_status', { enum: followUpStatuses }).notNull().default('none'),
    shared: boolean('shared').notNull().default(false),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    index('feedback_records_organization_index').on(table.organizationId, table.receivedOn),
    index('feedback_records_programme_index').on(table.programmeId),
    check('feedback_records_sentiment_range', sql`${table.sentiment} between -2 and 2`),
  ],
);
