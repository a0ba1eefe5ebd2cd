import { customType, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, bigint } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.js';
import { organizations } from './organizations.js';
import { programmes } from './programmes.js';
import { users } from './accounts.js';
import { jobs } from './jobs.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Narratives as read: one text per language. */
type Narratives = Array<{ lang: string | null; text: string }>;

export const iatiImportStatuses = ['queued', 'running', 'done', 'refused', 'failed'] as const;
export type IatiImportStatus = (typeof iatiImportStatuses)[number];

/** One IATI file imported (or being imported, or refused), from the command line or the web. */
export const iatiImports = pgTable(
  'iati_imports',
  {
    id: id(),
    fileName: text('file_name').notNull(),
    /** The reporting organisation identifier of the file's first activity. */
    publisher: text('publisher'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    status: text('status', { enum: iatiImportStatuses }).notNull().default('queued'),
    source: text('source', { enum: ['cli', 'web'] }).notNull(),
    /** The run summary (counts, warnings, skipped activities) once done. */
    summary: jsonb('summary'),
    /** Why a file was refused (code, reason, line, column) or why the run failed. */
    error: jsonb('error'),
    jobId: uuid('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('iati_imports_created_index').on(table.createdAt)],
);

/** An uploaded file kept in the database until its job has run, so any node can run it. */
export const iatiImportFiles = pgTable('iati_import_files', {
  importId: uuid('import_id')
    .primaryKey()
    .references(() => iatiImports.id, { onDelete: 'cascade' }),
  content: bytea('content').notNull(),
});

/** Marks a programme as imported from IATI: read-only, readable by every signed-in user. */
export const iatiActivities = pgTable(
  'iati_activities',
  {
    programmeId: uuid('programme_id')
      .primaryKey()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    iatiIdentifier: text('iati_identifier').notNull(),
    reportingOrgRef: text('reporting_org_ref'),
    reportingOrgType: text('reporting_org_type'),
    reportingOrganizationId: uuid('reporting_organization_id').references(() => organizations.id),
    lastUpdated: timestamp('last_updated', { withTimezone: true }),
    version: text('version').notNull(),
    activityStatus: text('activity_status'),
    defaultCurrency: text('default_currency'),
    defaultLang: text('default_lang'),
    hierarchy: text('hierarchy'),
    title: jsonb('title').$type<Narratives>().notNull(),
    description: jsonb('description').$type<Narratives>().notNull(),
    dates: jsonb('dates').$type<Record<string, string | null>>().notNull(),
    importId: uuid('import_id').references(() => iatiImports.id, { onDelete: 'set null' }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('iati_activities_identifier_unique').on(table.iatiIdentifier),
    index('iati_activities_reporting_index').on(table.reportingOrganizationId),
  ],
);

const programmeRef = () =>
  uuid('programme_id')
    .notNull()
    .references(() => iatiActivities.programmeId, { onDelete: 'cascade' });

/** Each participating-org element, exactly as published (role may be unknown). */
export const iatiParticipations = pgTable(
  'iati_participations',
  {
    id: id(),
    programmeId: programmeRef(),
    position: integer('position').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    ref: text('ref'),
    /** OrganisationRole 1-4, null when missing or unknown. */
    role: text('role'),
    type: text('type'),
    name: jsonb('name').$type<Narratives>().notNull(),
    activityId: text('activity_id'),
  },
  (table) => [index('iati_participations_programme_index').on(table.programmeId), index('iati_participations_organization_index').on(table.organizationId)],
);

export const iatiTransactions = pgTable(
  'iati_transactions',
  {
    id: id(),
    programmeId: programmeRef(),
    position: integer('position').notNull(),
    type: text('type'),
    date: date('date'),
    value: numeric('value'),
    currency: text('currency'),
    valueDate: date('value_date'),
    providerOrganizationId: uuid('provider_organization_id').references(() => organizations.id),
    providerRef: text('provider_ref'),
    providerName: text('provider_name'),
    providerActivityId: text('provider_activity_id'),
    receiverOrganizationId: uuid('receiver_organization_id').references(() => organizations.id),
    receiverRef: text('receiver_ref'),
    receiverName: text('receiver_name'),
    receiverActivityId: text('receiver_activity_id'),
  },
  (table) => [
    index('iati_transactions_programme_index').on(table.programmeId),
    index('iati_transactions_provider_index').on(table.providerOrganizationId),
    index('iati_transactions_receiver_index').on(table.receiverOrganizationId),
  ],
);

export const iatiBudgets = pgTable(
  'iati_budgets',
  {
    id: id(),
    programmeId: programmeRef(),
    position: integer('position').notNull(),
    type: text('type'),
    status: text('status'),
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    value: numeric('value'),
    currency: text('currency'),
  },
  (table) => [index('iati_budgets_programme_index').on(table.programmeId)],
);

export const iatiRelatedActivities = pgTable(
  'iati_related_activities',
  { id: id(), programmeId: programmeRef(), ref: text('ref').notNull(), type: text('type') },
  (table) => [index('iati_related_activities_programme_index').on(table.programmeId)],
);

export const iatiActivityCountries = pgTable(
  'iati_activity_countries',
  { id: id(), programmeId: programmeRef(), code: text('code').notNull(), percentage: numeric('percentage') },
  (table) => [index('iati_activity_countries_programme_index').on(table.programmeId), index('iati_activity_countries_code_index').on(table.code)],
);

export const iatiActivitySectors = pgTable(
  'iati_activity_sectors',
  { id: id(), programmeId: programmeRef(), code: text('code').notNull(), vocabulary: text('vocabulary').notNull(), percentage: numeric('percentage') },
  (table) => [index('iati_activity_sectors_programme_index').on(table.programmeId)],
);
