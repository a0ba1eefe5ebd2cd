import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { users } from './accounts.js';

export const networkKinds = ['network', 'association'] as const;
export type NetworkKind = (typeof networkKinds)[number];

export const membershipRoles = ['member', 'founding-member', 'board', 'secretariat', 'observer'] as const;
export type MembershipRole = (typeof membershipRoles)[number];

/** An organization of the registry that is a network or an association of other organizations. */
export const networks = pgTable(
  'networks',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind', { enum: networkKinds }).notNull(),
    description: text('description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [uniqueIndex('networks_organization_unique').on(table.organizationId)],
);

/** An organization's membership of a network, with its role and dates (competitors included). */
export const networkMemberships = pgTable(
  'network_memberships',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role', { enum: membershipRoles }).notNull().default('member'),
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    uniqueIndex('network_memberships_unique').on(table.networkId, table.organizationId),
    index('network_memberships_organization_index').on(table.organizationId),
  ],
);

export const statementStatuses = ['draft', 'published'] as const;
export type StatementStatus = (typeof statementStatuses)[number];

/** A joint position or statement, drafted by one organization (often in a network's name) and co-signed by others. */
export const statements = pgTable(
  'statements',
  {
    id: id(),
    draftingOrganizationId: uuid('drafting_organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The network the statement speaks for, if any: its secretariat may publish too. */
    networkId: uuid('network_id').references(() => networks.id),
    status: text('status', { enum: statementStatuses }).notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    publishedVersion: integer('published_version'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('statements_drafting_index').on(table.draftingOrganizationId), index('statements_network_index').on(table.networkId)],
);

/** Every version of a statement's text: the draft written together keeps its history. */
export const statementVersions = pgTable(
  'statement_versions',
  {
    id: id(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    authorName: text('author_name').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorOrganizationId: uuid('author_organization_id').references(() => organizations.id),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('statement_versions_unique').on(table.statementId, table.number)],
);

export const signatoryStatuses = ['invited', 'signed', 'declined'] as const;
export type SignatoryStatus = (typeof signatoryStatuses)[number];

/** An organization invited to co-sign, and its answer given by one of its own users. */
export const statementSignatories = pgTable(
  'statement_signatories',
  {
    id: id(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status', { enum: signatoryStatuses }).notNull().default('invited'),
    /** The text version the organization signed or declined. */
    respondedVersion: integer('responded_version'),
    respondedBy: uuid('responded_by').references(() => users.id, { onDelete: 'set null' }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('statement_signatories_unique').on(table.statementId, table.organizationId),
    index('statement_signatories_organization_index').on(table.organizationId),
    check('statement_signatories_answered', sql`(${table.status} = 'invited') = (${table.respondedAt} is null)`),
  ],
);
