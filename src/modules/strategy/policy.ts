import type { Actor } from '../../lib/actor.js';

/** An organization's strategy as the rules see it. */
export type StrategyResource = { kind: 'strategy'; organizationId: string; shared: boolean };

/** Strategy rules: private to the organization unless shared with the instance; its administrators change it. */
export const strategyRules = {
  'strategy.view': (actor: Actor, resource: StrategyResource) => resource.organizationId === actor.organizationId || resource.shared,
  'strategy.edit': (actor: Actor, resource: StrategyResource) => resource.organizationId === actor.organizationId && actor.role === 'org-admin',
};
