import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

let t: TestApp;
let donor: { id: string };
let ngo: { id: string };
let network: { id: string };
let donorSession: Session;
let ngoSession: Session;
let outsiderSession: Session;

type Profile = {
  relationships: Array<{ id: string; label: string; other: { id: string }; annotations: Array<{ body: string; mine: boolean }> }>;
  notes: Array<{ body: string; owner: { id: string }; mine: boolean }>;
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  donor = await buildOrganization(db, { name: 'Generous Foundation', type: '60' });
  ngo = await buildOrganization(db, { name: 'Local NGO' });
  network = await buildOrganization(db, { name: 'NGO Network' });
  donorSession = await login(t.app, (await buildUser(db, { organizationId: donor.id })).email, TEST_PASSWORD);
  ngoSession = await login(t.app, (await buildUser(db, { organizationId: ngo.id })).email, TEST_PASSWORD);
  outsiderSession = await login(t.app, (await buildUser(db)).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

async function profile(as: Session, id: string): Promise<Profile> {
  const response = await t.app.inject({ method: 'GET', url: `/api/organizations/${id}`, headers: as.headers() });
  expect(response.statusCode).toBe(200);
  return response.json() as Profile;
}

describe('relationships', () => {
  it('shows a relationship on both profiles with the label read from each side', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/relationships', headers: donorSession.headers(), payload: { sourceOrganizationId: donor.id, targetOrganizationId: ngo.id, type: 'funds', startedOn: '2024-01-01' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ labels: { source: 'funds', target: 'funded-by' } });
    expect((await profile(outsiderSession, donor.id)).relationships).toEqual([expect.objectContaining({ label: 'funds', other: expect.objectContaining({ id: ngo.id }) })]);
    expect((await profile(outsiderSession, ngo.id)).relationships).toEqual([expect.objectContaining({ label: 'funded-by', other: expect.objectContaining({ id: donor.id }) })]);

    await t.app.inject({ method: 'POST', url: '/api/relationships', headers: ngoSession.headers(), payload: { sourceOrganizationId: ngo.id, targetOrganizationId: network.id, type: 'member-of' } });
    const networkView = await profile(outsiderSession, network.id);
    expect(networkView.relationships.map((item) => item.label)).toEqual(['has-member']);
  });

  it('filters the directory by relationship, from either side', async () => {
    const members = (await t.app.inject({ method: 'GET', url: `/api/organizations?relationship=member-of&relatedTo=${network.id}`, headers: ngoSession.headers() })).json() as { items: Array<{ id: string }> };
    expect(members.items.map((item) => item.id)).toEqual([ngo.id]);
    const funded = (await t.app.inject({ method: 'GET', url: '/api/organizations?relationship=funded-by', headers: ngoSession.headers() })).json() as { items: Array<{ id: string }> };
    expect(funded.items.map((item) => item.id)).toEqual([ngo.id]);
  });

  it('records a symmetric relationship once, whichever way it is given', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/relationships', headers: ngoSession.headers(), payload: { sourceOrganizationId: ngo.id, targetOrganizationId: network.id, type: 'competes-with' } });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/relationships', headers: ngoSession.headers(), payload: { sourceOrganizationId: network.id, targetOrganizationId: ngo.id, type: 'competes-with' } });
    expect(again.statusCode).toBe(409);
    expect((await profile(outsiderSession, network.id)).relationships.map((item) => item.label).sort()).toEqual(['competes-with', 'has-member']);
  });

  it('refuses a relationship between organizations the actor may not edit, with itself, or with bad dates', async () => {
    const foreign = await t.app.inject({ method: 'POST', url: '/api/relationships', headers: outsiderSession.headers(), payload: { sourceOrganizationId: donor.id, targetOrganizationId: ngo.id, type: 'vendor-to' } });
    expect(foreign.statusCode).toBe(403);
    const self = await t.app.inject({ method: 'POST', url: '/api/relationships', headers: ngoSession.headers(), payload: { sourceOrganizationId: ngo.id, targetOrganizationId: ngo.id, type: 'funds' } });
    expect(self.statusCode).toBe(400);
    const dates = await t.app.inject({ method: 'POST', url: '/api/relationships', headers: ngoSession.headers(), payload: { sourceOrganizationId: ngo.id, targetOrganizationId: donor.id, type: 'vendor-to', startedOn: '2024-05-01', endedOn: '2023-01-01' } });
    expect(dates.statusCode).toBe(400);
    expect(dates.json()).toMatchObject({ error: { details: [{ pointer: '/endedOn' }] } });
  });

  it('updates with the version, deletes and restores', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/relationships', headers: ngoSession.headers(), payload: { sourceOrganizationId: ngo.id, targetOrganizationId: donor.id, type: 'partnered-with' } })).json() as { id: string };
    const updated = await t.app.inject({ method: 'PATCH', url: `/api/relationships/${created.id}`, headers: ngoSession.headers(), payload: { notes: 'Joint proposal 2023', version: 1 } });
    expect(updated.statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/relationships/${created.id}`, headers: ngoSession.headers(), payload: { notes: 'Old', version: 1 } });
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/relationships/${created.id}?version=2`, headers: ngoSession.headers() })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/relationships/${created.id}`, headers: ngoSession.headers() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/relationships/${created.id}/restore`, headers: ngoSession.headers(), payload: { version: 3 } })).statusCode).toBe(200);
  });
});

describe('private notes and relationship annotations', () => {
  it('are visible only to the writing organization until shared', async () => {
    const privateNote = await t.app.inject({ method: 'POST', url: `/api/organizations/${ngo.id}/notes`, headers: donorSession.headers(), payload: { body: 'Weak financial reporting in 2023' } });
    expect(privateNote.statusCode).toBe(201);
    const sharedNote = await t.app.inject({ method: 'POST', url: `/api/organizations/${ngo.id}/notes`, headers: donorSession.headers(), payload: { body: 'Excellent community reach', shared: true } });
    expect(sharedNote.statusCode).toBe(201);

    expect((await profile(donorSession, ngo.id)).notes.map((note) => note.body)).toEqual(['Weak financial reporting in 2023', 'Excellent community reach']);
    expect((await profile(ngoSession, ngo.id)).notes.map((note) => note.body)).toEqual(['Excellent community reach']);
    expect((await profile(outsiderSession, ngo.id)).notes.map((note) => note.body)).toEqual(['Excellent community reach']);
    const listed = (await t.app.inject({ method: 'GET', url: `/api/organizations/${ngo.id}/notes`, headers: outsiderSession.headers() })).json() as { items: Array<{ body: string }> };
    expect(listed.items.map((note) => note.body)).toEqual(['Excellent community reach']);

    // Someone else cannot see, change or delete the private note: to them it does not exist.
    const noteId = (privateNote.json() as { id: string }).id;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/notes/${noteId}`, headers: ngoSession.headers(), payload: { body: 'x', version: 1 } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/notes/${noteId}`, headers: ngoSession.headers() })).statusCode).toBe(404);
    // Shared notes can be read by others but changed only by their owner.
    const sharedId = (sharedNote.json() as { id: string }).id;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/notes/${sharedId}`, headers: ngoSession.headers(), payload: { body: 'x', version: 1 } })).statusCode).toBe(403);

    // Sharing it later makes it visible.
    const shared = await t.app.inject({ method: 'PATCH', url: `/api/notes/${noteId}`, headers: donorSession.headers(), payload: { shared: true, version: 1 } });
    expect(shared.statusCode).toBe(200);
    expect((await profile(ngoSession, ngo.id)).notes.map((note) => note.body)).toContain('Weak financial reporting in 2023');
  });

  it('keeps relationship annotations private to their organization', async () => {
    const [tie] = (await profile(donorSession, donor.id)).relationships;
    const annotation = await t.app.inject({ method: 'POST', url: `/api/relationships/${tie!.id}/notes`, headers: donorSession.headers(), payload: { body: 'Renewal under review' } });
    expect(annotation.statusCode).toBe(201);
    const donorView = (await profile(donorSession, ngo.id)).relationships.find((item) => item.id === tie!.id)!;
    expect(donorView.annotations.map((note) => note.body)).toEqual(['Renewal under review']);
    const ngoView = (await profile(ngoSession, ngo.id)).relationships.find((item) => item.id === tie!.id)!;
    expect(ngoView.annotations).toEqual([]);
    const listed = (await t.app.inject({ method: 'GET', url: `/api/relationships/${tie!.id}/notes`, headers: ngoSession.headers() })).json() as { items: unknown[] };
    expect(listed.items).toEqual([]);
  });
});
