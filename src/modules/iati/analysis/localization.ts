// Localization: the share of funds and of implementing roles that reaches local and national
// actors, with the IASC Localisation Marker Working Group's distinction between direct funding,
// funding through one intermediary, and longer chains. The rule deciding who is local is a
// value (defaults below, documented in docs/localization.md), not code scattered around.
import { countries } from '../codes.generated.js';
import { buildFlowGraph, depthsFromSources } from './funding-flows.js';
import { dominantCurrency, flowsOf } from './flows.js';
import type { AnalysisDataset, AnalysisOrganization } from './types.js';

export type LocalActorRule = {
  /** Organisation types local wherever they work: 22 National NGO, 24 Partner country based NGO. */
  localTypes: string[];
  /** Types local only in their own region, read here as: based in a recipient country (23 Regional NGO). */
  regionalTypes: string[];
  /** Government types local only when they are the recipient country's (10 Government, 11 Local Government). */
  governmentTypes: string[];
  /** Registry scopes that make an organization local or national whatever its type. */
  registryScopes: Array<'local' | 'national' | 'regional' | 'international'>;
};

export const defaultLocalActorRule: LocalActorRule = { localTypes: ['22', '24'], regionalTypes: ['23'], governmentTypes: ['10', '11'], registryScopes: ['local', 'national'] };

/** The Grand Bargain (2016) commitment: at least 25% of humanitarian funding to local and national actors. */
export const grandBargainTarget = 0.25;

const countryCodes = new Set(countries.map((country) => country.code));

/** The organization's country: the registry's, else the prefix of its organisation identifier (KE-NGC-123 is Kenyan). */
export function countryOf(organization: AnalysisOrganization): string | null {
  if (organization.country) return organization.country.toUpperCase();
  const prefix = organization.identifier?.slice(0, 3);
  return prefix && /^[A-Z]{2}-$/i.test(prefix) && countryCodes.has(prefix.slice(0, 2).toUpperCase()) ? prefix.slice(0, 2).toUpperCase() : null;
}

/** True when the organization counts as a local or national actor for an activity in these recipient countries. */
export function isLocalActor(organization: AnalysisOrganization | undefined, recipientCountries: string[], rule: LocalActorRule = defaultLocalActorRule): boolean {
  if (!organization) return false;
  if (organization.scope && rule.registryScopes.includes(organization.scope)) return true;
  const type = organization.type;
  if (type && rule.localTypes.includes(type)) return true;
  const country = countryOf(organization);
  const inRecipientCountry = country !== null && recipientCountries.includes(country);
  if (type && rule.regionalTypes.includes(type)) return inRecipientCountry;
  if (type && rule.governmentTypes.includes(type)) return inRecipientCountry;
  return false;
}

export type ChannelShare = { value: number; share: number };
export type Localization = {
  currency: string | null;
  totalValue: number;
  localValue: number;
  localShare: number;
  /** Funds reaching local actors from an original source directly, through one intermediary, or through more. */
  channels: { direct: ChannelShare; oneIntermediary: ChannelShare; longer: ChannelShare };
  implementing: { total: number; local: number; share: number };
  reference: number;
  rule: LocalActorRule;
};

/** Localization figures of a dataset in one currency (the dominant one unless given). */
export function computeLocalization(dataset: AnalysisDataset, options: { currency?: string; rule?: LocalActorRule } = {}): Localization {
  const rule = options.rule ?? defaultLocalActorRule;
  const currency = options.currency ?? dominantCurrency(dataset);
  const countriesOf = new Map(dataset.activities.map((activity) => [activity.id, activity.countries]));
  let totalValue = 0;
  const channelValue = { direct: 0, oneIntermediary: 0, longer: 0 };
  if (currency !== null) {
    const depths = depthsFromSources(buildFlowGraph(dataset, currency));
    for (const flow of flowsOf(dataset, currency)) {
      totalValue += flow.value;
      if (!isLocalActor(dataset.organizations.get(flow.to), countriesOf.get(flow.activityId) ?? [], rule)) continue;
      // The provider's distance from a source: 0 means the money came straight from a source.
      const depth = depths.get(flow.from) ?? 2;
      if (depth === 0) channelValue.direct += flow.value;
      else if (depth === 1) channelValue.oneIntermediary += flow.value;
      else channelValue.longer += flow.value;
    }
  }
  const localValue = channelValue.direct + channelValue.oneIntermediary + channelValue.longer;
  const share = (value: number) => (totalValue > 0 ? value / totalValue : 0);
  let implementingTotal = 0;
  let implementingLocal = 0;
  for (const p of dataset.participations) {
    if (p.role !== '4') continue;
    implementingTotal += 1;
    if (isLocalActor(dataset.organizations.get(p.organizationId), countriesOf.get(p.activityId) ?? [], rule)) implementingLocal += 1;
  }
  return {
    currency,
    totalValue,
    localValue,
    localShare: share(localValue),
    channels: {
      direct: { value: channelValue.direct, share: share(channelValue.direct) },
      oneIntermediary: { value: channelValue.oneIntermediary, share: share(channelValue.oneIntermediary) },
      longer: { value: channelValue.longer, share: share(channelValue.longer) },
    },
    implementing: { total: implementingTotal, local: implementingLocal, share: implementingTotal > 0 ? implementingLocal / implementingTotal : 0 },
    reference: grandBargainTarget,
    rule,
  };
}
