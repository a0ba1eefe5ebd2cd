// The analyses on small hand-built datasets whose answers can be worked out by hand.
import { describe, expect, it } from 'vitest';
import { computeCoParticipation } from './co-participation.js';
import { computeFundingFlows } from './funding-flows.js';
import { computeLocalization, defaultLocalActorRule, isLocalActor } from './localization.js';
import { computeOrganizationProfile } from './organization-profile.js';
import type { AnalysisDataset, AnalysisOrganization, AnalysisTransaction } from './types.js';

const org = (id: string, type: string | null, extra: Partial<AnalysisOrganization> = {}): AnalysisOrganization => ({ id, name: id.toUpperCase(), identifier: null, type, country: null, scope: null, ...extra });
const tx = (activityId: string, type: string, value: number, providerId: string | null, receiverId: string | null, extra: Partial<AnalysisTransaction> = {}): AnalysisTransaction => ({
  activityId, type, value, currency: 'EUR', providerId, receiverId, providerActivityId: null, receiverActivityId: null, ...extra,
});

// donor funds intl (an international NGO) and local1 directly; intl passes funds to local2,
// which passes some to local3 (a chain of three steps). The government of KE also gets funds.
function dataset(): AnalysisDataset {
  const organizations = [
    org('donor', '10', { identifier: 'GB-GOV-1' }),
    org('intl', '21'),
    org('local1', '22'),
    org('local2', '24'),
    org('local3', '23', { identifier: 'KE-NGC-3' }),
    org('kegov', '10', { identifier: 'KE-GOV-1' }),
  ];
  return {
    organizations: new Map(organizations.map((o) => [o.id, o])),
    activities: [
      { id: 'A', iatiIdentifier: 'GB-GOV-1-A', reportingOrganizationId: 'donor', countries: ['KE'] },
      { id: 'B', iatiIdentifier: 'INTL-B', reportingOrganizationId: 'intl', countries: ['KE'] },
      { id: 'C', iatiIdentifier: 'L2-C', reportingOrganizationId: 'local2', countries: ['KE'] },
    ],
    participations: [
      { activityId: 'A', organizationId: 'donor', role: '1' },
      { activityId: 'A', organizationId: 'intl', role: '3' },
      { activityId: 'A', organizationId: 'local1', role: '4' },
      { activityId: 'B', organizationId: 'intl', role: '2' },
      { activityId: 'B', organizationId: 'local2', role: '4' },
      { activityId: 'C', organizationId: 'local2', role: '2' },
      { activityId: 'C', organizationId: 'local3', role: '4' },
      { activityId: 'C', organizationId: 'intl', role: '4' },
    ],
    transactions: [
      tx('A', '3', 600, null, 'intl', { receiverActivityId: 'INTL-B' }),
      tx('A', '3', 200, 'donor', 'local1'),
      tx('A', '3', 100, 'donor', 'kegov'),
      // intl reports the same money as incoming funds: not counted twice.
      tx('B', '1', 600, 'donor', null, { providerActivityId: 'GB-GOV-1-A' }),
      tx('B', '3', 400, null, 'local2', { receiverActivityId: 'L2-C' }),
      tx('C', '3', 100, null, 'local3'),
      // Another currency is never added to euros.
      tx('C', '3', 999, null, 'local3', { currency: 'USD' }),
    ],
  };
}

describe('funding flows', () => {
  it('weighs edges by value, counts a flow reported on both sides once, and finds intermediaries', () => {
    const flows = computeFundingFlows(dataset());
    expect(flows.currency).toBe('EUR');
    expect(flows.totalValue).toBe(600 + 200 + 100 + 400 + 100);
    expect(flows.edges.find((edge) => edge.from === 'donor' && edge.to === 'intl')).toEqual({ from: 'donor', to: 'intl', value: 600, transactions: 1 });
    expect(flows.intermediaries.map((node) => node.id)).toEqual(['intl', 'local2']);
    expect(Object.fromEntries(flows.nodes.map((node) => [node.id, node.depth]))).toEqual({ donor: 0, intl: 1, local1: 1, kegov: 1, local2: 2, local3: 3 });
  });

  it('measures funding chains through provider and receiver activity ids', () => {
    const flows = computeFundingFlows(dataset());
    // GB-GOV-1-A -> INTL-B -> L2-C: one chain of two links.
    expect(flows.chains).toEqual([{ links: 2, count: 1 }]);
    expect(flows.longestChain).toBe(2);
  });

  it('keeps other currencies apart', () => {
    expect(computeFundingFlows(dataset(), { currency: 'USD' }).totalValue).toBe(999);
  });
});

describe('localization', () => {
  it('applies the rule: national and partner-country NGOs always, regional NGOs and governments only in the recipient country', () => {
    const d = dataset();
    expect(isLocalActor(d.organizations.get('local1'), ['KE'])).toBe(true);
    expect(isLocalActor(d.organizations.get('local3'), ['KE'])).toBe(true);
    expect(isLocalActor(d.organizations.get('local3'), ['UG'])).toBe(false);
    expect(isLocalActor(d.organizations.get('kegov'), ['KE'])).toBe(true);
    expect(isLocalActor(d.organizations.get('donor'), ['KE'])).toBe(false);
    expect(isLocalActor(org('x', '21', { scope: 'national' }), [])).toBe(true);
    expect(isLocalActor(org('x', '21', { scope: 'national' }), [], { ...defaultLocalActorRule, registryScopes: [] })).toBe(false);
  });

  it('splits funds reaching local actors into direct, one intermediary and longer chains', () => {
    const result = computeLocalization(dataset());
    const total = 1400;
    expect(result.totalValue).toBe(total);
    expect(result.channels.direct.value).toBe(300); // donor -> local1, donor -> kegov
    expect(result.channels.oneIntermediary.value).toBe(400); // donor -> intl -> local2
    expect(result.channels.longer.value).toBe(100); // donor -> intl -> local2 -> local3
    expect(result.localShare).toBeCloseTo(800 / total);
    expect(result.reference).toBe(0.25);
    // Implementing roles: local1, local2, local3 are local; intl is not.
    expect(result.implementing).toEqual({ total: 4, local: 3, share: 0.75 });
  });
});

describe('co-participation and organization profile', () => {
  it('ties organizations that share activities, with the roles they held', () => {
    const network = computeCoParticipation(dataset());
    const tie = network.edges.find((edge) => [edge.a, edge.b].sort().join() === 'intl,local2');
    expect(tie).toMatchObject({ activities: 2, roles: { 'accountable+implementing': 2 } });
    expect(network.nodes.find((node) => node.id === 'intl')).toMatchObject({ activities: 3, partners: 4 });
  });

  it('gives an organization what it received and passed on', () => {
    const profile = computeOrganizationProfile(dataset(), 'intl');
    expect(profile).toMatchObject({ received: 600, passedOn: 400, intermediary: true, activities: 3, published: 1, localActor: false });
    expect(profile.funders).toEqual([{ id: 'donor', name: 'DONOR', value: 600 }]);
  });
});
