import type { Actor } from '../../lib/actor.js';
import { can } from '../../lib/policy.js';
import type { GoalStatus } from './portfolio-figures.js';
import type { getStrategy } from './strategies.js';

/** A strategy with its goals, the programmes each serves, and (for its own organization) where each goal stands. */
export function presentStrategy(loaded: NonNullable<Awaited<ReturnType<typeof getStrategy>>>, actor: Actor, statuses: GoalStatus[] | null) {
  const { strategy, goals, links } = loaded;
  return {
    id: strategy.id,
    organizationId: strategy.organizationId,
    title: strategy.title,
    summary: strategy.summary,
    startDate: strategy.startDate,
    endDate: strategy.endDate,
    shared: strategy.shared,
    version: strategy.version,
    canEdit: can(actor, 'strategy.edit', loaded.resource),
    goals: goals.map((goal) => {
      const status = statuses?.find((candidate) => candidate.id === goal.id);
      return {
        id: goal.id,
        title: goal.title,
        description: goal.description,
        indicatorKind: goal.indicatorKind,
        direction: goal.direction,
        target: Number(goal.target),
        manualValue: goal.manualValue === null ? null : Number(goal.manualValue),
        position: goal.position,
        version: goal.version,
        programmes: links.filter((link) => link.goalId === goal.id).map((link) => ({ id: link.programmeId, ref: link.ref, title: link.title })),
        indicator: status ? { value: status.value, status: status.status, basis: status.basis, programmes: status.programmes } : null,
      };
    }),
  };
}
