import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

let t: TestApp;
let first: { id: string };
let second: { id: string };
let session: Session;
let outsider: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  first = await buildOrganization(db, { name: 'First Employer' });
  second = await buildOrganization(db, { name: 'Second Employer' });
  session = await login(t.app, (await buildUser(db, { organizationId: first.id })).email, TEST_PASSWORD);
  outsider = await login(t.app, (await buildUser(db)).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

type PersonDetail = { id: string; version: number; organization: { id: string } | null; employments: Array<{ organization: { id: string }; position: string | null; startedOn: string | null; endedOn: string | null }> };

describe('people', () => {
  it('records a person with employer, contacts and languages, and keeps the employer history', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: session.headers(),
      payload: { name: 'Aïcha Koné', organizationId: first.id, position: 'Programme officer', contacts: [{ kind: 'email', value: 'aicha@example.org' }], languages: ['FR', 'bm'] },
    });
    expect(created.statusCode).toBe(201);
    const person = created.json() as PersonDetail & { languages: string[] };
    expect(person.languages).toEqual(['fr', 'bm']);
    expect(person.employments).toHaveLength(1);

    const early = await t.app.inject({ method: 'PATCH', url: `/api/people/${person.id}`, headers: session.headers(), payload: { organizationId: second.id, changedOn: '2000-01-01', version: 1 } });
    expect(early.json()).toMatchObject({ error: { details: [{ pointer: '/changedOn' }] } });
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/people/${person.id}`, headers: session.headers(), payload: { organizationId: second.id, position: 'Director', version: 1 } });
    expect(moved.statusCode).toBe(200);
    const after = moved.json() as PersonDetail;
    expect(after.organization?.id).toBe(second.id);
    const day = after.employments[0]!.startedOn;
    expect(after.employments).toEqual([
      expect.objectContaining({ organization: expect.objectContaining({ id: second.id }), position: 'Director', endedOn: null }),
      expect.objectContaining({ organization: expect.objectContaining({ id: first.id }), position: 'Programme officer', endedOn: day }),
    ]);

    const stale = await t.app.inject({ method: 'PATCH', url: `/api/people/${person.id}`, headers: session.headers(), payload: { position: 'Old', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
  });

  it('validates fields by pointer and refuses an unknown employer', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/people', headers: session.headers(), payload: { name: 'X', languages: ['french1'], contacts: [{ kind: 'fax', value: '1' }] } });
    expect(bad.statusCode).toBe(400);
    const pointers = (bad.json() as { error: { details: Array<{ pointer: string }> } }).error.details.map((detail) => detail.pointer).sort();
    expect(pointers).toEqual(['/contacts/0/kind', '/languages/0']);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/people', headers: session.headers(), payload: { name: 'Y', organizationId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { details: [{ pointer: '/organizationId' }] } });
  });

  it('lets everyone read people but only the employer or the recording organization edit them', async () => {
    const person = (await t.app.inject({ method: 'POST', url: '/api/people', headers: session.headers(), payload: { name: 'Jean Dupont', organizationId: first.id } })).json() as PersonDetail;
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${person.id}`, headers: outsider.headers() })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/people/${person.id}`, headers: outsider.headers(), payload: { position: 'x', version: 1 } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${person.id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/people/00000000-0000-4000-8000-000000000000', headers: session.headers() })).statusCode).toBe(404);

    const list = (await t.app.inject({ method: 'GET', url: '/api/people?q=dupont', headers: outsider.headers() })).json() as { items: Array<{ id: string }> };
    expect(list.items.map((item) => item.id)).toEqual([person.id]);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/people/${person.id}?version=1`, headers: session.headers() })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${person.id}`, headers: outsider.headers() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/people/${person.id}/restore`, headers: session.headers(), payload: { version: 2 } })).statusCode).toBe(200);
  });
});
