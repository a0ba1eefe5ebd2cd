import type { AuditEntry } from './schemas.js';
import type { AuditRow } from './list-audit.js';

/** A trail row as the API shows it: the actor named, null meaning the system. */
export function presentAuditEntry(row: AuditRow): AuditEntry {
  const { entry } = row;
  return {
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    transactionId: entry.transactionId,
    actor: entry.actorUserId ? { id: entry.actorUserId, name: row.actorName, email: row.actorEmail } : null,
    table: entry.tableName,
    recordId: entry.recordId,
    action: entry.action,
    programmeId: entry.programmeId,
    organizationId: entry.organizationId,
    before: entry.oldValues ?? null,
    after: entry.newValues ?? null,
  };
}
