import { isLocalActor } from '../analytics/context.js';
import type { ProgrammeBundle } from '../bundle/schema.js';

export type AuthenticityEvidence = {
  organizations: Array<{ ref: string; name: string; role: string | null; local: boolean }>;
  interactions: Array<{ from: string; to: string; count: number }>;
  learning: Array<{ from: string; to: string; count: number; capacityBuilding: number }>;
  budget: { transparent: boolean; amountsVisible: boolean; shares: Array<{ org: string; share: number; amount: number | null }> };
  decisions: Array<{
    date: string;
    title: string;
    scope: 'programme' | 'local';
    locality: string | null;
    involvement: Record<string, number>;
    desired: Record<string, number>;
  }>;
};

/**
 * The records behind the dashboard's charts, drawn from the same bundle the profile is computed
 * from: the interaction and learning networks, budget shares, and decisions × organizations.
 * Budget amounts are withheld from readers who may not see the whole budget; shares are not.
 */
export function buildEvidence(bundle: ProgrammeBundle, options: { amountsVisible: boolean }): AuthenticityEvidence {
  const roles = new Map(bundle.members.map((member) => [member.org, member.role]));
  const organizations = [...bundle.organizations]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((organization) => ({
      ref: organization.ref,
      name: organization.name,
      role: roles.get(organization.ref) ?? null,
      local: isLocalActor(organization, bundle.programme.countries),
    }));

  const interactionCounts = new Map<string, number>();
  for (const interaction of bundle.interactions) {
    const key = `${interaction.from}\u0000${interaction.to}`;
    interactionCounts.set(key, (interactionCounts.get(key) ?? 0) + 1);
  }
  const learningCounts = new Map<string, { count: number; capacityBuilding: number }>();
  for (const record of bundle.learning) {
    const key = `${record.from}\u0000${record.to}`;
    const tally = learningCounts.get(key) ?? { count: 0, capacityBuilding: 0 };
    tally.count += 1;
    if (record.kind === 'capacity-building') tally.capacityBuilding += 1;
    learningCounts.set(key, tally);
  }

  const totals = new Map<string, number>();
  for (const line of bundle.budget) totals.set(line.org, (totals.get(line.org) ?? 0) + line.amount);
  const grandTotal = [...totals.values()].reduce((sum, amount) => sum + amount, 0);

  return {
    organizations,
    interactions: [...interactionCounts].map(([key, count]) => {
      const [from, to] = key.split('\u0000') as [string, string];
      return { from, to, count };
    }),
    learning: [...learningCounts].map(([key, tally]) => {
      const [from, to] = key.split('\u0000') as [string, string];
      return { from, to, ...tally };
    }),
    budget: {
      transparent: bundle.programme.budgetTransparent ?? true,
      amountsVisible: options.amountsVisible,
      shares: [...totals]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([org, amount]) => ({ org, share: grandTotal > 0 ? Math.round((amount / grandTotal) * 10_000) / 10_000 : 0, amount: options.amountsVisible ? amount : null })),
    },
    decisions: [...bundle.decisions]
      .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
      .map((decision) => ({
        date: decision.date,
        title: decision.title,
        scope: decision.scope,
        locality: decision.locality ?? null,
        involvement: decision.involvement,
        desired: decision.desired ?? {},
      })),
  };
}
