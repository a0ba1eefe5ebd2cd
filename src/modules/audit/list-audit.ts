import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { auditLog, programmeMembers, programmeUsers, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { can } from '../../lib/policy.js';
import { activeMembership } from '../programmes/access.js';
import type { AuditQuery } from './schemas.js';

/** The programmes whose trail the actor reads as a manager: their own manager role, or their organization leads and they administer it. */
async function managedProgrammeIds(db: Database, actor: Actor): Promise<string[]> {
  const asManager = await db
    .select({ id: programmeUsers.programmeId })
    .from(programmeUsers)
    .where(and(eq(programmeUsers.userId, actor.userId), eq(programmeUsers.role, 'manager')));
  const asLead =
    actor.role === 'org-admin'
      ? await db
          .select({ id: programmeMembers.programmeId })
          .from(programmeMembers)
          .where(and(eq(programmeMembers.organizationId, actor.organizationId), eq(programmeMembers.role, 'lead'), activeMembership()))
      : [];
  return [...new Set([...asManager, ...asLead].map((row) => row.id))];
}

/** The WHERE condition selecting the trail rows an actor may read; forbidden when they may read none. */
async function visibleTrail(db: Database, actor: Actor, programmeId: string | undefined): Promise<SQL | undefined> {
  if (can(actor, 'audit.read-all', { kind: 'instance' })) return undefined;
  const managed = await managedProgrammeIds(db, actor);
  if (programmeId !== undefined) {
    if (!managed.includes(programmeId)) throw new AppError('forbidden', 'Only the managers of this programme read its audit trail');
    return undefined;
  }
  const conditions: SQL[] = [];
  if (can(actor, 'audit.read-organization', { kind: 'instance' })) conditions.push(eq(auditLog.organizationId, actor.organizationId));
  if (managed.length > 0) conditions.push(inArray(auditLog.programmeId, managed));
  if (conditions.length === 0) throw new AppError('forbidden', 'The audit trail is read by administrators and programme managers');
  return or(...conditions);
}

/** One page of the audit trail, newest first, limited to what the actor administers or manages. */
export async function listAudit(db: Database, actor: Actor, query: AuditQuery) {
  const conditions: Array<SQL | undefined> = [await visibleTrail(db, actor, query.programmeId)];
  if (query.table) conditions.push(eq(auditLog.tableName, query.table));
  if (query.recordId) conditions.push(eq(auditLog.recordId, query.recordId));
  if (query.programmeId) conditions.push(eq(auditLog.programmeId, query.programmeId));
  const after = decodeCursor(query.cursor, 1);
  if (after) {
    const [id] = after;
    if (typeof id !== 'number') throw new AppError('validation_failed', 'Invalid query: /cursor is not a cursor this list gave out');
    conditions.push(lt(auditLog.id, id));
  }
  const rows = await db
    .select({ entry: auditLog, actorName: users.name, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  return paginate(rows, query.limit, (row) => [row.entry.id]);
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>['items'][number];

