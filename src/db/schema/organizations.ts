import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt, version } from './columns.js';

/** Every organization known to the instance: members of consortia, donors, vendors, networks... */
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
    scope: text('scope', { enum: ['local', 'national', 'regional', 'international'] }),
    website: text('website'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: version(),
  },
  (table) => [
    uniqueIndex('organizations_identifier_unique')
      .on(table.identifier)
      .where(sql`${table.identifier} is not null and ${table.deletedAt} is null`),
    index('organizations_name_index').on(table.name),
  ],
);
