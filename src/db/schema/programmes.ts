import { boolean, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { users } from './accounts.js';

export const programmeStatuses = [
  'identification',
  'formulation',
  'contracting',
  'implementation',
  'closure',
  'closed',
] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

export const consortiumRoles = ['lead', 'partner', 'affiliated-entity', 'associate', 'vendor', 'funder'] as const;
export type ConsortiumRole = (typeof consortiumRoles)[number];

/** A simple logframe: overall objective, specific objectives, their results with indicators, activities. */
export type Logframe = {
  overallObjective: string;
  specificObjectives: Array<{
    text: string;
    results: Array<{
      text: string;
      indicators: Array<{ text: string; baseline?: string | undefined; target?: string | undefined }>;
      activities: string[];
    }>;
  }>;
};

/** A programme (project, action): the temporary meta-organization its consortium forms. */
export const programmes = pgTable(
  'programmes',
  {
    id: id(),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    status: text('status', { enum: programmeStatuses }).notNull().default('identification'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    currency: text('currency').notNull().default('EUR'),
    countries: text('countries').array().notNull().default([]),
    budgetTransparent: boolean('budget_transparent').notNull().default(true),
    /** Localities where the programme works (free text, e.g. "Kaya"). */
    localities: text('localities').array().notNull().default([]),
    /** OECD DAC sector codes or names. */
    sectors: text('sectors').array().notNull().default([]),
    /** Donors by name (a donor in the registry may also be a funder member of the consortium). */
    donors: text('donors').array().notNull().default([]),
    logframe: jsonb('logframe').$type<Logframe>(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [uniqueIndex('programmes_ref_unique').on(table.ref)],
);

/** An organization's membership of a programme's consortium. */
export const programmeMembers = pgTable(
  'programme_members',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role', { enum: consortiumRoles }).notNull(),
    /** IATI OrganisationRole: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing. */
    iatiRole: integer('iati_role').notNull(),
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
    focalPointUserId: uuid('focal_point_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The share of the budget planned for this organization, in percent, to compare with the budget lines. */
    plannedShare: numeric('planned_share', { precision: 5, scale: 2 }),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [
    uniqueIndex('programme_members_unique').on(table.programmeId, table.organizationId),
    index('programme_members_organization_index').on(table.organizationId),
  ],
);

export const programmeUserRoles = ['manager', 'observer'] as const;
export type ProgrammeUserRole = (typeof programmeUserRoles)[number];

/** Roles given to individual users on a programme: its managers, and read-only observers (donor staff). */
export const programmeUsers = pgTable(
  'programme_users',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: programmeUserRoles }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('programme_users_unique').on(table.programmeId, table.userId), index('programme_users_user_index').on(table.userId)],
);
