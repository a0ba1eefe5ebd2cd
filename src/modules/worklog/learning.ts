import { and, eq, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { learningExchanges } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { paginate } from '../../lib/pagination.js';
import { updateVersioned } from '../programmes/versioned-update.js';
import { assertCanEdit, canEditRecord, loadRoster, ReferenceCheck, type LogContext } from './context.js';
import { dateKey, newestFirst, pageWhere } from './list-page.js';
import { presentLearning } from './present.js';
import type { CreateLearningInput, ListQuery, UpdateLearningInput } from './schemas.js';

function checkLearning(check: ReferenceCheck, input: Partial<CreateLearningInput>): void {
  check.member('/fromOrganizationId', input.fromOrganizationId);
  check.member('/toOrganizationId', input.toOrganizationId);
  if (input.fromOrganizationId && input.fromOrganizationId === input.toOrganizationId) {
    check.add('/toOrganizationId', 'the organization that learned must differ from the one that shared', input.toOrganizationId);
  }
  input.fromUserIds?.forEach((userId, index) => check.user(`/fromUserIds/${index}`, userId, input.fromOrganizationId));
  input.toUserIds?.forEach((userId, index) => check.user(`/toUserIds/${index}`, userId, input.toOrganizationId));
}

/** Records who learned what from whom, whichever way the knowledge went. */
export async function createLearning(db: Database, options: { context: LogContext; input: CreateLearningInput }) {
  const { context, input } = options;
  const check = new ReferenceCheck(await loadRoster(db, context.programme.id));
  checkLearning(check, input);
  check.throwIfAny();
  const [row] = await db
    .insert(learningExchanges)
    .values({ ...input, programmeId: context.programme.id, recordedByOrganizationId: context.actor.organizationId, recordedByUserId: context.actor.userId })
    .returning();
  return presentLearning(row!, true);
}

async function findLearning(db: Database, programmeId: string, learningId: string) {
  const [row] = await db.select().from(learningExchanges).where(and(eq(learningExchanges.id, learningId), eq(learningExchanges.programmeId, programmeId))).limit(1);
  if (!row) throw notFound('Learning exchange');
  return row;
}

/** One learning exchange. */
export async function getLearning(db: Database, options: { context: LogContext; learningId: string }) {
  const row = await findLearning(db, options.context.programme.id, options.learningId);
  return presentLearning(row, canEditRecord(options.context, row.recordedByOrganizationId));
}

/** The programme's learning exchanges, newest first; with organizationId, those it shared or learned in. */
export async function listLearning(db: Database, options: { context: LogContext; query: ListQuery }) {
  const { context, query } = options;
  const organization = query.organizationId;
  const extra = organization ? or(eq(learningExchanges.fromOrganizationId, organization), eq(learningExchanges.toOrganizationId, organization)) : undefined;
  const rows = await db
    .select()
    .from(learningExchanges)
    .where(pageWhere(learningExchanges, context.programme.id, query, extra))
    .orderBy(...newestFirst(learningExchanges))
    .limit(query.limit + 1);
  const page = paginate(rows, query.limit, dateKey);
  return { items: page.items.map((row) => presentLearning(row, canEditRecord(context, row.recordedByOrganizationId))), nextCursor: page.nextCursor };
}

/** Changes a learning exchange the actor's organization recorded (or any, for managers). */
export async function updateLearning(db: Database, options: { context: LogContext; learningId: string; input: UpdateLearningInput }) {
  const { context, input } = options;
  const row = await findLearning(db, context.programme.id, options.learningId);
  assertCanEdit(context, row.recordedByOrganizationId);
  const check = new ReferenceCheck(await loadRoster(db, context.programme.id));
  checkLearning(check, {
    fromOrganizationId: input.fromOrganizationId ?? row.fromOrganizationId,
    toOrganizationId: input.toOrganizationId ?? row.toOrganizationId,
    fromUserIds: input.fromUserIds ?? row.fromUserIds,
    toUserIds: input.toUserIds ?? row.toUserIds,
  });
  check.throwIfAny();
  const { version, ...values } = input;
  const updated = await updateVersioned(db, { table: learningExchanges, id: row.id, version, values, what: 'Learning exchange', scope: eq(learningExchanges.programmeId, context.programme.id) });
  return presentLearning(updated, true);
}

/** Deletes a learning exchange the actor's organization recorded (or any, for managers). */
export async function deleteLearning(db: Database, options: { context: LogContext; learningId: string }) {
  const row = await findLearning(db, options.context.programme.id, options.learningId);
  assertCanEdit(options.context, row.recordedByOrganizationId);
  await db.delete(learningExchanges).where(eq(learningExchanges.id, row.id));
}
