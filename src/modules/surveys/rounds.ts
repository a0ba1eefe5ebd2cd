import { and, desc, eq, exists, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { programmes, surveyRounds } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { authorize } from '../../lib/policy.js';
import { getProgrammeAccess, visibleProgrammes } from '../programmes/access.js';
import { updateVersioned } from '../programmes/versioned-update.js';
import { getInstrument } from './instruments.js';
import type { SurveyRoundResource } from './policy.js';
import type { CreateRoundInput } from './schemas.js';

export type RoundRow = typeof surveyRounds.$inferSelect;
export type RoundStatus = 'scheduled' | 'open' | 'closed';

/** Where a round stands at a moment: before its opening, open, or closed (by date or by hand). */
export function roundStatus(round: Pick<RoundRow, 'opensAt' | 'closesAt' | 'closedAt'>, now = new Date()): RoundStatus {
  if (round.closedAt !== null || now >= round.closesAt) return 'closed';
  return now < round.opensAt ? 'scheduled' : 'open';
}

/** The rounds an actor may see: those of programmes they see, and their own organization's internal rounds. */
export function visibleRounds(actor: Actor): SQL {
  return or(
    and(isNull(surveyRounds.programmeId), eq(surveyRounds.organizationId, actor.organizationId)),
    exists(sql`(select 1 from ${programmes} where ${programmes.id} = ${surveyRounds.programmeId} and ${visibleProgrammes(actor)})`),
  )!;
}

/** The access resource of a round for an actor. */
export async function roundResource(db: Database, actor: Actor, round: RoundRow): Promise<SurveyRoundResource> {
  const programmeAccess = round.programmeId ? await getProgrammeAccess(db, actor, round.programmeId) : null;
  return { kind: 'survey-round', organizationId: round.organizationId, programmeAccess };
}

/** Loads a round and checks the actor may do the action on it (404 for whoever may not see it). */
export async function loadRound(db: Database, options: { actor: Actor; roundId: string; action: 'survey-round.view' | 'survey-round.manage' }) {
  const [round] = await db.select().from(surveyRounds).where(eq(surveyRounds.id, options.roundId)).limit(1);
  if (!round) throw notFound('Survey round');
  const resource = await roundResource(db, options.actor, round);
  authorize(options.actor, 'survey-round.view', resource);
  if (options.action !== 'survey-round.view') authorize(options.actor, options.action, resource);
  return { round, resource };
}

/** Starts a round of an instrument in a programme, or inside the actor's own organization. */
export async function createRound(db: Database, options: { actor: Actor; input: CreateRoundInput; instanceMinGroupSize: number }): Promise<RoundRow> {
  const { actor, input } = options;
  const instrument = await getInstrument(db, input.instrumentId).catch(() => {
    throw invalidField('/instrumentId', 'no such instrument', input.instrumentId);
  });
  authorize(actor, 'survey-instrument.view', { kind: 'survey-instrument', organizationId: instrument.organizationId });
  const programmeId = input.programmeId ?? null;
  const programmeAccess = programmeId ? await getProgrammeAccess(db, actor, programmeId) : null;
  authorize(actor, 'survey-round.manage', { kind: 'survey-round', organizationId: actor.organizationId, programmeAccess });
  if (!programmeId && instrument.definition.perTarget) {
    throw invalidField('/instrumentId', 'an instrument where organizations rate each other runs in a programme, not inside one organization');
  }
  const minGroupSize = input.minGroupSize ?? options.instanceMinGroupSize;
  if (minGroupSize < options.instanceMinGroupSize) {
    throw invalidField('/minGroupSize', `must be at least ${options.instanceMinGroupSize}, this instance's minimum`, minGroupSize);
  }
  const commentsEnabled = input.commentsEnabled ?? instrument.definition.comments.enabled;
  if (commentsEnabled && !instrument.definition.comments.enabled) throw invalidField('/commentsEnabled', 'this instrument asks for no comment', true);
  const [round] = await db
    .insert(surveyRounds)
    .values({
      instrumentId: instrument.id,
      definition: instrument.definition,
      programmeId,
      organizationId: actor.organizationId,
      title: input.title,
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
      minGroupSize,
      commentsEnabled,
      createdBy: actor.userId,
    })
    .returning();
  return round!;
}

/** Lists the rounds the actor may see, newest first, optionally of one programme or of their organization only. */
export async function listRounds(db: Database, options: { actor: Actor; programmeId?: string; scope?: 'programme' | 'organization'; limit: number; cursor?: string }) {
  const conditions = [visibleRounds(options.actor)];
  if (options.programmeId) conditions.push(eq(surveyRounds.programmeId, options.programmeId));
  if (options.scope === 'organization') conditions.push(isNull(surveyRounds.programmeId));
  if (options.scope === 'programme') conditions.push(sql`${surveyRounds.programmeId} is not null`);
  const after = decodeCursor(options.cursor, 2);
  if (after) {
    const [createdAt, id] = after as [string, string];
    conditions.push(or(lt(surveyRounds.createdAt, new Date(createdAt)), and(eq(surveyRounds.createdAt, new Date(createdAt)), lt(surveyRounds.id, id)))!);
  }
  const rows = await db
    .select()
    .from(surveyRounds)
    .where(and(...conditions))
    .orderBy(desc(surveyRounds.createdAt), desc(surveyRounds.id))
    .limit(options.limit + 1);
  return paginate(rows, options.limit, (row) => [row.createdAt.toISOString(), row.id]);
}

/** Closes a round before its closing date; its results become available. */
export async function closeRound(db: Database, options: { round: RoundRow; version: number }): Promise<RoundRow> {
  if (roundStatus(options.round) === 'closed') throw new AppError('conflict', 'The round is already closed');
  return updateVersioned(db, { table: surveyRounds, id: options.round.id, version: options.version, values: { closedAt: new Date() }, what: 'Survey round' });
}
