import { sql } from 'drizzle-orm';
import { boolean, check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { users } from './accounts.js';

/** Stored relationship types: the verb read from source to target (see relationships/types.ts for labels). */
export const relationshipTypes = ['funds', 'member-of', 'vendor-to', 'competes-with', 'affiliated-with', 'partnered-with'] as const;
export type RelationshipType = (typeof relationshipTypes)[number];

/** A person working in or with an organization (not necessarily a user of the instance). */
export const people = pgTable(
  'people',
  {
    id: id(),
    name: text('name').notNull(),
    /** The current employer; the history is in person_employments. */
    organizationId: uuid('organization_id').references(() => organizations.id),
    position: text('position'),
    /** [{ kind: email|phone|other, value }] */
    contacts: jsonb('contacts').$type<Array<{ kind: string; value: string }>>().notNull().default([]),
    /** ISO 639-1 codes. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    createdByOrganizationId: uuid('created_by_organization_id').references(() => organizations.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: version(),
  },
  (table) => [index('people_organization_index').on(table.organizationId), index('people_name_index').on(table.name)],
);

/** Who employed a person, when, and as what: a change of employer closes one row and opens another. */
export const personEmployments = pgTable(
  'person_employments',
  {
    id: id(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    position: text('position'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    createdAt: createdAt(),
  },
  (table) => [index('person_employments_person_index').on(table.personId), index('person_employments_organization_index').on(table.organizationId)],
);

/** A typed, two-way tie between two organizations; symmetric types are stored once. */
export const relationships = pgTable(
  'relationships',
  {
    id: id(),
    sourceOrganizationId: uuid('source_organization_id')
      .notNull()
      .references(() => organizations.id),
    targetOrganizationId: uuid('target_organization_id')
      .notNull()
      .references(() => organizations.id),
    type: text('type', { enum: relationshipTypes }).notNull(),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    /** Public description, readable by everyone; private remarks go to private_notes. */
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: version(),
  },
  (table) => [
    index('relationships_source_index').on(table.sourceOrganizationId, table.type),
    index('relationships_target_index').on(table.targetOrganizationId, table.type),
    uniqueIndex('relationships_unique')
      .on(table.sourceOrganizationId, table.targetOrganizationId, table.type)
      .where(sql`${table.deletedAt} is null`),
    check('relationships_not_self', sql`${table.sourceOrganizationId} <> ${table.targetOrganizationId}`),
  ],
);

/**
 * What one organization (the owner) writes about another organization or about a relationship:
 * visible to the owner's users only, unless shared with everyone on the instance.
 */
export const privateNotes = pgTable(
  'private_notes',
  {
    id: id(),
    ownerOrganizationId: uuid('owner_organization_id')
      .notNull()
      .references(() => organizations.id),
    subjectOrganizationId: uuid('subject_organization_id').references(() => organizations.id),
    relationshipId: uuid('relationship_id').references(() => relationships.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    shared: boolean('shared').notNull().default(false),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    index('private_notes_subject_index').on(table.subjectOrganizationId, table.ownerOrganizationId),
    index('private_notes_relationship_index').on(table.relationshipId, table.ownerOrganizationId),
    check('private_notes_one_subject', sql`(${table.subjectOrganizationId} is null) <> (${table.relationshipId} is null)`),
  ],
);

/** The record of a merge: who merged which organization into which, when, and what moved. */
export const organizationMerges = pgTable(
  'organization_merges',
  {
    id: id(),
    mergedOrganizationId: uuid('merged_organization_id')
      .notNull()
      .references(() => organizations.id),
    survivorOrganizationId: uuid('survivor_organization_id')
      .notNull()
      .references(() => organizations.id),
    mergedBy: uuid('merged_by').references(() => users.id, { onDelete: 'set null' }),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
    /** Rows moved per "table.column", and rows dropped because the survivor already had them. */
    moved: jsonb('moved').$type<Record<string, number>>().notNull(),
    /** The merged profile as it was, so that nothing is lost. */
    snapshot: jsonb('snapshot').notNull(),
  },
  (table) => [index('organization_merges_survivor_index').on(table.survivorOrganizationId)],
);
