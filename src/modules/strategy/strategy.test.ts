import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { programmeBundleSchema, type ProgrammeBundle, type ProgrammeBundleInput } from '../bundle/schema.js';
import type { AuthenticityProfile, Verdict } from '../analytics/types.js';
import { computePortfolioFigures, type PortfolioProgramme } from './portfolio-figures.js';
import { loadPortfolio } from './load-portfolio.js';

function bundle(input: Partial<ProgrammeBundleInput> & { countries?: string[] }): ProgrammeBundle {
  return programmeBundleSchema.parse({
    format: 'consortia.programme-bundle/1',
    programme: { ref: 'X', title: 'X', start: '2025-01-01', end: '2026-01-01', currency: 'EUR', countries: input.countries ?? ['KE'] },
    organizations: input.organizations ?? [],
    members: input.members ?? [],
    tasks: [],
    budget: input.budget ?? [],
    meetings: [],
    decisions: input.decisions ?? [],
    interactions: [],
    learning: [],
    ratings: [],
  });
}

const profile = (verdict: Verdict): AuthenticityProfile => ({ verdict, confidence: 0.8, dimensions: [], flags: [] });

const us = { ref: 'us', name: 'Us International', scope: 'international' as const };
const local = { ref: 'local', name: 'Local Group', scope: 'local' as const };
const national = { ref: 'nat', name: 'National NGO', scope: 'national' as const };
const intl = { ref: 'other', name: 'Other International', scope: 'international' as const };

/** Two programmes: A (budget 100: us 40, local 60; donor D1) and B (budget 300: us 150, nat 50, other 100; donors D1 and D2). */
const handBuilt: PortfolioProgramme[] = [
  {
    id: '00000000-0000-4000-8000-00000000000a',
    ref: 'A',
    title: 'Alpha',
    status: 'implementation',
    countries: ['KE', 'UG'],
    sectors: ['140'],
    donors: ['D1'],
    bundle: bundle({
      organizations: [us, local],
      members: [{ org: 'us', role: 'lead' }, { org: 'local', role: 'partner' }],
      budget: [{ org: 'us', amount: 40 }, { org: 'local', amount: 60 }],
      decisions: [
        { date: '2025-02-01', title: 'a', scope: 'programme', involvement: { us: 4, local: 3 } },
        { date: '2025-03-01', title: 'b', scope: 'programme', involvement: { us: 4, local: 1 } },
      ],
    }),
    profile: profile('genuine'),
    selfRef: 'us',
    goalIds: ['00000000-0000-4000-8000-000000000001'],
  },
  {
    id: '00000000-0000-4000-8000-00000000000b',
    ref: 'B',
    title: 'Beta',
    status: 'closed',
    countries: ['KE'],
    sectors: ['140', '311'],
    donors: ['D1', 'D2'],
    bundle: bundle({
      organizations: [us, national, intl],
      members: [{ org: 'us', role: 'lead' }, { org: 'nat', role: 'partner' }, { org: 'other', role: 'partner' }],
      budget: [{ org: 'us', amount: 150 }, { org: 'nat', amount: 50 }, { org: 'other', amount: 100 }],
      decisions: [{ date: '2025-02-01', title: 'c', scope: 'programme', involvement: { us: 4, nat: 2 } }],
    }),
    profile: profile('nominal'),
    selfRef: 'us',
    goalIds: [],
  },
];
const goalId = '00000000-0000-4000-8000-000000000001';

describe('portfolio figures (pure)', () => {
  const figures = computePortfolioFigures(handBuilt, [
    { id: goalId, title: 'Local budget', indicatorKind: 'local-budget-share', direction: 'at-least', target: 50, manualValue: null },
    { id: 'g2', title: 'Donors', indicatorKind: 'single-donor-dependence', direction: 'at-most', target: 50, manualValue: null },
    { id: 'g3', title: 'Genuine', indicatorKind: 'genuine-share', direction: 'at-least', target: 60, manualValue: null },
    { id: 'g4', title: 'Local decisions', indicatorKind: 'local-decision-share', direction: 'at-least', target: 30, manualValue: null },
    { id: 'g5', title: 'Manual', indicatorKind: 'manual', direction: 'at-least', target: 10, manualValue: null },
  ]);

  it('counts programmes by country, sector and status', () => {
    expect(figures.byCountry).toEqual([{ key: 'KE', programmes: 2 }, { key: 'UG', programmes: 1 }]);
    expect(figures.bySector).toEqual([{ key: '140', programmes: 2 }, { key: '311', programmes: 1 }]);
    expect(figures.byStatus).toEqual([{ key: 'closed', programmes: 1 }, { key: 'implementation', programmes: 1 }]);
    expect(figures.byGoal).toEqual([{ key: goalId, programmes: 1 }]);
  });

  it('measures dependence on donors: budget split among a programme’s donors, shares and Herfindahl index', () => {
    // D1: 100 + 150 = 250 of 400; D2: 150 of 400.
    expect(figures.donors.basis).toBe('amount');
    expect(figures.donors.items.map((item) => [item.name, item.amount, item.share])).toEqual([['D1', 250, 0.625], ['D2', 150, 0.375]]);
    expect(figures.donors.herfindahl).toBeCloseTo(0.625 ** 2 + 0.375 ** 2, 4);
    expect(figures.donors.largestShare).toBe(0.625);
  });

  it('measures dependence on partners, leaving the organization itself out', () => {
    // local 60, other 100, nat 50: total 210.
    expect(figures.partners.items.map((item) => [item.name, item.share])).toEqual([
      ['Other International', round(100 / 210)],
      ['Local Group', round(60 / 210)],
      ['National NGO', round(50 / 210)],
    ]);
    expect(figures.partners.herfindahl).toBeCloseTo((100 / 210) ** 2 + (60 / 210) ** 2 + (50 / 210) ** 2, 3);
  });

  it('computes each goal over its linked programmes, or the whole portfolio when none is linked', () => {
    const byId = Object.fromEntries(figures.goals.map((goal) => [goal.id, goal]));
    // Linked to Alpha only: 60 of 100 with local actors.
    expect(byId[goalId]).toMatchObject({ value: 60, status: 'on-track', basis: 'linked', programmes: 1 });
    expect(byId.g2).toMatchObject({ value: 62.5, status: 'off-track', basis: 'portfolio' });
    expect(byId.g3).toMatchObject({ value: 50, status: 'off-track' });
    // One decision of three had a local or national actor co-deciding.
    expect(byId.g4!.value).toBeCloseTo(33.33, 2);
    expect(byId.g4!.status).toBe('on-track');
    expect(byId.g5).toMatchObject({ value: null, status: 'unknown' });
    expect(figures.authenticity.verdicts).toEqual({ genuine: 1, developing: 0, nominal: 1 });
  });
});

function round(value: number) {
  return Math.round(value * 10_000) / 10_000;
}

describe('strategy and portfolio through the API', () => {
  let t: TestApp;
  let owner: Session;
  let ownerMember: Session;
  let other: Session;
  let ownerOrganizationId: string;
  let programmeId: string;
  let foreignProgrammeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ownerOrganizationId = (await buildOrganization(t.database.db, { name: 'Owner Org' })).id;
    const otherOrganizationId = (await buildOrganization(t.database.db, { name: 'Other Org' })).id;
    owner = await login(t.app, (await buildUser(t.database.db, { organizationId: ownerOrganizationId, role: 'org-admin' })).email, TEST_PASSWORD);
    ownerMember = await login(t.app, (await buildUser(t.database.db, { organizationId: ownerOrganizationId })).email, TEST_PASSWORD);
    other = await login(t.app, (await buildUser(t.database.db, { organizationId: otherOrganizationId, role: 'org-admin' })).email, TEST_PASSWORD);
    programmeId = (await buildProgramme(t.database.db, { title: 'Owned', members: [{ organizationId: ownerOrganizationId, role: 'lead' }] })).id;
    foreignProgrammeId = (await buildProgramme(t.database.db, { title: 'Foreign', members: [{ organizationId: otherOrganizationId, role: 'lead' }] })).id;
  });
  afterAll(async () => t?.close());

  it('keeps a strategy private to its organization until it is shared', async () => {
    const saved = await t.app.inject({ method: 'PUT', url: '/api/strategy', headers: owner.headers(), payload: { title: 'Localise by 2027' } });
    expect(saved.statusCode).toBe(200);
    const goal = await t.app.inject({ method: 'POST', url: '/api/strategy/goals', headers: owner.headers(), payload: { title: 'Genuine partnerships', indicatorKind: 'genuine-share', target: 50 } });
    expect(goal.statusCode).toBe(201);
    const goalId = goal.json().strategy.goals[0].id as string;
    const linked = await t.app.inject({ method: 'PUT', url: `/api/strategy/goals/${goalId}/programmes`, headers: owner.headers(), payload: { programmeIds: [programmeId] } });
    expect(linked.json().strategy.goals[0].programmes).toEqual([expect.objectContaining({ id: programmeId })]);
    const foreign = await t.app.inject({ method: 'PUT', url: `/api/strategy/goals/${goalId}/programmes`, headers: owner.headers(), payload: { programmeIds: [programmeId, foreignProgrammeId] } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].pointer).toBe('/programmeIds/1');

    const hidden = await t.app.inject({ method: 'GET', url: `/api/organizations/${ownerOrganizationId}/strategy`, headers: other.headers() });
    expect(hidden.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/strategy', headers: other.headers() })).json().strategy).toBeNull();
    expect((await t.app.inject({ method: 'PATCH', url: `/api/strategy/goals/${goalId}`, headers: other.headers(), payload: { version: 1, target: 1 } })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'PUT', url: '/api/strategy', headers: ownerMember.headers(), payload: { title: 'Mine' } })).statusCode).toBe(403);

    const version = saved.json().strategy.version as number;
    await t.app.inject({ method: 'PUT', url: '/api/strategy', headers: owner.headers(), payload: { title: 'Localise by 2027', shared: true, version } });
    const shared = await t.app.inject({ method: 'GET', url: `/api/organizations/${ownerOrganizationId}/strategy`, headers: other.headers() });
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ title: 'Localise by 2027', canEdit: false });
    expect(shared.json().goals[0].indicator).toBeNull();
  });

  it('builds the portfolio from each programme’s bundle, for the organization’s own programmes only', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/portfolio', headers: owner.headers() });
    expect(response.statusCode).toBe(200);
    expect(response.json().programmes.map((programme: { title: string }) => programme.title)).toEqual(['Owned']);
    const otherPortfolio = await t.app.inject({ method: 'GET', url: '/api/portfolio', headers: other.headers() });
    expect(otherPortfolio.json().programmes.map((programme: { title: string }) => programme.title)).toEqual(['Foreign']);
    expect(otherPortfolio.json().goals).toEqual([]);
  });

  it('accepts an injected bundle loader', async () => {
    const actor = { userId: '00000000-0000-4000-8000-0000000000ff', organizationId: ownerOrganizationId, email: 'x@example.org', name: 'X', role: 'org-admin' as const, isInstanceAdmin: false, language: null, via: 'token' as const };
    const seen: string[] = [];
    const figures = await loadPortfolio(t.database.db, {
      actor,
      loadBundle: async (id) => {
        seen.push(id);
        return handBuilt[0]!.bundle;
      },
    });
    expect(seen).toEqual([programmeId]);
    // The bundle names the organization differently, so it is counted among the partners.
    expect(figures.partners.items.map((item) => item.name)).toEqual(['Local Group', 'Us International']);
  });
});
