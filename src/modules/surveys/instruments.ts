import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { surveyInstruments, type InstrumentDefinition } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { updateVersioned } from '../programmes/versioned-update.js';

export type InstrumentRow = typeof surveyInstruments.$inferSelect;

/** The instruments an actor may see: the built-ins and their own organization's. */
export function visibleInstruments(actor: Actor): SQL {
  return or(isNull(surveyInstruments.organizationId), eq(surveyInstruments.organizationId, actor.organizationId))!;
}

/** Lists the visible instruments, built-ins first, then by creation. */
export async function listInstruments(db: Database, options: { actor: Actor; limit: number; cursor?: string }) {
  const after = decodeCursor(options.cursor, 2);
  // Built-ins (no owner) sort first: rank 0, an organization's own rank 1.
  const rank = sql<number>`(case when ${surveyInstruments.organizationId} is null then 0 else 1 end)`;
  const conditions = [visibleInstruments(options.actor)];
  if (after) {
    const [afterRank, afterId] = after as [number, string];
    conditions.push(sql`(${rank}, ${surveyInstruments.id}) > (${afterRank}, ${afterId}::uuid)`);
  }
  const rows = await db
    .select({ row: surveyInstruments, rank })
    .from(surveyInstruments)
    .where(and(...conditions))
    .orderBy(asc(rank), asc(surveyInstruments.id))
    .limit(options.limit + 1);
  const page = paginate(rows, options.limit, (entry) => [Number(entry.rank), entry.row.id]);
  return { items: page.items.map((entry) => entry.row), nextCursor: page.nextCursor };
}

/** One instrument by id (whoever may see it is checked by the caller's authorize). */
export async function getInstrument(db: Database, instrumentId: string): Promise<InstrumentRow> {
  const [row] = await db.select().from(surveyInstruments).where(eq(surveyInstruments.id, instrumentId)).limit(1);
  if (!row) throw notFound('Survey instrument');
  return row;
}

/** Creates an instrument owned by the actor's organization. */
export async function createInstrument(db: Database, options: { actor: Actor; definition: InstrumentDefinition }): Promise<InstrumentRow> {
  const [row] = await db
    .insert(surveyInstruments)
    .values({ organizationId: options.actor.organizationId, definition: options.definition, createdBy: options.actor.userId })
    .returning();
  return row!;
}

/** Replaces an organization's own instrument (rounds keep the copy they were started with). */
export async function updateInstrument(db: Database, options: { instrumentId: string; version: number; definition: InstrumentDefinition }): Promise<InstrumentRow> {
  return updateVersioned(db, {
    table: surveyInstruments,
    id: options.instrumentId,
    version: options.version,
    values: { definition: options.definition },
    what: 'Survey instrument',
  });
}
