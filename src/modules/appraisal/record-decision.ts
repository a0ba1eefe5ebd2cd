import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { appraisalDecisionRecords, appraisals, users, type AppraisalDecision } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { authorize } from '../../lib/policy.js';
import { appraisalResource, findVisibleAppraisal } from './appraisals.js';
import { computeWeightedTotal } from './compute-weighted-total.js';
import { versionConflict } from './templates.js';

/**
 * Records the appraising organization's decision on a candidate, with its reason, who took it,
 * when, and the weighted total at that moment. Earlier decisions stay as history; the latest stands.
 */
export async function recordDecision(
  db: Database,
  options: { actor: Actor; appraisalId: string; version: number; decision: AppraisalDecision; reason: string },
): Promise<void> {
  const row = await findVisibleAppraisal(db, options.actor, options.appraisalId);
  authorize(options.actor, 'private-record.decide', appraisalResource(row));
  await db.transaction(async (tx) => {
    // Bumping the version makes a decision taken on a stale screen fail like any other stale change.
    const [updated] = await tx
      .update(appraisals)
      .set({ updatedAt: new Date(), version: sql`${appraisals.version} + 1` })
      .where(and(eq(appraisals.id, row.id), eq(appraisals.version, options.version)))
      .returning({ id: appraisals.id });
    if (!updated) throw versionConflict('appraisal', row.version);
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, options.actor.userId)).limit(1);
    const total = computeWeightedTotal(row.template, row.scores).total;
    await tx.insert(appraisalDecisionRecords).values({
      appraisalId: row.id,
      decision: options.decision,
      reason: options.reason,
      totalAtDecision: total === null ? null : total.toFixed(1),
      decidedBy: options.actor.userId,
      decidedByName: user?.name ?? options.actor.name,
    });
  });
}
