/**
 * The anonymity rules every survey result passes through. A figure is shown only for a group of
 * at least k respondents, and a breakdown (a total split into groups) only when every group and
 * what remains of the total without each group meet k: otherwise one hidden figure could be
 * recovered by subtracting the shown ones from the total.
 */

export type HiddenReason = 'round-open' | 'too-few-respondents' | 'group-too-small' | 'remainder-too-small' | 'comments-off';

export type Disclosure = { shown: true } | { shown: false; reason: HiddenReason };

/** The k a round uses: its own setting, never below the instance minimum. */
export function effectiveMinGroupSize(roundMinimum: number, instanceMinimum: number): number {
  return Math.max(roundMinimum, instanceMinimum, 3);
}

/** Whether a single group's figures may be shown. */
export function discloseGroup(respondents: number, k: number): Disclosure {
  return respondents >= k ? { shown: true } : { shown: false, reason: 'too-few-respondents' };
}

/**
 * Whether a breakdown of `total` respondents into `groups` may be shown: all or nothing, so that
 * no hidden group is revealed by subtracting the shown ones. A remainder of zero reveals nothing.
 */
export function discloseBreakdown(total: number, groups: readonly number[], k: number): Disclosure {
  if (total < k) return { shown: false, reason: 'too-few-respondents' };
  if (groups.some((respondents) => respondents < k)) return { shown: false, reason: 'group-too-small' };
  const remainders = groups.map((respondents) => total - respondents);
  if (remainders.some((remainder) => remainder > 0 && remainder < k)) return { shown: false, reason: 'remainder-too-small' };
  const rest = total - groups.reduce((sum, respondents) => sum + respondents, 0);
  // Respondents outside every group (say, a funder in a lead-versus-partners split) form a group of their own.
  if (rest > 0 && rest < k && groups.length > 1) return { shown: false, reason: 'remainder-too-small' };
  return { shown: true };
}
