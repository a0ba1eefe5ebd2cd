import { and, eq, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { interactions } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { paginate } from '../../lib/pagination.js';
import { updateVersioned } from '../programmes/versioned-update.js';
import { assertCanEdit, canEditRecord, loadRoster, ReferenceCheck, type LogContext } from './context.js';
import { dateKey, newestFirst, pageWhere } from './list-page.js';
import { presentInteraction } from './present.js';
import type { InteractionInput, ListQuery, UpdateInteractionInput } from './schemas.js';

/** Checks one interaction's organizations: members, two different ones, and the initiator one of them. */
export function checkInteraction(check: ReferenceCheck, input: Partial<InteractionInput>, prefix = ''): void {
  check.member(`${prefix}/fromOrganizationId`, input.fromOrganizationId);
  check.member(`${prefix}/toOrganizationId`, input.toOrganizationId);
  if (input.fromOrganizationId && input.fromOrganizationId === input.toOrganizationId) {
    check.add(`${prefix}/toOrganizationId`, 'an interaction needs two different organizations', input.toOrganizationId);
  }
  const initiator = input.initiatedByOrganizationId;
  if (initiator && initiator !== input.fromOrganizationId && initiator !== input.toOrganizationId) {
    check.add(`${prefix}/initiatedByOrganizationId`, 'must be one of the two organizations', initiator);
  }
}

const rowOf = (context: LogContext, input: InteractionInput) => ({
  programmeId: context.programme.id,
  date: input.date,
  fromOrganizationId: input.fromOrganizationId,
  toOrganizationId: input.toOrganizationId,
  initiatedByOrganizationId: input.initiatedByOrganizationId ?? input.fromOrganizationId,
  channel: input.channel ?? null,
  subject: input.subject ?? null,
  recordedByOrganizationId: context.actor.organizationId,
  recordedByUserId: context.actor.userId,
});

/** Records one interaction between two member organizations. */
export async function createInteraction(db: Database, options: { context: LogContext; input: InteractionInput }) {
  const { context, input } = options;
  const check = new ReferenceCheck(await loadRoster(db, context.programme.id, false));
  checkInteraction(check, input);
  check.throwIfAny();
  const [row] = await db.insert(interactions).values(rowOf(context, input)).returning();
  return presentInteraction(row!, true);
}

/** Records many interactions at once: every item is checked first, and a single problem stores none. */
export async function createInteractions(db: Database, options: { context: LogContext; items: InteractionInput[]; pointerPrefix?: string }) {
  const { context, items } = options;
  const check = new ReferenceCheck(await loadRoster(db, context.programme.id, false));
  items.forEach((item, index) => checkInteraction(check, item, `${options.pointerPrefix ?? '/items'}/${index}`));
  check.throwIfAny();
  return insertInteractionRows(db, items.map((item) => rowOf(context, item)));
}

/** Inserts checked rows in chunks inside one transaction (all or nothing). */
export async function insertInteractionRows(db: Database, rows: Array<typeof interactions.$inferInsert>): Promise<number> {
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += 1_000) await tx.insert(interactions).values(rows.slice(start, start + 1_000));
  });
  return rows.length;
}

async function findInteraction(db: Database, programmeId: string, interactionId: string) {
  const [row] = await db.select().from(interactions).where(and(eq(interactions.id, interactionId), eq(interactions.programmeId, programmeId))).limit(1);
  if (!row) throw notFound('Interaction');
  return row;
}

/** One interaction. */
export async function getInteraction(db: Database, options: { context: LogContext; interactionId: string }) {
  const row = await findInteraction(db, options.context.programme.id, options.interactionId);
  return presentInteraction(row, canEditRecord(options.context, row.recordedByOrganizationId));
}

/** The programme's interactions, newest first; with organizationId, those it took part in. */
export async function listInteractions(db: Database, options: { context: LogContext; query: ListQuery }) {
  const { context, query } = options;
  const organization = query.organizationId;
  const extra = organization ? or(eq(interactions.fromOrganizationId, organization), eq(interactions.toOrganizationId, organization)) : undefined;
  const rows = await db
    .select()
    .from(interactions)
    .where(pageWhere(interactions, context.programme.id, query, extra))
    .orderBy(...newestFirst(interactions))
    .limit(query.limit + 1);
  const page = paginate(rows, query.limit, dateKey);
  return { items: page.items.map((row) => presentInteraction(row, canEditRecord(context, row.recordedByOrganizationId))), nextCursor: page.nextCursor };
}

/** Changes an interaction the actor's organization recorded (or any, for managers). */
export async function updateInteraction(db: Database, options: { context: LogContext; interactionId: string; input: UpdateInteractionInput }) {
  const { context, input } = options;
  const row = await findInteraction(db, context.programme.id, options.interactionId);
  assertCanEdit(context, row.recordedByOrganizationId);
  const merged = {
    fromOrganizationId: input.fromOrganizationId ?? row.fromOrganizationId,
    toOrganizationId: input.toOrganizationId ?? row.toOrganizationId,
    initiatedByOrganizationId: input.initiatedByOrganizationId ?? row.initiatedByOrganizationId,
  };
  // Changing the pair without naming the initiator keeps "from" as the one who started it.
  if (input.initiatedByOrganizationId === undefined && merged.initiatedByOrganizationId !== merged.fromOrganizationId && merged.initiatedByOrganizationId !== merged.toOrganizationId) {
    merged.initiatedByOrganizationId = merged.fromOrganizationId;
  }
  const check = new ReferenceCheck(await loadRoster(db, context.programme.id, false));
  checkInteraction(check, merged);
  check.throwIfAny();
  const { version, ...values } = input;
  const updated = await updateVersioned(db, { table: interactions, id: row.id, version, values: { ...values, ...merged }, what: 'Interaction', scope: eq(interactions.programmeId, context.programme.id) });
  return presentInteraction(updated, true);
}

/** Deletes an interaction the actor's organization recorded (or any, for managers). */
export async function deleteInteraction(db: Database, options: { context: LogContext; interactionId: string }) {
  const row = await findInteraction(db, options.context.programme.id, options.interactionId);
  assertCanEdit(options.context, row.recordedByOrganizationId);
  await db.delete(interactions).where(eq(interactions.id, row.id));
}
