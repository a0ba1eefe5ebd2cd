import { programmeStatuses, type ProgrammeStatus } from '../../db/schema/index.js';

/**
 * The programme lifecycle runs identification → formulation → contracting → implementation →
 * closure → closed. A programme moves one step forward, or one step back (a contract falls
 * through, a closure is reopened); "closed" is final.
 */
export function allowedTransitions(from: ProgrammeStatus): ProgrammeStatus[] {
  if (from === 'closed') return [];
  const index = programmeStatuses.indexOf(from);
  const next = programmeStatuses[index + 1];
  const previous = index > 0 ? programmeStatuses[index - 1] : undefined;
  return [next, previous].filter((status): status is ProgrammeStatus => status !== undefined);
}

/** True when a programme in `from` may move to `to`. */
export function canTransition(from: ProgrammeStatus, to: ProgrammeStatus): boolean {
  return allowedTransitions(from).includes(to);
}
