import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { BUNDLE_FORMAT } from './schema.js';

let test: TestApp;
let session: Session;
let userOrganizationId: string;

/** A small but complete bundle: a local partner that already exists (matched by identifier), RACI and budget. */
function sampleBundle(ref: string) {
  return {
    format: BUNDLE_FORMAT,
    programme: { ref, title: 'Imported programme', start: '2025-01-01', end: '2026-12-31', currency: 'EUR', countries: ['BF', 'NE'], budgetTransparent: true },
    organizations: [
      { ref: 'lead', name: 'Lead International', identifier: 'XM-DAC-LEAD-1', type: '21', country: 'GB', scope: 'international' },
      { ref: 'local', name: 'Local Association', type: '24', country: 'BF', scope: 'local' },
      { ref: 'existing', name: 'Name in the bundle', identifier: 'BF-EXISTING-1' },
      { ref: 'donor', name: 'Donor Fund' },
    ],
    members: [
      { org: 'lead', role: 'lead' },
      { org: 'local', role: 'partner' },
      { org: 'existing', role: 'associate' },
      { org: 'donor', role: 'funder' },
    ],
    tasks: [
      { ref: 'T1', title: 'Baseline', locality: 'Kaya', raci: { local: 'A', lead: 'C' } },
      { ref: 'T2', title: 'Training', raci: { lead: 'A', local: 'R', existing: 'I' } },
      { ref: 'T3', title: 'Unassigned' },
    ],
    budget: [
      { org: 'lead', amount: 500000, category: 'Staff', indirectCosts: 35000 },
      { org: 'local', amount: 250000.5, category: 'Works', ownContribution: 20000 },
      { org: 'existing', amount: 40000, ownContribution: true },
    ],
    agreement: { isPartnership: 'We are partners.', sharedObjectives: true, expectationsBothWays: false, transparency: 'All budgets are shared.', mutualLearning: 'We learn from each other.' },
  };
}

beforeAll(async () => {
  test = await createTestApp();
  const organization = await buildOrganization(test.database.db, { name: 'Importer Org' });
  userOrganizationId = organization.id;
  await buildOrganization(test.database.db, { name: 'Existing Organization', identifier: 'BF-EXISTING-1' });
  const user = await buildUser(test.database.db, { organizationId: organization.id });
  session = await login(test.app, user.email, TEST_PASSWORD);
});
afterAll(async () => test.close());

const post = (payload: unknown) => test.app.inject({ method: 'POST', url: '/api/programmes/import', headers: session.headers(), payload: payload as object });
const get = (url: string) => test.app.inject({ method: 'GET', url, headers: session.headers() });

describe('importing a bundle', () => {
  it('creates the programme, matches organizations by identifier and makes the importer a manager without joining', async () => {
    const response = await post(sampleBundle('IMP-1'));
    expect(response.statusCode).toBe(201);
    const { id, warnings, organizationsCreated, organizationsMatched } = response.json();
    expect(warnings).toEqual([]);
    expect({ organizationsCreated, organizationsMatched }).toEqual({ organizationsCreated: 3, organizationsMatched: 1 });

    const programme = (await get(`/api/programmes/${id}`)).json();
    expect(programme.me).toMatchObject({ userRole: 'manager', consortiumRole: null, canManage: true });
    const members = (await get(`/api/programmes/${id}/members`)).json().items as Array<{ organization: { id: string; name: string }; role: string; iatiRole: number }>;
    expect(members.map((member) => member.organization.id)).not.toContain(userOrganizationId);
    expect(members.find((member) => member.role === 'funder')!.iatiRole).toBe(1);
    expect(members.some((member) => member.organization.name === 'Existing Organization')).toBe(true);

    const budget = (await get(`/api/programmes/${id}/budget`)).json();
    expect(budget.totals.total).toBe(790000.5);
    expect(budget.totals.ownContribution).toBe(60000);
    const matrix = (await get(`/api/programmes/${id}/raci`)).json();
    expect(matrix.tasks).toHaveLength(3);
  });

  it('gives the same bundle back: export → import → export, except generated ids', async () => {
    const created = (await post(sampleBundle('RT-1'))).json();
    const first = (await get(`/api/programmes/${created.id}/bundle`)).json();
    expect(first.format).toBe(BUNDLE_FORMAT);
    expect(first.meetings).toEqual([]);
    const again = await post({ ...first, programme: { ...first.programme, ref: 'RT-2' } });
    expect(again.statusCode).toBe(201);
    expect(again.json().warnings).toEqual([]);
    const second = (await get(`/api/programmes/${again.json().id}/bundle`)).json();
    expect({ ...second, programme: { ...second.programme, ref: 'RT-1' } }).toEqual(first);
    // The first export says what the bundle said, in the exporter's words.
    expect(first.tasks.find((task: { ref: string }) => task.ref === 'T2').raci).toEqual({ 'existing-organization': 'I', 'lead-international': 'A', 'local-association': 'R' });
    expect(first.budget[2]).toEqual({ org: 'existing-organization', amount: 40000, ownContribution: true });
    expect(first.agreement.sharedObjectives).toEqual(expect.any(String));
    expect(first.agreement.expectationsBothWays).toBe(false);
  });

  it('answers 409 when the programme ref is already used, importing nothing', async () => {
    await post(sampleBundle('DUP-1'));
    const response = await post({ ...sampleBundle('DUP-1'), organizations: [...sampleBundle('DUP-1').organizations, { ref: 'new-one', name: 'Should not exist' }] });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0].pointer).toBe('/programme/ref');
  });

  it('refuses a bundle that does not fit with every error and its pointer, importing nothing', async () => {
    const bundle = sampleBundle('BAD-1') as Record<string, unknown> & ReturnType<typeof sampleBundle>;
    const broken = {
      ...bundle,
      tasks: [...bundle.tasks, { ref: 'T9', title: 'Two bosses', raci: { lead: 'A', local: 'A' } }],
      budget: [...bundle.budget, { org: 'ghost', amount: 10 }],
      interactions: [{ date: '2025-03-01', from: 'lead', to: 'x' }],
    };
    const response = await post(broken);
    expect(response.statusCode).toBe(400);
    const details = response.json().error.details as Array<{ pointer: string; message: string }>;
    expect(details.map((detail) => detail.pointer)).toEqual(expect.arrayContaining(['/tasks/3/raci', '/budget/3/org', '/interactions/0/to']));
    expect(details.find((detail) => detail.pointer === '/interactions/0/to')!.message).toContain("unknown organization 'x' at /interactions/0/to");
    const list = (await get('/api/programmes?limit=100')).json();
    expect(list.items.map((item: { ref: string }) => item.ref)).not.toContain('BAD-1');

    const wrongFormat = await post({ format: 'something-else' });
    expect(wrongFormat.statusCode).toBe(400);
    expect(wrongFormat.json().error.details.map((detail: { pointer: string }) => detail.pointer)).toContain('/format');
  });

  it('imports a bundle with unknown fields, answering warnings', async () => {
    const bundle = sampleBundle('WARN-1');
    const response = await post({ ...bundle, futureSection: [], programme: { ...bundle.programme, colour: 'green' } });
    expect(response.statusCode).toBe(201);
    expect(response.json().warnings.map((warning: { pointer: string }) => warning.pointer).sort()).toEqual(['/futureSection', '/programme/colour']);
  });
});

describe('the published JSON Schema', () => {
  it('is served publicly', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/schemas/programme-bundle.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().$id).toBe('programme-bundle.schema.json');
  });
});
