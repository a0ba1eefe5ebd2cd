// The search columns of an organization are generated from SQL functions (migrations 0003, 0013,
// 0018, 0019). Their bodies are written so that PostgreSQL inlines them (much cheaper writes); this
// checks that they still compute exactly what the search expects, spelled out here with the
// built-in functions alone, on names with accents, acronyms and other names (or none).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { buildOrganization } from '../../../test/support/factories.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  for (const organization of [
    { name: 'Association pour le Développement Rural', acronym: 'ADR', otherNames: [] },
    { name: 'Église et Développement', acronym: null, otherNames: ['Eglise & Dév.', 'ÉD Cameroun'] },
    { name: 'Oxford Committee for Famine Relief', acronym: 'Oxfam', otherNames: ['Oxfam GB'] },
    { name: 'Ça Marche Ensemble — Coopérative de Ségou', acronym: 'CME', otherNames: ['Ca Marche'] },
    { name: 'A', acronym: null, otherNames: [] },
    { name: 'An organisation whose name is much longer than any band of the ranking would expect to see in a directory', acronym: 'LONG', otherNames: [] },
  ]) {
    await buildOrganization(t.database.db, organization);
  }
});
afterAll(async () => t?.close());

describe('organization search columns', () => {
  it('are what the built-in functions give for every name', async () => {
    const rows = await t.database.query<{ name: string; same_text: boolean; same_name: boolean; same_vector: boolean; same_bands: boolean; bands: string }>(
      `with expected as (
         select id, name, search_text, search_name, search_vector, search_bands,
           lower(unaccent(coalesce(name, '') || ' ' || coalesce(acronym, '') || ' ' || coalesce(array_to_string(other_names, ' '), ''))) as text,
           lower(unaccent(coalesce(name, ''))) as plain_name
         from organizations)
       select name, search_text = text as same_text, search_name = plain_name as same_name,
         search_vector = to_tsvector('simple', text) as same_vector,
         search_bands = to_tsvector('simple', text) || array_to_tsvector(array['#' || registry_length_band(length(plain_name))::text]) as same_bands,
         search_bands::text as bands
       from expected`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) expect({ name: row.name, text: row.same_text, name_: row.same_name, vector: row.same_vector, bands: row.same_bands }).toEqual({ name: row.name, text: true, name_: true, vector: true, bands: true });
    const bandsOf = (name: string) => rows.find((row) => row.name === name)!.bands;
    expect(bandsOf('A')).toContain("'#0'");
    expect(bandsOf('Église et Développement')).toContain("'eglise'");
    expect(bandsOf('Église et Développement')).toContain("'cameroun'");
  });

  it('keep the other names in the searchable text, and an empty list adds nothing', async () => {
    const [row] = await t.database.query<{ search_text: string }>(`select search_text from organizations where name = 'Oxford Committee for Famine Relief'`);
    expect(row!.search_text).toBe('oxford committee for famine relief oxfam oxfam gb');
    const [bare] = await t.database.query<{ search_text: string }>(`select search_text from organizations where name = 'Association pour le Développement Rural'`);
    expect(bare!.search_text).toBe('association pour le developpement rural adr ');
  });
});
