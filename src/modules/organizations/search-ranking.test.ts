import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { organizations } from '../../db/schema/index.js';

let t: TestApp;
let session: Session;

// A common word: one exact name, names starting with it, many names holding it as a whole word,
// and a name holding a longer word that starts with it.
const exact = 'Solidarité';
const starting = ['Solidarité Paysanne', 'Solidarité Internationale pour le Développement', 'Solidarités Jeunesses'];
const shortest = 'Action Solidarité';
const longest = 'Réseau des Femmes pour la Solidarité Rurale du Sahel';
const prefixOnly = 'Collectif Solidarités Nord';
const fillers = Array.from({ length: 30 }, (_, index) => `Comité de Solidarité de Ville ${String(index).padStart(2, '0')}`);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const name of [...fillers, longest, prefixOnly, shortest, ...starting, exact]) await buildOrganization(db, { name });
  await buildOrganization(db, { name: 'Groupe Rural d’Entraide', acronym: 'GRE' });
  await buildOrganization(db, { name: 'GRE Consulting' });
  await buildOrganization(db, { name: 'Médecins du Monde', acronym: 'MdM' });
  await buildOrganization(db, { name: 'Médecins du Monde Belgique' });
  const user = await buildUser(db);
  // Deleted: only the organization that created it (or an administrator) may list it to restore it.
  const gone = await buildOrganization(db, { name: 'Solidarité Disparue', createdByOrganizationId: user.organizationId });
  await db.update(organizations).set({ deletedAt: new Date() }).where(eq(organizations.id, gone.id));
  session = await login(t.app, user.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

type Page = { items: Array<{ id: string; name: string }>; nextCursor: string | null };

async function page(query: string): Promise<Page> {
  const response = await t.app.inject({ method: 'GET', url: `/api/organizations?${query}`, headers: session.headers() });
  expect(response.statusCode).toBe(200);
  return response.json() as Page;
}

async function everyPage(q: string, limit: number): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | null = null;
  do {
    const next: Page = await page(`q=${encodeURIComponent(q)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    names.push(...next.items.map((item) => item.name));
    cursor = next.nextCursor;
  } while (cursor);
  return names;
}

describe('directory search ranking', () => {
  it('ranks a common word: exact name, names starting with it, shorter names holding it, then longer words', async () => {
    const names = (await page(`q=${encodeURIComponent('solidarite')}&limit=100`)).items.map((item) => item.name);
    expect(names).toHaveLength(37);
    expect(names.slice(0, 4)).toEqual([exact, 'Solidarité Internationale pour le Développement', 'Solidarité Paysanne', 'Solidarités Jeunesses']);
    expect(names[4]).toBe(shortest);
    expect(names.slice(5, 35)).toEqual([...fillers].sort());
    expect(names.at(-2)).toBe(longest);
    expect(names.at(-1)).toBe(prefixOnly);
    expect(names).not.toContain('Solidarité Disparue');
  });

  it('pages through every tier with the cursor, without repeats or gaps', async () => {
    const all = (await page(`q=solidarite&limit=100`)).items.map((item) => item.name);
    for (const limit of [1, 3, 7]) expect(await everyPage('solidarite', limit)).toEqual(all);
  });

  it('finds deleted organizations only for those who may restore them, as the directory does', async () => {
    const deleted = (await page('q=solidarite&deleted=true')).items.map((item) => item.name);
    expect(deleted).toEqual(['Solidarité Disparue']);
    const outsider = await login(t.app, (await buildUser(t.database.db)).email, TEST_PASSWORD);
    const response = await t.app.inject({ method: 'GET', url: '/api/organizations?q=solidarite&deleted=true', headers: outsider.headers() });
    expect(response.statusCode).toBe(200);
    expect((response.json() as Page).items).toEqual([]);
  });

  it('puts an exact acronym before names that merely start with it', async () => {
    const names = (await page('q=gre')).items.map((item) => item.name);
    expect(names.slice(0, 2)).toEqual(['Groupe Rural d’Entraide', 'GRE Consulting']);
  });

  it('finds a misspelt name as an exact match once corrected', async () => {
    const names = (await page(`q=${encodeURIComponent('Medicins du Monde')}`)).items.map((item) => item.name);
    expect(names.slice(0, 2)).toEqual(['Médecins du Monde', 'Médecins du Monde Belgique']);
  });

  it('refuses a cursor that this search did not give out', async () => {
    const plain = await page('limit=1');
    const response = await t.app.inject({ method: 'GET', url: `/api/organizations?q=solidarite&cursor=${plain.nextCursor}`, headers: session.headers() });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { details: Array<{ pointer: string }> } }).error.details[0]!.pointer).toBe('/cursor');
  });
});
