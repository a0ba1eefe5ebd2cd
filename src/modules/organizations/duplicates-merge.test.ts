import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildPerson, buildProgramme, buildRelationship, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { organizationMerges, organizations, people, personEmployments, privateNotes, programmeMembers, relationships, users } from '../../db/schema/index.js';
import { findOrganizationReferences, referencesKeptByMerge } from './merge-organizations.js';

let t: TestApp;
let admin: Session;
let member: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, (await buildUser(t.database.db, { isInstanceAdmin: true })).email, TEST_PASSWORD);
  member = await login(t.app, (await buildUser(t.database.db, { role: 'org-admin' })).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

describe('duplicate detection', () => {
  it('warns before creating: same identifier (any case) or a very similar name', async () => {
    const db = t.database.db;
    const existing = await buildOrganization(db, { name: 'Réseau des Femmes Rurales du Niger', identifier: 'NE-RC-0042' });
    await buildOrganization(db, { name: 'Completely Different Trust' });

    const byName = (await t.app.inject({ method: 'GET', url: `/api/organizations/duplicate-candidates?name=${encodeURIComponent('Reseau des femmes rurales Niger')}`, headers: member.headers() })).json() as {
      items: Array<{ organization: { id: string }; reasons: string[] }>;
    };
    expect(byName.items.map((item) => item.organization.id)).toEqual([existing.id]);
    expect(byName.items[0]!.reasons).toEqual(['name']);

    const byIdentifier = (await t.app.inject({ method: 'GET', url: '/api/organizations/duplicate-candidates?identifier=ne-rc-0042&name=Something%20else', headers: member.headers() })).json() as {
      items: Array<{ organization: { id: string }; reasons: string[] }>;
    };
    expect(byIdentifier.items[0]).toMatchObject({ organization: { id: existing.id }, reasons: ['identifier'] });

    const none = (await t.app.inject({ method: 'GET', url: '/api/organizations/duplicate-candidates?name=Zebra%20Logistics', headers: member.headers() })).json() as { items: unknown[] };
    expect(none.items).toEqual([]);
  });

  it('lists likely duplicate pairs, most similar first', async () => {
    const db = t.database.db;
    const first = await buildOrganization(db, { name: 'Water for Villages International' });
    const second = await buildOrganization(db, { name: 'Water for Villages Intl' });
    const sameId = await buildOrganization(db, { name: 'Alpha Foundation', identifier: 'GB-CHC-111' });
    const deleted = await buildOrganization(db, { name: 'Water for Villages International', deletedAt: new Date() });
    const response = (await t.app.inject({ method: 'GET', url: '/api/organizations/duplicates?limit=100', headers: member.headers() })).json() as {
      items: Array<{ first: { id: string }; second: { id: string }; reasons: string[] }>;
    };
    const pairs = response.items.map((item) => [item.first.id, item.second.id].sort().join(' '));
    expect(pairs).toContain([first.id, second.id].sort().join(' '));
    expect(pairs.some((pair) => pair.includes(deleted.id))).toBe(false);
    expect(pairs.some((pair) => pair.includes(sameId.id))).toBe(false);
  });
});

describe('merging organizations', () => {
  it('handles every foreign key to organizations (a new one fails this test until the merge knows it)', async () => {
    const references = await findOrganizationReferences(t.database.db);
    const keys = references.map((reference) => `${reference.table}.${reference.column}`);
    // These are moved generically; the list is read from the catalogue, so a new module's key is moved too.
    expect(keys).toEqual(expect.arrayContaining(['users.organization_id', 'programme_members.organization_id', 'people.organization_id', 'relationships.source_organization_id', 'relationships.target_organization_id', 'private_notes.subject_organization_id', 'private_notes.owner_organization_id', 'person_employments.organization_id']));
    for (const kept of referencesKeptByMerge) expect(keys).toContain(`${kept.table}.${kept.column}`);
  });

  it('moves every reference to the survivor in one transaction, soft-deletes the merged one and records the merge', async () => {
    const db = t.database.db;
    const survivor = await buildOrganization(db, { name: 'Sahel Water Partners', identifier: null, otherNames: [] });
    const merged = await buildOrganization(db, { name: 'Sahel Water Partner', identifier: 'ML-RCCM-77', sectors: ['14030'] });
    const third = await buildOrganization(db, { name: 'Third Org' });
    const user = await buildUser(db, { organizationId: merged.id });
    const person = await buildPerson(db, { organizationId: merged.id });
    await db.insert(personEmployments).values({ personId: person.id, organizationId: merged.id });
    const shared = await buildProgramme(db, { members: [{ organizationId: survivor.id, role: 'lead' }, { organizationId: merged.id, role: 'partner' }] });
    const onlyMerged = await buildProgramme(db, { members: [{ organizationId: merged.id, role: 'partner' }, { organizationId: third.id, role: 'lead' }] });
    const tie = await buildRelationship(db, { sourceOrganizationId: third.id, targetOrganizationId: merged.id, type: 'funds' });
    await buildRelationship(db, { sourceOrganizationId: merged.id, targetOrganizationId: survivor.id, type: 'partnered-with' });
    await db.insert(privateNotes).values({ ownerOrganizationId: third.id, subjectOrganizationId: merged.id, body: 'A note about the merged one' });
    await db.insert(privateNotes).values({ ownerOrganizationId: merged.id, subjectOrganizationId: third.id, body: 'Written by the merged one' });

    const response = await t.app.inject({ method: 'POST', url: `/api/organizations/${merged.id}/merge`, headers: admin.headers(), payload: { into: survivor.id } });
    expect(response.statusCode).toBe(200);
    const result = response.json() as { survivor: { identifier: string; otherNames: string[]; sectors: string[] }; moved: Record<string, number> };
    expect(result.survivor).toMatchObject({ identifier: 'ML-RCCM-77', sectors: ['14030'] });
    expect(result.survivor.otherNames).toContain('Sahel Water Partner');

    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.organizationId).toBe(survivor.id);
    expect((await db.select().from(people).where(eq(people.id, person.id)))[0]!.organizationId).toBe(survivor.id);
    expect((await db.select().from(personEmployments).where(eq(personEmployments.personId, person.id)))[0]!.organizationId).toBe(survivor.id);
    expect((await db.select().from(relationships).where(eq(relationships.id, tie.id)))[0]!.targetOrganizationId).toBe(survivor.id);
    const sharedMembers = await db.select().from(programmeMembers).where(eq(programmeMembers.programmeId, shared.id));
    expect(sharedMembers.map((row) => row.organizationId)).toEqual([survivor.id]);
    const otherMembers = await db.select().from(programmeMembers).where(eq(programmeMembers.programmeId, onlyMerged.id));
    expect(otherMembers.map((row) => row.organizationId).sort()).toEqual([survivor.id, third.id].sort());
    const notes = await db.select().from(privateNotes);
    expect(notes.some((note) => note.subjectOrganizationId === merged.id || note.ownerOrganizationId === merged.id)).toBe(false);

    // Nothing at all still points at the merged organization, except the merge record.
    for (const reference of await findOrganizationReferences(db)) {
      if (reference.table === 'organization_merges') continue;
      const rows = await t.database.query(`select count(*)::int as count from "${reference.table}" where "${reference.column}" = $1`, [merged.id]);
      expect(Number((rows[0] as { count: number }).count), `${reference.table}.${reference.column}`).toBe(0);
    }

    const [gone] = await db.select().from(organizations).where(eq(organizations.id, merged.id));
    expect(gone!.deletedAt).not.toBeNull();
    expect(gone!.mergedIntoId).toBe(survivor.id);
    const [record] = await db.select().from(organizationMerges).where(eq(organizationMerges.mergedOrganizationId, merged.id));
    expect(record).toMatchObject({ survivorOrganizationId: survivor.id });
    expect(record!.moved).toMatchObject({ 'users.organization_id': 1, 'people.organization_id': 1, 'programme_members.organization_id': 1 });
    expect(result.moved['programme_members.organization_id (already on the survivor, dropped)']).toBe(1);

    const restore = await t.app.inject({ method: 'POST', url: `/api/organizations/${merged.id}/restore`, headers: admin.headers(), payload: { version: gone!.version } });
    expect(restore.statusCode).toBe(409);
  });

  it('refuses to merge an organization with itself or with a deleted one, and refuses non-administrators', async () => {
    const db = t.database.db;
    const live = await buildOrganization(db);
    const deleted = await buildOrganization(db, { deletedAt: new Date() });
    const self = await t.app.inject({ method: 'POST', url: `/api/organizations/${live.id}/merge`, headers: admin.headers(), payload: { into: live.id } });
    expect(self.statusCode).toBe(409);
    const intoDeleted = await t.app.inject({ method: 'POST', url: `/api/organizations/${live.id}/merge`, headers: admin.headers(), payload: { into: deleted.id } });
    expect(intoDeleted.statusCode).toBe(409);
    const fromDeleted = await t.app.inject({ method: 'POST', url: `/api/organizations/${deleted.id}/merge`, headers: admin.headers(), payload: { into: live.id } });
    expect(fromDeleted.statusCode).toBe(409);
    const byMember = await t.app.inject({ method: 'POST', url: `/api/organizations/${live.id}/merge`, headers: member.headers(), payload: { into: (await buildOrganization(db)).id } });
    expect(byMember.statusCode).toBe(403);
    const [still] = await db.select().from(organizations).where(eq(organizations.id, live.id));
    expect(still!.deletedAt).toBeNull();
  });
});
