import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

let t: TestApp;
let session: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const organization of [
    { name: 'Association pour le Développement Rural', acronym: 'ADR', country: 'NE' },
    { name: 'Développement Durable Sahel', acronym: 'DDS', country: 'ML' },
    { name: 'Rural Water Trust', acronym: 'RWT', country: 'KE' },
    { name: 'Oxford Committee for Famine Relief', acronym: 'Oxfam', otherNames: ['Oxfam GB'], country: 'GB' },
    { name: 'Save the Children Fund', acronym: 'SCF', country: 'GB' },
    { name: 'Children of the Sahel', acronym: 'CotS', country: 'BF' },
    { name: 'Église et Développement', acronym: null, country: 'CM' },
    { name: 'Médecins du Monde', acronym: 'MdM', country: 'FR' },
  ]) {
    await buildOrganization(db, organization);
  }
  session = await login(t.app, (await buildUser(db)).email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

async function search(q: string, extra = ''): Promise<string[]> {
  const response = await t.app.inject({ method: 'GET', url: `/api/organizations?q=${encodeURIComponent(q)}${extra}`, headers: session.headers() });
  expect(response.statusCode).toBe(200);
  return (response.json() as { items: Array<{ name: string }> }).items.map((item) => item.name);
}

describe('directory search', () => {
  it('ignores accents and case both ways', async () => {
    expect(await search('developpement')).toEqual(expect.arrayContaining(['Association pour le Développement Rural', 'Développement Durable Sahel', 'Église et Développement']));
    expect(await search('DÉVELOPPEMENT RURAL')).toContain('Association pour le Développement Rural');
    expect(await search('eglise')).toEqual(['Église et Développement']);
    expect(await search('medecins')).toEqual(['Médecins du Monde']);
  });

  it('finds word prefixes', async () => {
    expect(await search('dével')).toEqual(expect.arrayContaining(['Développement Durable Sahel']));
    expect(await search('chil')).toEqual(expect.arrayContaining(['Save the Children Fund', 'Children of the Sahel']));
    expect(await search('sav chil')).toEqual(['Save the Children Fund']);
  });

  it('tolerates typos', async () => {
    expect(await search('developement')).toEqual(expect.arrayContaining(['Association pour le Développement Rural']));
    expect(await search('Medicins du Mond')).toContain('Médecins du Monde');
    expect(await search('Childern')).toEqual(expect.arrayContaining(['Save the Children Fund']));
  });

  it('tolerates typos in words that a later edit brought in', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/organizations', headers: session.headers(), payload: { name: 'Groupement Villageois' } });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json() as { id: string; version: number };
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/organizations/${id}`, headers: session.headers(), payload: { version, otherNames: ['Maraîchères de Koudougou'] } });
    expect(renamed.statusCode).toBe(200);
    expect(await search('maraicheres koudougu')).toEqual(['Groupement Villageois']);
    expect(await search('groupment')).toEqual(['Groupement Villageois']);
  });

  it('finds acronyms and other names', async () => {
    expect(await search('oxfam')).toEqual(['Oxford Committee for Famine Relief']);
    expect((await search('ADR'))[0]).toBe('Association pour le Développement Rural');
  });

  it('ranks the best matches first', async () => {
    const results = await search('Children of the Sahel');
    expect(results[0]).toBe('Children of the Sahel');
    const rural = await search('rural');
    expect(rural.slice(0, 2).sort()).toEqual(['Association pour le Développement Rural', 'Rural Water Trust']);
    expect(rural[0]).toBe('Rural Water Trust');
  });

  it('combines search with filters, and finds nothing for nonsense', async () => {
    expect(await search('sahel', '&country=BF')).toEqual(['Children of the Sahel']);
    expect(await search('zzqxw')).toEqual([]);
    expect(await search('%_\'"')).toEqual([]);
  });

  it('pages through ranked results with a cursor without repeats', async () => {
    const first = (await t.app.inject({ method: 'GET', url: '/api/organizations?q=sahel&limit=1', headers: session.headers() })).json() as { items: Array<{ id: string }>; nextCursor: string };
    const second = (await t.app.inject({ method: 'GET', url: `/api/organizations?q=sahel&limit=1&cursor=${first.nextCursor}`, headers: session.headers() })).json() as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
  });
});
