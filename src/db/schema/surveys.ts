import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { users } from './accounts.js';
import { programmes } from './programmes.js';

export const instrumentKinds = ['health-check', 'dyadic', 'pulse', 'allegiance', 'custom'] as const;
export type InstrumentKind = (typeof instrumentKinds)[number];

export type Bilingual = { en: string; fr: string };

/** What an instrument asks: its scales, its items and whether it invites a free-text comment. */
export type InstrumentDefinition = {
  title: Bilingual;
  description: Bilingual;
  frameworks: string[];
  kind: InstrumentKind;
  /** Each respondent answers every item once per other member organization (trust and value). */
  perTarget: boolean;
  scales: Record<string, { values: number[]; labels: { en: string[]; fr: string[] } }>;
  items: Array<{ key: string; dimension: string; scale: string; reverse: boolean; text: Bilingual }>;
  comments: { enabled: boolean; prompt: Bilingual };
};

/** Survey instruments: the built-in ones (no owner, read-only) and those an organization entered for itself. */
export const surveyInstruments = pgTable(
  'survey_instruments',
  {
    id: id(),
    /** The content key of a built-in instrument; null for an organization's own. */
    builtInKey: text('built_in_key'),
    /** The organization that owns the instrument; null for the built-ins. */
    organizationId: uuid('organization_id').references(() => organizations.id),
    contentVersion: integer('content_version').notNull().default(1),
    definition: jsonb('definition').$type<InstrumentDefinition>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    uniqueIndex('survey_instruments_built_in_key_unique').on(table.builtInKey),
    index('survey_instruments_organization_index').on(table.organizationId),
    check('survey_instruments_owner_check', sql`(${table.builtInKey} is null) <> (${table.organizationId} is null)`),
  ],
);

/**
 * A round of an instrument: in a programme (people of every member organization answer) or
 * inside one organization (its own staff). The instrument is copied in, so later edits of the
 * instrument do not change what was asked.
 */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: id(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => surveyInstruments.id),
    definition: jsonb('definition').$type<InstrumentDefinition>().notNull(),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    /** The organization running the round: for an internal round, the one whose staff answer. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    title: text('title').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Set when a manager closes the round before its closing date. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The smallest group whose aggregates are shown (never below the instance minimum). */
    minGroupSize: integer('min_group_size').notNull().default(3),
    commentsEnabled: boolean('comments_enabled').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [
    index('survey_rounds_programme_index').on(table.programmeId),
    index('survey_rounds_organization_index').on(table.organizationId),
    check('survey_rounds_dates_check', sql`${table.closesAt} > ${table.opensAt}`),
  ],
);

/** The people a round is sent to, each with a personal link (only its hash is kept). */
export const surveyRecipients = pgTable(
  'survey_recipients',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    language: text('language', { enum: ['en', 'fr'] }).notNull().default('en'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('survey_recipients_token_hash_unique').on(table.tokenHash),
    uniqueIndex('survey_recipients_round_email_unique').on(table.roundId, sql`lower(${table.email})`),
    index('survey_recipients_organization_index').on(table.roundId, table.organizationId),
  ],
);

/**
 * Who has answered a round, kept apart from the answers (so reminders work). It carries no
 * time, so that it cannot be matched with an answer by when it arrived.
 */
export const surveyCompletions = pgTable(
  'survey_completions',
  {
    recipientId: uuid('recipient_id')
      .primaryKey()
      .references(() => surveyRecipients.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
  },
  (table) => [index('survey_completions_round_index').on(table.roundId)],
);

/** Progress saved through a personal link before submission; deleted when the answers are submitted. */
export const surveyDrafts = pgTable('survey_drafts', {
  recipientId: uuid('recipient_id')
    .primaryKey()
    .references(() => surveyRecipients.id, { onDelete: 'cascade' }),
  answers: jsonb('answers').$type<Array<{ item: string; target?: string | undefined; value: number }>>().notNull(),
  comment: text('comment'),
  updatedAt: updatedAt(),
});

/**
 * Submitted answers, one row per respondent and rated organization (a single row with no target
 * for instruments that are not dyadic). Deliberately without person, token or time.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    respondentOrganizationId: uuid('respondent_organization_id')
      .notNull()
      .references(() => organizations.id),
    targetOrganizationId: uuid('target_organization_id').references(() => organizations.id),
    /** Item key to the value answered on the item's scale (not reversed). */
    values: jsonb('values').$type<Record<string, number>>().notNull(),
  },
  (table) => [index('survey_answers_round_index').on(table.roundId, table.respondentOrganizationId)],
);

/** Free-text comments, carrying only their round: shown only when the round has enough respondents. */
export const surveyComments = pgTable(
  'survey_comments',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
  },
  (table) => [index('survey_comments_round_index').on(table.roundId)],
);

/** Failed look-ups of answering links, per address, so that guessing links is throttled across nodes. */
export const surveyLinkAttempts = pgTable(
  'survey_link_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    address: text('address').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('survey_link_attempts_address_index').on(table.address, table.createdAt)],
);
