import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { programmes } from './programmes.js';
import { users } from './accounts.js';

/**
 * The working draft of a programme's partnership agreement, one per programme, structured on the
 * essential ingredients. Publishing takes a snapshot into agreement_versions.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** Explicit statement that this is a partnership. */
    partnershipStatement: text('partnership_statement'),
    /** Shared objectives and agenda. */
    sharedObjectives: text('shared_objectives'),
    /** A general clause on expectations stated both ways (each member's own statements are separate). */
    expectationsClause: text('expectations_clause'),
    /** Transparency of processes, finances and accountability. */
    transparency: text('transparency'),
    /** How progress is monitored and how each member accounts for resources. */
    monitoring: text('monitoring'),
    /** Commitments to mutual learning. */
    mutualLearning: text('mutual_learning'),
    /** The number of the last published version (0: never published). */
    publishedNumber: integer('published_number').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [uniqueIndex('agreements_programme_unique').on(table.programmeId)],
);

/** What one member organization contributes and expects, written by that member for itself. */
export const agreementStatements = pgTable(
  'agreement_statements',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    contributions: text('contributions').notNull().default(''),
    expectations: text('expectations').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [uniqueIndex('agreement_statements_unique').on(table.programmeId, table.organizationId)],
);

export type AgreementSnapshot = {
  ingredients: Record<string, string | null>;
  statements: Array<{ organizationId: string; organizationName: string; contributions: string; expectations: string }>;
};

/** A published, numbered version of the agreement: what the focal points sign. */
export const agreementVersions = pgTable(
  'agreement_versions',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    content: jsonb('content').$type<AgreementSnapshot>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('agreement_versions_unique').on(table.programmeId, table.number)],
);

/** A member's sign-off of one version, given by its focal point. */
export const agreementSignoffs = pgTable(
  'agreement_signoffs',
  {
    id: id(),
    agreementVersionId: uuid('agreement_version_id')
      .notNull()
      .references(() => agreementVersions.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('agreement_signoffs_unique').on(table.agreementVersionId, table.organizationId), index('agreement_signoffs_version_index').on(table.agreementVersionId)],
);
