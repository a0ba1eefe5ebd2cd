// Money moving between organizations, read from transactions. A flow is counted from the
// provider's report (disbursement 3, expenditure 4) when there is one for that pair of
// organizations, else from the receiver's (incoming funds 1): when both publish, the same money
// is not counted twice. A missing provider of an outgoing transaction is the reporting
// organization, and so is a missing receiver of incoming funds (what the standard means).
import type { AnalysisDataset, AnalysisTransaction } from './types.js';

export const outgoingTypes = new Set(['3', '4']);
export const incomingTypes = new Set(['1']);

export type Flow = { activityId: string; from: string; to: string; value: number; transaction: AnalysisTransaction };

/** The currency most transactions are in: values in different currencies are never added up. */
export function dominantCurrency(dataset: AnalysisDataset): string | null {
  const counts = new Map<string, number>();
  for (const t of dataset.transactions) counts.set(t.currency, (counts.get(t.currency) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** The flows of one currency, each once, with providers and receivers filled in from the reporting organization. */
export function flowsOf(dataset: AnalysisDataset, currency: string): Flow[] {
  const reporter = new Map(dataset.activities.map((activity) => [activity.id, activity.reportingOrganizationId]));
  const implementers = new Map<string, Set<string>>();
  for (const p of dataset.participations) if (p.role === '4') implementers.set(p.activityId, (implementers.get(p.activityId) ?? new Set()).add(p.organizationId));
  const soleImplementer = (activityId: string): string | null => {
    const set = implementers.get(activityId);
    return set && set.size === 1 ? [...set][0]! : null;
  };
  const outgoing: Flow[] = [];
  const incoming: Flow[] = [];
  for (const t of dataset.transactions) {
    if (t.currency !== currency || !(t.value > 0) || t.type === null) continue;
    if (outgoingTypes.has(t.type)) {
      const from = t.providerId ?? reporter.get(t.activityId) ?? null;
      const to = t.receiverId ?? soleImplementer(t.activityId);
      if (from && to && from !== to) outgoing.push({ activityId: t.activityId, from, to, value: t.value, transaction: t });
    } else if (incomingTypes.has(t.type)) {
      const to = t.receiverId ?? reporter.get(t.activityId) ?? null;
      if (to && t.providerId && t.providerId !== to) incoming.push({ activityId: t.activityId, from: t.providerId, to, value: t.value, transaction: t });
    }
  }
  const reportedByProvider = new Set(outgoing.map((flow) => `${flow.from}>${flow.to}`));
  return [...outgoing, ...incoming.filter((flow) => !reportedByProvider.has(`${flow.from}>${flow.to}`))];
}
