import { type AnyPgColumn, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt, version } from './columns.js';

export const organizationScopes = ['local', 'national', 'regional', 'international'] as const;
export type OrganizationScope = (typeof organizationScopes)[number];

/**
 * Every organization known to the instance: members of consortia, donors, vendors, networks...
 * The search columns (search_text, search_name, search_vector, and search_bands with its GIN index:
 * stored generated columns kept by the database) are created in migrations registry_search_columns
 * and registry_search_tiers and read only through modules/organizations/search.ts and
 * search-page.ts; they are left out of this schema so that ordinary selects do not carry them.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    /** IATI organisation identifier, e.g. GB-CHC-202918. */
    identifier: text('identifier'),
    /** IATI OrganisationType code, as a string ("21"). */
    type: text('type'),
    /** ISO 3166-1 alpha-2. */
    country: text('country'),
    scope: text('scope', { enum: organizationScopes }),
    website: text('website'),
    /** Former names, names in other languages, other acronyms: all searchable. */
    otherNames: text('other_names').array().notNull().default(sql`'{}'::text[]`),
    /** DAC sector codes (5 digits) or DAC categories (3 digits). */
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    competences: text('competences').array().notNull().default(sql`'{}'::text[]`),
    /** Places where the organization has influence: free text (village, district, region). */
    areasOfInfluence: text('areas_of_influence').array().notNull().default(sql`'{}'::text[]`),
    mission: text('mission'),
    values: text('values'),
    /** Public notes on the profile, readable by everyone on the instance. */
    notes: text('notes'),
    /** The organization whose user created this profile (e.g. a candidate partner); it may edit it while the profile has no users. */
    createdByOrganizationId: uuid('created_by_organization_id').references((): AnyPgColumn => organizations.id),
    /** Set when this organization was merged into another one (and soft-deleted). */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => organizations.id),
    /** Where the profile came from when imported (e.g. the IATI Registry publisher record). */
    source: jsonb('source'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: version(),
  },
  (table) => [
    uniqueIndex('organizations_identifier_unique')
      .on(table.identifier)
      .where(sql`${table.identifier} is not null and ${table.deletedAt} is null`),
    // The directory's order and its keyset cursor are (name, id): one index serves both.
    index('organizations_name_id_index').on(table.name, table.id),
    index('organizations_country_index').on(table.country),
    index('organizations_type_index').on(table.type),
    index('organizations_scope_index').on(table.scope),
    index('organizations_sectors_index').using('gin', table.sectors),
  ],
);
