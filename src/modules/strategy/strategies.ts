import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { programmeGoalLinks, programmeMembers, programmes, strategies, strategyGoals, type IndicatorKind, type TargetDirection } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { authorize } from '../../lib/policy.js';
import { activeMembership } from '../programmes/access.js';
import type { StrategyResource } from './policy.js';

export type StrategyRow = typeof strategies.$inferSelect;
export type GoalRow = typeof strategyGoals.$inferSelect;

const resourceOf = (row: Pick<StrategyRow, 'organizationId' | 'shared'>): StrategyResource => ({ kind: 'strategy', organizationId: row.organizationId, shared: row.shared });

/** An organization's strategy with its goals and their linked programmes, if the actor may see it (else "not found"). */
export async function getStrategy(db: Database, options: { actor: Actor; organizationId: string }) {
  const [strategy] = await db.select().from(strategies).where(eq(strategies.organizationId, options.organizationId)).limit(1);
  if (!strategy) {
    if (options.organizationId === options.actor.organizationId) return null;
    throw notFound('Strategy');
  }
  authorize(options.actor, 'strategy.view', resourceOf(strategy));
  const goals = await db.select().from(strategyGoals).where(eq(strategyGoals.strategyId, strategy.id)).orderBy(asc(strategyGoals.position), asc(strategyGoals.createdAt));
  const links =
    goals.length === 0
      ? []
      : await db
          .select({ goalId: programmeGoalLinks.goalId, programmeId: programmes.id, title: programmes.title, ref: programmes.ref })
          .from(programmeGoalLinks)
          .innerJoin(programmes, eq(programmes.id, programmeGoalLinks.programmeId))
          .where(inArray(programmeGoalLinks.goalId, goals.map((goal) => goal.id)));
  return { strategy, goals, links, resource: resourceOf(strategy) };
}

/** Creates or changes the actor's organization's strategy (send the version you read when changing it). */
export async function saveStrategy(
  db: Database,
  options: { actor: Actor; input: { title: string; summary?: string | null | undefined; startDate?: string | null | undefined; endDate?: string | null | undefined; shared?: boolean | undefined; version?: number | undefined } },
): Promise<void> {
  const { actor, input } = options;
  authorize(actor, 'strategy.edit', { kind: 'strategy', organizationId: actor.organizationId, shared: false });
  if (input.startDate && input.endDate && input.endDate < input.startDate) throw invalidField('/endDate', 'is before startDate', input.endDate);
  const [existing] = await db.select().from(strategies).where(eq(strategies.organizationId, actor.organizationId)).limit(1);
  const values = { title: input.title, summary: input.summary ?? null, startDate: input.startDate ?? null, endDate: input.endDate ?? null, shared: input.shared ?? existing?.shared ?? false };
  if (!existing) {
    await db.insert(strategies).values({ organizationId: actor.organizationId, ...values });
    return;
  }
  if (input.version === undefined) throw invalidField('/version', 'is required to change an existing strategy');
  const [updated] = await db
    .update(strategies)
    .set({ ...values, updatedAt: new Date(), version: existing.version + 1 })
    .where(and(eq(strategies.id, existing.id), eq(strategies.version, input.version)))
    .returning({ id: strategies.id });
  if (!updated) throw new AppError('version_conflict', 'The strategy was changed by someone else; reload it and try again');
}

export type GoalInput = { title: string; description?: string | null | undefined; indicatorKind: IndicatorKind; direction: TargetDirection; target: number; manualValue?: number | null | undefined; position?: number | undefined };

async function ownStrategy(db: Database, actor: Actor): Promise<StrategyRow> {
  const [strategy] = await db.select().from(strategies).where(eq(strategies.organizationId, actor.organizationId)).limit(1);
  if (!strategy) throw new AppError('conflict', 'Write the strategy first, then its goals');
  authorize(actor, 'strategy.edit', resourceOf(strategy));
  return strategy;
}

async function ownGoal(db: Database, actor: Actor, goalId: string): Promise<GoalRow> {
  const strategy = await ownStrategy(db, actor);
  const [goal] = await db.select().from(strategyGoals).where(and(eq(strategyGoals.id, goalId), eq(strategyGoals.strategyId, strategy.id))).limit(1);
  if (!goal) throw notFound('Goal');
  return goal;
}

/** Adds a goal to the actor's organization's strategy. */
export async function addGoal(db: Database, options: { actor: Actor; input: GoalInput }): Promise<string> {
  const strategy = await ownStrategy(db, options.actor);
  const { input } = options;
  const [goal] = await db
    .insert(strategyGoals)
    .values({
      strategyId: strategy.id,
      title: input.title,
      description: input.description ?? null,
      indicatorKind: input.indicatorKind,
      direction: input.direction,
      target: String(input.target),
      manualValue: input.manualValue === undefined || input.manualValue === null ? null : String(input.manualValue),
      position: input.position ?? 0,
    })
    .returning({ id: strategyGoals.id });
  return goal!.id;
}

/** Changes a goal (send the version you read). */
export async function updateGoal(db: Database, options: { actor: Actor; goalId: string; input: Partial<GoalInput> & { version: number } }): Promise<void> {
  const goal = await ownGoal(db, options.actor, options.goalId);
  const { input } = options;
  const [updated] = await db
    .update(strategyGoals)
    .set({
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.indicatorKind !== undefined ? { indicatorKind: input.indicatorKind } : {}),
      ...(input.direction !== undefined ? { direction: input.direction } : {}),
      ...(input.target !== undefined ? { target: String(input.target) } : {}),
      ...(input.manualValue !== undefined ? { manualValue: input.manualValue === null ? null : String(input.manualValue) } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      updatedAt: new Date(),
      version: goal.version + 1,
    })
    .where(and(eq(strategyGoals.id, goal.id), eq(strategyGoals.version, input.version)))
    .returning({ id: strategyGoals.id });
  if (!updated) throw new AppError('version_conflict', 'The goal was changed by someone else; reload it and try again');
}

/** Removes a goal and its programme links. */
export async function deleteGoal(db: Database, options: { actor: Actor; goalId: string }): Promise<void> {
  const goal = await ownGoal(db, options.actor, options.goalId);
  await db.delete(strategyGoals).where(eq(strategyGoals.id, goal.id));
}

/** Sets the programmes a goal serves: only programmes the organization currently takes part in. */
export async function setGoalProgrammes(db: Database, options: { actor: Actor; goalId: string; programmeIds: string[] }): Promise<void> {
  const goal = await ownGoal(db, options.actor, options.goalId);
  const ids = [...new Set(options.programmeIds)];
  const memberships =
    ids.length === 0
      ? []
      : await db
          .select({ programmeId: programmeMembers.programmeId })
          .from(programmeMembers)
          .where(and(inArray(programmeMembers.programmeId, ids), eq(programmeMembers.organizationId, options.actor.organizationId), activeMembership()));
  const allowed = new Set(memberships.map((row) => row.programmeId));
  const refused = options.programmeIds.findIndex((id) => !allowed.has(id));
  if (refused >= 0) throw invalidField(`/programmeIds/${refused}`, 'is not a programme your organization takes part in', options.programmeIds[refused]);
  await db.transaction(async (tx) => {
    await tx.delete(programmeGoalLinks).where(eq(programmeGoalLinks.goalId, goal.id));
    if (ids.length > 0) await tx.insert(programmeGoalLinks).values(ids.map((programmeId) => ({ goalId: goal.id, programmeId })));
  });
}
