import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Routes anyone may call without signing in; every other route must answer 401. */
const publicRoutes = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'GET /api/invitations/{token}',
  'POST /api/invitations/{token}/accept',
  'GET /api/password-resets/{token}',
  'POST /api/password-resets/{token}',
  'GET /api/schemas/programme-bundle.json',
  'GET /api/survey-answers/{token}',
  'PUT /api/survey-answers/{token}/draft',
  'POST /api/survey-answers/{token}',
]);

describe('access without a session', () => {
  it('answers 401 on every non-public route of the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (publicRoutes.has(key)) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await t.app.inject({ method: method.toUpperCase() as 'GET', url, payload: method === 'get' || method === 'delete' ? undefined : {} });
        expect(response.statusCode, key).toBe(401);
        expect((response.json() as { error: { code: string } }).error.code, key).toBe('unauthenticated');
        checked.push(key);
      }
    }
    expect(checked.length).toBeGreaterThan(8);
  });

  it('keeps the public routes public', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/invitations/not-a-real-token-at-all' })).statusCode).toBe(404);
  });
});

describe('programmes follow membership', () => {
  it('lists only the programmes of the user\'s organization, with their role and the lead', async () => {
    const db = t.database.db;
    const lead = await buildOrganization(db, { name: 'Lead NGO' });
    const partner = await buildOrganization(db, { name: 'Partner NGO' });
    const outsider = await buildOrganization(db, { name: 'Outsider NGO' });
    const partnerUser = await buildUser(db, { organizationId: partner.id });
    const outsiderUser = await buildUser(db, { organizationId: outsider.id });
    const shared = await buildProgramme(db, { title: 'Shared programme', members: [{ organizationId: lead.id, role: 'lead' }, { organizationId: partner.id, role: 'partner' }] });
    await buildProgramme(db, { title: 'Lead-only programme', members: [{ organizationId: lead.id, role: 'lead' }] });
    await buildProgramme(db, { title: 'Left programme', members: [{ organizationId: lead.id, role: 'lead' }, { organizationId: partner.id, role: 'partner', leftOn: '2020-01-01' }] });

    const partnerSession = await login(t.app, partnerUser.email, TEST_PASSWORD);
    const partnerList = (await t.app.inject({ method: 'GET', url: '/api/programmes', headers: partnerSession.headers() })).json() as {
      items: Array<{ id: string; title: string; myRole: string; lead: { name: string } }>;
    };
    expect(partnerList.items.map((item) => item.title)).toEqual(['Shared programme']);
    expect(partnerList.items[0]).toMatchObject({ id: shared.id, myRole: 'partner', lead: { name: 'Lead NGO' } });

    const outsiderSession = await login(t.app, outsiderUser.email, TEST_PASSWORD);
    const outsiderList = (await t.app.inject({ method: 'GET', url: '/api/programmes', headers: outsiderSession.headers() })).json() as { items: unknown[] };
    expect(outsiderList.items).toEqual([]);
  });

  it('shows an observer (donor staff) the programme they were invited to, and nothing else', async () => {
    const db = t.database.db;
    const lead = await buildOrganization(db);
    const donor = await buildOrganization(db, { type: '10' });
    const observer = await buildUser(db, { organizationId: donor.id });
    await buildProgramme(db, { title: 'Observed', members: [{ organizationId: lead.id, role: 'lead' }], users: [{ userId: observer.id, role: 'observer' }] });
    await buildProgramme(db, { title: 'Not observed', members: [{ organizationId: lead.id, role: 'lead' }] });
    const session = await login(t.app, observer.email, TEST_PASSWORD);
    const list = (await t.app.inject({ method: 'GET', url: '/api/programmes', headers: session.headers() })).json() as { items: Array<{ title: string; myRole: string }> };
    expect(list.items).toEqual([expect.objectContaining({ title: 'Observed', myRole: 'observer' })]);
  });

  it('does not show an instance administrator programmes their organization is not part of', async () => {
    const db = t.database.db;
    const root = await buildUser(db, { isInstanceAdmin: true, role: 'org-admin' });
    const lead = await buildOrganization(db);
    await buildProgramme(db, { members: [{ organizationId: lead.id, role: 'lead' }] });
    const session = await login(t.app, root.email, TEST_PASSWORD);
    const list = (await t.app.inject({ method: 'GET', url: '/api/programmes', headers: session.headers() })).json() as { items: unknown[] };
    expect(list.items).toEqual([]);
  });
});
