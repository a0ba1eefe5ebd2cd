// The IATI figures of one organization: where it appears, what it received and passed on, from
// whom and to whom, and whether it counts as a local or national actor.
import { computeFundingFlows } from './funding-flows.js';
import { countryOf, defaultLocalActorRule, isLocalActor, type LocalActorRule } from './localization.js';
import type { AnalysisDataset } from './types.js';

const roleNames: Record<string, 'funding' | 'accountable' | 'extending' | 'implementing'> = { '1': 'funding', '2': 'accountable', '3': 'extending', '4': 'implementing' };

export type OrganizationIatiProfile = {
  organizationId: string;
  activities: number;
  published: number;
  roles: { funding: number; accountable: number; extending: number; implementing: number };
  currency: string | null;
  received: number;
  passedOn: number;
  intermediary: boolean;
  funders: Array<{ id: string; name: string; value: number }>;
  recipients: Array<{ id: string; name: string; value: number }>;
  localActor: boolean;
  country: string | null;
};

/** The figures of one organization over a dataset that holds the activities it appears in. */
export function computeOrganizationProfile(dataset: AnalysisDataset, organizationId: string, options: { currency?: string; rule?: LocalActorRule } = {}): OrganizationIatiProfile {
  const roles = { funding: 0, accountable: 0, extending: 0, implementing: 0 };
  const activities = new Set<string>();
  for (const p of dataset.participations) {
    if (p.organizationId !== organizationId) continue;
    activities.add(p.activityId);
    const name = p.role ? roleNames[p.role] : undefined;
    if (name) roles[name] += 1;
  }
  const published = dataset.activities.filter((activity) => activity.reportingOrganizationId === organizationId).length;
  const flows = computeFundingFlows(dataset, options.currency ? { currency: options.currency } : {});
  const node = flows.nodes.find((candidate) => candidate.id === organizationId);
  const nameOf = (id: string) => dataset.organizations.get(id)?.name ?? id;
  const organization = dataset.organizations.get(organizationId);
  const countries = [...new Set(dataset.activities.filter((activity) => activities.has(activity.id)).flatMap((activity) => activity.countries))];
  return {
    organizationId,
    activities: activities.size,
    published,
    roles,
    currency: flows.currency,
    received: node?.received ?? 0,
    passedOn: node?.passedOn ?? 0,
    intermediary: node?.intermediary ?? false,
    funders: flows.edges.filter((edge) => edge.to === organizationId).map((edge) => ({ id: edge.from, name: nameOf(edge.from), value: edge.value })),
    recipients: flows.edges.filter((edge) => edge.from === organizationId).map((edge) => ({ id: edge.to, name: nameOf(edge.to), value: edge.value })),
    localActor: isLocalActor(organization, countries, options.rule ?? defaultLocalActorRule),
    country: organization ? countryOf(organization) : null,
  };
}
