import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { decisionContests, decisionDesiredInvolvements, decisionInvolvements, decisions, meetings } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { paginate } from '../../lib/pagination.js';
import { updateVersioned } from '../programmes/versioned-update.js';
import { assertCanEdit, canEditRecord, checkDateInProgramme, loadRoster, ReferenceCheck, type LogContext } from './context.js';
import { dateKey, newestFirst, pageWhere } from './list-page.js';
import { presentContest, presentMeta } from './present.js';
import type { CreateDecisionInput, ListQuery, UpdateDecisionInput } from './schemas.js';

type DecisionRow = typeof decisions.$inferSelect;

async function checkDecision(db: Database, context: LogContext, input: Partial<CreateDecisionInput>, current?: DecisionRow): Promise<void> {
  const check = new ReferenceCheck(await loadRoster(db, context.programme.id, false));
  if (input.date !== undefined) checkDateInProgramme(context.programme, input.date, '/date', check.errors);
  const seen = new Set<string>();
  input.involvement?.forEach((entry, index) => {
    check.member(`/involvement/${index}/organizationId`, entry.organizationId);
    if (seen.has(entry.organizationId)) check.add(`/involvement/${index}/organizationId`, 'is listed twice', entry.organizationId);
    seen.add(entry.organizationId);
  });
  const scope = input.scope ?? current?.scope;
  const locality = input.locality === undefined ? current?.locality : input.locality;
  if (scope === 'local' && !locality) check.add('/locality', 'a local decision needs its locality');
  if (input.meetingId) {
    const [meeting] = await db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.id, input.meetingId), eq(meetings.programmeId, context.programme.id))).limit(1);
    if (!meeting) check.add('/meetingId', 'is not a meeting of this programme', input.meetingId);
  }
  check.throwIfAny();
}

async function replaceInvolvement(db: Database, decisionId: string, involvement: CreateDecisionInput['involvement']): Promise<void> {
  // Only the recorded levels are replaced: desired levels and contests belong to each organization and stay.
  await db.delete(decisionInvolvements).where(eq(decisionInvolvements.decisionId, decisionId));
  if (involvement.length > 0) await db.insert(decisionInvolvements).values(involvement.map((entry) => ({ decisionId, ...entry })));
}

/** Records a decision with each organization's involvement, all or nothing. */
export async function createDecision(db: Database, options: { context: LogContext; input: CreateDecisionInput }) {
  const { context, input } = options;
  await checkDecision(db, context, input);
  const decisionId = await db.transaction(async (tx) => {
    const { involvement, ...fields } = input;
    const [decision] = await tx
      .insert(decisions)
      .values({
        ...fields,
        locality: input.locality ?? null,
        programmeId: context.programme.id,
        recordedByOrganizationId: context.actor.organizationId,
        recordedByUserId: context.actor.userId,
      })
      .returning({ id: decisions.id });
    await replaceInvolvement(tx, decision!.id, involvement);
    return decision!.id;
  });
  return getDecision(db, { context, decisionId });
}

export async function findDecision(db: Database, programmeId: string, decisionId: string): Promise<DecisionRow> {
  const [decision] = await db.select().from(decisions).where(and(eq(decisions.id, decisionId), eq(decisions.programmeId, programmeId))).limit(1);
  if (!decision) throw notFound('Decision');
  return decision;
}

/** Presents decisions with their involvement grid (recorded and desired) and every contest, oldest first. */
async function presentDecisions(db: Database, context: LogContext, rows: DecisionRow[]) {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [levels, desired, contests] = await Promise.all([
    db.select().from(decisionInvolvements).where(inArray(decisionInvolvements.decisionId, ids)),
    db.select().from(decisionDesiredInvolvements).where(inArray(decisionDesiredInvolvements.decisionId, ids)),
    db.select().from(decisionContests).where(inArray(decisionContests.decisionId, ids)).orderBy(asc(decisionContests.createdAt), asc(decisionContests.id)),
  ]);
  return rows.map((row) => {
    const grid = new Map<string, { organizationId: string; level: number | null; desired: number | null }>();
    for (const entry of levels) if (entry.decisionId === row.id) grid.set(entry.organizationId, { organizationId: entry.organizationId, level: entry.level, desired: null });
    for (const entry of desired) {
      if (entry.decisionId !== row.id) continue;
      const cell = grid.get(entry.organizationId) ?? { organizationId: entry.organizationId, level: null, desired: null };
      cell.desired = entry.level;
      grid.set(entry.organizationId, cell);
    }
    return {
      ...presentMeta(row, canEditRecord(context, row.recordedByOrganizationId)),
      date: row.date,
      title: row.title,
      description: row.description,
      meetingId: row.meetingId,
      scope: row.scope,
      locality: row.locality,
      topic: row.topic,
      involvement: [...grid.values()],
      contests: contests.filter((contest) => contest.decisionId === row.id).map(presentContest),
    };
  });
}

/** One decision with its involvement grid and contests. */
export async function getDecision(db: Database, options: { context: LogContext; decisionId: string }) {
  const decision = await findDecision(db, options.context.programme.id, options.decisionId);
  const [presented] = await presentDecisions(db, options.context, [decision]);
  return presented!;
}

/** The programme's decisions, newest first; with organizationId, those it was involved in or recorded. */
export async function listDecisions(db: Database, options: { context: LogContext; query: ListQuery }) {
  const { context, query } = options;
  const organization = query.organizationId;
  const extra = organization
    ? or(
        eq(decisions.recordedByOrganizationId, organization),
        sql`exists (select 1 from ${decisionInvolvements} where ${decisionInvolvements.decisionId} = ${decisions.id} and ${decisionInvolvements.organizationId} = ${organization})`,
      )
    : undefined;
  const rows = await db
    .select()
    .from(decisions)
    .where(pageWhere(decisions, context.programme.id, query, extra))
    .orderBy(...newestFirst(decisions))
    .limit(query.limit + 1);
  const page = paginate(rows, query.limit, dateKey);
  return { items: await presentDecisions(db, context, page.items), nextCursor: page.nextCursor };
}

/** Changes a decision; re-recording the involvement keeps every desired level and contest. */
export async function updateDecision(db: Database, options: { context: LogContext; decisionId: string; input: UpdateDecisionInput }) {
  const { context, input } = options;
  const decision = await findDecision(db, context.programme.id, options.decisionId);
  assertCanEdit(context, decision.recordedByOrganizationId);
  await checkDecision(db, context, input, decision);
  await db.transaction(async (tx) => {
    const { version, involvement, ...values } = input;
    await updateVersioned(tx, { table: decisions, id: decision.id, version, values, what: 'Decision', scope: eq(decisions.programmeId, context.programme.id) });
    if (involvement !== undefined) await replaceInvolvement(tx, decision.id, involvement);
  });
  return getDecision(db, { context, decisionId: decision.id });
}

/** Deletes a decision, with its involvement, desired levels and contests. */
export async function deleteDecision(db: Database, options: { context: LogContext; decisionId: string }) {
  const decision = await findDecision(db, options.context.programme.id, options.decisionId);
  assertCanEdit(options.context, decision.recordedByOrganizationId);
  await db.delete(decisions).where(eq(decisions.id, decision.id));
}

