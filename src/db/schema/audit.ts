import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditActions = ['insert', 'update', 'delete'] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * The audit trail: one row per changed record, written by database triggers (migration
 * 0015_audit_triggers) in the same transaction as the change. The actor is the user the server
 * set for the request's transaction (`consortia.actor_id`); null means the system (CLI, jobs,
 * start-up). No route writes this table, and a trigger refuses updates and deletes.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** Groups the rows written by one transaction (one request). */
    transactionId: bigint('transaction_id', { mode: 'number' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    action: text('action', { enum: auditActions }).notNull(),
    /** The programme the record belongs to, when it belongs to one (managers read these). */
    programmeId: uuid('programme_id'),
    /** The organization the record belongs to, when it belongs to one (its administrators read these). */
    organizationId: uuid('organization_id'),
    /** Inserts: the new row; deletes: the old row; updates: only the changed columns, before and after. */
    oldValues: jsonb('old_values').$type<Record<string, unknown>>(),
    newValues: jsonb('new_values').$type<Record<string, unknown>>(),
  },
  (table) => [
    index('audit_log_record_index').on(table.tableName, table.recordId, table.id),
    index('audit_log_programme_index').on(table.programmeId, table.id),
    index('audit_log_organization_index').on(table.organizationId, table.id),
  ],
);
