/** A budget line as the summary needs it (amounts in the programme currency). */
export type SummaryLine = { organizationId: string; amount: number; indirectCosts: number; ownContribution: number };
export type SummaryOrganization = { organizationId: string; plannedShare: number | null };

const cents = (value: number) => Math.round(value * 100);
const fromCents = (value: number) => value / 100;

/**
 * Totals and shares per organization: amount, indirect costs and own contribution, each
 * organization's share of the total (percent, two decimals), and the gap to its planned share.
 * Sums run in cents so that totals are exact.
 */
export function summarizeBudget(lines: SummaryLine[], organizations: SummaryOrganization[]) {
  const byOrganization = new Map<string, { amount: number; indirectCosts: number; ownContribution: number; lines: number }>();
  for (const organization of organizations) byOrganization.set(organization.organizationId, { amount: 0, indirectCosts: 0, ownContribution: 0, lines: 0 });
  for (const line of lines) {
    const entry = byOrganization.get(line.organizationId) ?? { amount: 0, indirectCosts: 0, ownContribution: 0, lines: 0 };
    entry.amount += cents(line.amount);
    entry.indirectCosts += cents(line.indirectCosts);
    entry.ownContribution += cents(line.ownContribution);
    entry.lines += 1;
    byOrganization.set(line.organizationId, entry);
  }
  let total = 0;
  let indirectCosts = 0;
  let ownContribution = 0;
  for (const entry of byOrganization.values()) {
    total += entry.amount;
    indirectCosts += entry.indirectCosts;
    ownContribution += entry.ownContribution;
  }
  const planned = new Map(organizations.map((organization) => [organization.organizationId, organization.plannedShare]));
  const rows = [...byOrganization.entries()].map(([organizationId, entry]) => {
    const share = total === 0 ? 0 : Math.round((entry.amount / total) * 10_000) / 100;
    const plannedShare = planned.get(organizationId) ?? null;
    return {
      organizationId,
      lines: entry.lines,
      amount: fromCents(entry.amount),
      indirectCosts: fromCents(entry.indirectCosts),
      ownContribution: fromCents(entry.ownContribution),
      share,
      plannedShare,
      shareGap: plannedShare === null ? null : Math.round((share - plannedShare) * 100) / 100,
    };
  });
  return { total: fromCents(total), indirectCosts: fromCents(indirectCosts), ownContribution: fromCents(ownContribution), organizations: rows };
}
