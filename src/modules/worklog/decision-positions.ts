import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { decisionContests, decisionDesiredInvolvements, decisionInvolvements } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { assertOwnEntry, type LogContext } from './context.js';
import { findDecision, getDecision } from './decisions.js';

/** Records (or clears, with null) the involvement the actor's organization wanted in a decision. */
export async function setDesiredInvolvement(db: Database, options: { context: LogContext; decisionId: string; level: number | null }) {
  const { context } = options;
  const decision = await findDecision(db, context.programme.id, options.decisionId);
  assertOwnEntry(context);
  const organizationId = context.actor.organizationId;
  const key = and(eq(decisionDesiredInvolvements.decisionId, decision.id), eq(decisionDesiredInvolvements.organizationId, organizationId));
  if (options.level === null) {
    await db.delete(decisionDesiredInvolvements).where(key);
  } else {
    await db
      .insert(decisionDesiredInvolvements)
      .values({ decisionId: decision.id, organizationId, level: options.level, recordedByUserId: context.actor.userId })
      .onConflictDoUpdate({
        target: [decisionDesiredInvolvements.decisionId, decisionDesiredInvolvements.organizationId],
        set: { level: options.level, recordedByUserId: context.actor.userId, updatedAt: new Date() },
      });
  }
  return getDecision(db, { context, decisionId: decision.id });
}

/** The actor's organization contests the level recorded for its own involvement; the contest is kept for good. */
export async function contestInvolvement(db: Database, options: { context: LogContext; decisionId: string; comment: string; claimedLevel?: number | null | undefined }) {
  const { context } = options;
  const decision = await findDecision(db, context.programme.id, options.decisionId);
  assertOwnEntry(context);
  const [recorded] = await db
    .select({ level: decisionInvolvements.level })
    .from(decisionInvolvements)
    .where(and(eq(decisionInvolvements.decisionId, decision.id), eq(decisionInvolvements.organizationId, context.actor.organizationId)))
    .limit(1);
  await db.insert(decisionContests).values({
    decisionId: decision.id,
    organizationId: context.actor.organizationId,
    contestedLevel: recorded?.level ?? null,
    claimedLevel: options.claimedLevel ?? null,
    comment: options.comment,
    createdByUserId: context.actor.userId,
  });
  return getDecision(db, { context, decisionId: decision.id });
}

/** Withdraws one of the organization's own contests: it stays in the history, stamped as withdrawn. */
export async function withdrawContest(db: Database, options: { context: LogContext; decisionId: string; contestId: string }) {
  const { context } = options;
  const decision = await findDecision(db, context.programme.id, options.decisionId);
  const [contest] = await db
    .select()
    .from(decisionContests)
    .where(and(eq(decisionContests.id, options.contestId), eq(decisionContests.decisionId, decision.id)))
    .limit(1);
  if (!contest) throw notFound('Contest');
  if (contest.organizationId !== context.actor.organizationId) throw new AppError('forbidden', 'Only the organization that contested may withdraw its contest');
  assertOwnEntry(context);
  await db
    .update(decisionContests)
    .set({ withdrawnAt: new Date() })
    .where(and(eq(decisionContests.id, contest.id), isNull(decisionContests.withdrawnAt)));
  return getDecision(db, { context, decisionId: decision.id });
}
