import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

let t: TestApp;
let mine: { id: string };
let session: Session;
let outsider: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  mine = await buildOrganization(db, { name: 'Own Organization' });
  session = await login(t.app, (await buildUser(db, { organizationId: mine.id, role: 'org-admin' })).email, TEST_PASSWORD);
  outsider = await login(t.app, (await buildUser(db)).email, TEST_PASSWORD);
  admin = await login(t.app, (await buildUser(db, { isInstanceAdmin: true })).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

type Saved = { id: string; name: string; version: number; warnings: Array<{ pointer: string; message: string }>; identifier: string | null; country: string | null };

async function create(as: Session, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/organizations', headers: as.headers(), payload });
}

describe('organization profiles', () => {
  it('creates a profile with only a name, and with every field', async () => {
    const minimal = await create(session, { name: 'Candidate Partner' });
    expect(minimal.statusCode).toBe(201);
    expect(minimal.json()).toMatchObject({ name: 'Candidate Partner', identifier: null, type: null, country: null, scope: null, sectors: [], warnings: [] });

    const full = await create(session, {
      name: 'Association pour le Développement Rural',
      otherNames: ['ADR Niger'],
      acronym: 'ADR',
      identifier: 'NE-MI-123456',
      type: '22',
      country: 'ne',
      scope: 'national',
      sectors: ['31120', '311'],
      competences: ['irrigation', 'savings groups'],
      areasOfInfluence: ['Tillabéri', 'Dosso'],
      mission: 'Rural livelihoods',
      values: 'Subsidiarity',
      website: 'https://adr.example',
      notes: 'Met at the regional forum',
    });
    expect(full.statusCode).toBe(201);
    expect(full.json()).toMatchObject({ country: 'NE', sectors: ['31120', '311'], areasOfInfluence: ['Tillabéri', 'Dosso'], version: 1 });
  });

  it('names each invalid field by JSON pointer', async () => {
    const response = await create(session, { name: 'Bad codes', type: '99', country: 'XX', sectors: ['11110', 'nope'], identifier: 'has spaces 12', scope: 'global', website: 'not a url' });
    expect(response.statusCode).toBe(400);
    const pointers = (response.json() as { error: { details: Array<{ pointer: string }> } }).error.details.map((detail) => detail.pointer).sort();
    expect(pointers).toEqual(['/country', '/identifier', '/scope', '/sectors/1', '/type', '/website']);
  });

  it('refuses a missing name and unknown fields', async () => {
    expect((await create(session, { country: 'NE' })).statusCode).toBe(400);
    const unknown = await create(session, { name: 'X', colour: 'blue' });
    expect(unknown.statusCode).toBe(400);
  });

  it('accepts an identifier with an unknown registration-agency prefix, with a warning', async () => {
    const response = await create(session, { name: 'Old style donor', identifier: 'ZZ-QQQ-42' });
    expect(response.statusCode).toBe(201);
    expect((response.json() as Saved).warnings).toEqual([{ pointer: '/identifier', message: expect.stringContaining('not a registration agency') }]);
    const known = await create(session, { name: 'Known agency', identifier: 'GB-CHC-202918' });
    expect((known.json() as Saved).warnings).toEqual([]);
  });

  it('refuses an identifier another organization already has', async () => {
    await create(session, { name: 'First holder', identifier: 'GB-COH-1234567' });
    const second = await create(session, { name: 'Second holder', identifier: 'gb-coh-1234567' });
    expect(second.statusCode).toBe(400);
    expect(second.json()).toMatchObject({ error: { details: [{ pointer: '/identifier' }] } });
  });
});

describe('who may change a profile', () => {
  it('lets any signed-in user read every profile, but only its own users and instance administrators edit it', async () => {
    const own = await t.app.inject({ method: 'GET', url: `/api/organizations/${mine.id}`, headers: outsider.headers() });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ permissions: { canEdit: false } });

    const byOutsider = await t.app.inject({ method: 'PATCH', url: `/api/organizations/${mine.id}`, headers: outsider.headers(), payload: { mission: 'hijacked', version: 1 } });
    expect(byOutsider.statusCode).toBe(403);
    const byOwn = await t.app.inject({ method: 'PATCH', url: `/api/organizations/${mine.id}`, headers: session.headers(), payload: { mission: 'Ours', version: 1 } });
    expect(byOwn.statusCode).toBe(200);
    const byAdmin = await t.app.inject({ method: 'PATCH', url: `/api/organizations/${mine.id}`, headers: admin.headers(), payload: { website: 'https://own.example', version: 2 } });
    expect(byAdmin.statusCode).toBe(200);
  });

  it('lets the creating organization edit a candidate profile while it has no users of its own', async () => {
    const candidate = (await create(session, { name: 'Candidate NGO' })).json() as Saved;
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/organizations/${candidate.id}`, headers: session.headers(), payload: { country: 'BF', version: candidate.version } });
    expect(edit.statusCode).toBe(200);
    const byOther = await t.app.inject({ method: 'PATCH', url: `/api/organizations/${candidate.id}`, headers: outsider.headers(), payload: { country: 'ML', version: 2 } });
    expect(byOther.statusCode).toBe(403);
    await buildUser(t.database.db, { organizationId: candidate.id });
    const afterClaimed = await t.app.inject({ method: 'PATCH', url: `/api/organizations/${candidate.id}`, headers: session.headers(), payload: { country: 'ML', version: 2 } });
    expect(afterClaimed.statusCode).toBe(403);
  });

  it('answers 401 without a session and 404 for an unknown organization', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/organizations/${mine.id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/organizations/00000000-0000-4000-8000-000000000000', headers: session.headers() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/organizations/not-a-uuid', headers: session.headers() })).statusCode).toBe(400);
  });
});

describe('optimistic concurrency', () => {
  it('answers 409 version_conflict to a stale update and overwrites nothing', async () => {
    const created = (await create(session, { name: 'Concurrent NGO', mission: 'Original' })).json() as Saved;
    const first = await t.app.inject({ method: 'PATCH', url: `/api/organizations/${created.id}`, headers: session.headers(), payload: { mission: 'First edit', version: 1 } });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/organizations/${created.id}`, headers: session.headers(), payload: { mission: 'Stale edit', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
    const now = (await t.app.inject({ method: 'GET', url: `/api/organizations/${created.id}`, headers: session.headers() })).json() as { organization: { mission: string; version: number } };
    expect(now.organization).toMatchObject({ mission: 'First edit', version: 2 });
  });
});

describe('soft delete and restore', () => {
  it('hides a deleted profile from the directory and from others, and restores it', async () => {
    const created = (await create(session, { name: 'Short-lived Partner' })).json() as Saved;
    const stale = await t.app.inject({ method: 'DELETE', url: `/api/organizations/${created.id}?version=7`, headers: session.headers() });
    expect(stale.statusCode).toBe(409);
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/organizations/${created.id}?version=1`, headers: session.headers() });
    expect(deleted.statusCode).toBe(200);

    const list = (await t.app.inject({ method: 'GET', url: '/api/organizations?q=Short-lived', headers: session.headers() })).json() as { items: Array<{ id: string }> };
    expect(list.items.map((item) => item.id)).not.toContain(created.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/organizations/${created.id}`, headers: outsider.headers() })).statusCode).toBe(404);
    const deletedList = (await t.app.inject({ method: 'GET', url: '/api/organizations?deleted=true', headers: session.headers() })).json() as { items: Array<{ id: string }> };
    expect(deletedList.items.map((item) => item.id)).toContain(created.id);

    const restored = await t.app.inject({ method: 'POST', url: `/api/organizations/${created.id}/restore`, headers: session.headers(), payload: { version: 2 } });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 3 });
  });

  it('refuses to delete an organization that has users', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: `/api/organizations/${mine.id}?version=3`, headers: session.headers() });
    expect(response.statusCode).toBe(409);
  });
});

describe('directory filters and pagination', () => {
  it('filters by type, country, scope and sector, and pages with a cursor', async () => {
    for (const index of [1, 2, 3]) await create(session, { name: `Filter Test ${index}`, type: '80', country: 'SN', scope: 'regional', sectors: ['43040'] });
    await create(session, { name: 'Filter Test other', type: '80', country: 'SN', scope: 'local' });
    const first = (await t.app.inject({ method: 'GET', url: '/api/organizations?country=SN&type=80&scope=regional&sector=43040&limit=2', headers: session.headers() })).json() as { items: Array<{ name: string }>; nextCursor: string };
    expect(first.items.map((item) => item.name)).toEqual(['Filter Test 1', 'Filter Test 2']);
    const second = (await t.app.inject({ method: 'GET', url: `/api/organizations?country=SN&type=80&scope=regional&sector=43040&limit=2&cursor=${first.nextCursor}`, headers: session.headers() })).json() as { items: Array<{ name: string }>; nextCursor: string | null };
    expect(second.items.map((item) => item.name)).toEqual(['Filter Test 3']);
    expect(second.nextCursor).toBeNull();
    const invalid = await t.app.inject({ method: 'GET', url: '/api/organizations?country=XX', headers: session.headers() });
    expect(invalid.statusCode).toBe(400);
  });
});
