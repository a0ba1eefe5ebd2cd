import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database.js';
import type { DatabaseHandle } from '../../db/client.js';
import { rawQuery } from '../../db/raw-query.js';
import { organizations } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { compareCodePoints, DirectoryIndex } from './directory-index.js';
import { DirectorySearch } from './directory-search.js';
import { listOrganizations } from './list-organizations.js';
import { correctWords } from './search.js';
import type { OrganizationListQuery } from './schemas.js';

// The in-process index must give exactly what the ranking statement gives: the same organizations,
// in the same order, on the same pages, with the same cursors. A generated directory (shared and
// misspelt words, accents, letters that unaccent folds and NFD does not, punctuation, digits,
// characters beyond the BMP, equal names, acronyms, other names, filters) is searched both ways.

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const vocabulary = [
  'Association', 'Développement', 'Developpement', 'Development', 'Rural', 'Rurale', 'Solidarité', 'Solidarités', 'Femmes', 'Kaya', 'Sahel', 'Water', 'Waters',
  'Eau', 'Santé', 'Sante', 'Union', 'Ségou', 'Climate', 'Trust', 'Coopérative', 'Paysans', 'Éducation', 'Education', 'Initiative', 'Réseau', 'Médecins',
  'Monde', 'du', 'de', 'la', 'des', 'pour', 'Łódź', 'Straße', 'Æther', 'Œuvre', 'l’Eau', "Women's", 'Kaya-based', '2024', 'H2O', 'ÑANDÚ', 'Dæmon', 'Ørsted',
  'İstanbul', 'Ğ', 'Ⅻ', '𝒜lpha', 'Zoë', 'A', 'AB', 'Résilience', 'Resilience', 'Santé-Plus', 'Educ', 'Ağ', 'co-op', 'St.', '(Ouest)',
] as const;
const types = ['21', '22', '23', '24'] as const;
const countries = ['BF', 'ML', 'SN', 'NE'] as const;
const sectors = ['11110', '12220', '14030', '31120'] as const;

type Generated = typeof organizations.$inferInsert;

function directory(count: number): Generated[] {
  const { next, pick } = generator(20261127);
  const rows: Generated[] = [];
  for (let index = 0; index < count; index += 1) {
    const words = Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(vocabulary));
    // Some names are repeated exactly, some differ by case or accents only.
    const name = index > 10 && next() < 0.05 ? rows[Math.floor(next() * rows.length)]!.name : words.join(next() < 0.1 ? '  ' : ' ');
    const acronym = next() < 0.3 ? words.map((word) => word[0]!.toUpperCase()).join('') : next() < 0.05 ? pick(['ADR', 'ab', 'Eau', 'GRE']) : null;
    rows.push({
      name,
      acronym,
      otherNames: next() < 0.2 ? [Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(vocabulary)).join(' ')] : [],
      type: pick(types),
      country: pick(countries),
      scope: pick(['local', 'national', 'regional', 'international'] as const),
      sectors: next() < 0.5 ? [pick(sectors)] : [],
      deletedAt: next() < 0.03 ? new Date() : null,
    });
  }
  return rows;
}

const queries = [
  'solidarite', 'Solidarité', 'developpement rural', 'femmes kaya', 'resilence', 'sahel water', 'educ', 'Initiatve Santé', 'union segou', 'a', 'de', 'de la',
  'medicins du monde', 'ADR', 'ab', 'eau', 'l’eau', "women's", 'kaya-based', 'lodz', 'łódź', 'strasse', 'straße', 'aether', '2024', 'h2o', '%', 'de_la', 'ñandu',
  'istanbul', 'İstanbul', 'xyzzy', 'developement', 'develop', 'Association Développement', 'santé-plus', 'st. (ouest)', 'co-op', 'zoe', 'ⅻ', '𝒜lpha', 'dæmon',
  'orsted', 'ørsted', 'resilience rurale', 'climat', 'w', 'ZZZ ÿ',
];

let database: DatabaseHandle;
let names: string[];
const actor: Actor = { userId: '00000000-0000-4000-8000-000000000000', organizationId: '00000000-0000-4000-8000-000000000001', email: 'x@example.org', name: 'X', role: 'member', isInstanceAdmin: false, language: null, via: 'session' };

beforeAll(async () => {
  database = await createTestDatabase();
  const rows = directory(1500);
  for (let start = 0; start < rows.length; start += 500) await database.db.insert(organizations).values(rows.slice(start, start + 500));
  names = rows.filter((row) => !row.deletedAt).map((row) => row.name);
});
afterAll(async () => database?.close());

type Page = { items: Array<{ id: string; name: string }>; nextCursor: string | null };

/** Every page of a search, up to `maxPages`, as ids and cursors. */
async function allPages(query: Omit<OrganizationListQuery, 'limit'>, limit: number, directory: DirectorySearch | undefined, maxPages = 12): Promise<Array<{ ids: string[]; nextCursor: string | null }>> {
  const pages: Array<{ ids: string[]; nextCursor: string | null }> = [];
  let cursor: string | undefined;
  do {
    const page = (await listOrganizations(database.db, { actor, query: { ...query, limit, cursor }, directory })) as Page;
    pages.push({ ids: page.items.map((item) => item.id), nextCursor: page.nextCursor });
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < maxPages);
  return pages;
}

describe('the in-process directory index', () => {
  it('ranks, pages and cursors every query exactly as the ranking statement does', async () => {
    const search = new DirectorySearch();
    const phrases = [...queries, names[7]!, names[42]!, names[99]!.slice(0, 6), names[500]!.toUpperCase(), `${names[3]!} x`];
    let compared = 0;
    for (const q of phrases) {
      for (const [limit, filters] of [
        [25, {}],
        [3, {}],
        [10, { type: '21' }],
        [7, { country: 'BF', scope: 'local' }],
        [5, { sector: '12220' }],
      ] as const) {
        const viaDatabase = await allPages({ q, ...filters }, limit, undefined);
        const viaIndex = await allPages({ q, ...filters }, limit, search);
        expect(viaIndex, `q=${q} limit=${limit} ${JSON.stringify(filters)}`).toEqual(viaDatabase);
        compared += viaDatabase.reduce((sum, page) => sum + page.ids.length, 0);
      }
    }
    expect(search.stats.builds).toBe(1);
    // The comparison is not vacuous: the queries find many organizations.
    expect(compared).toBeGreaterThan(2000);
  }, 120_000);

  it('continues a page the database started, and the other way round', async () => {
    const search = new DirectorySearch();
    const first = (await listOrganizations(database.db, { actor, query: { q: 'de', limit: 4 } })) as Page;
    const second = (await listOrganizations(database.db, { actor, query: { q: 'de', limit: 4, cursor: first.nextCursor! }, directory: search })) as Page;
    const both = (await listOrganizations(database.db, { actor, query: { q: 'de', limit: 8 } })) as Page;
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(both.items.map((item) => item.id));
    const third = (await listOrganizations(database.db, { actor, query: { q: 'de', limit: 4, cursor: second.nextCursor! } })) as Page;
    const twelve = (await listOrganizations(database.db, { actor, query: { q: 'de', limit: 12 }, directory: search })) as Page;
    expect([...first.items, ...second.items, ...third.items].map((item) => item.id)).toEqual(twelve.items.map((item) => item.id));
  });

  it('lets the database answer when the directory is larger than the configured limit, or the index is off', async () => {
    for (const maxOrganizations of [0, 100]) {
      const search = new DirectorySearch({ maxOrganizations });
      expect(await search.current(database.db)).toBeNull();
      const viaDatabase = await allPages({ q: 'sahel' }, 25, undefined);
      expect(await allPages({ q: 'sahel' }, 25, search)).toEqual(viaDatabase);
      expect(search.stats.builds).toBe(0);
    }
  });

  it('leaves deleted organizations and relationship filters to the database', async () => {
    const search = new DirectorySearch();
    const admin: Actor = { ...actor, isInstanceAdmin: true };
    const deleted = (await listOrganizations(database.db, { actor: admin, query: { q: 'de', limit: 100, deleted: 'true' }, directory: search })) as Page;
    expect(deleted.items.length).toBeGreaterThan(0);
    expect(search.stats.builds).toBe(0);
  });
});

describe('misspelt words corrected in process', () => {
  it('gives the corrections the database gives, for many misspellings of every known word', async () => {
    const search = new DirectorySearch();
    const copy = (await search.current(database.db))!;
    const known = (await rawQuery(database.db)<{ word: string }>('select word from registry_search_words')).map((row) => row.word);
    expect(known.length).toBeGreaterThan(30);
    const { next } = generator(7);
    // Each known word dropped, doubled, swapped and replaced a letter, and cut short.
    const misspelt = new Set<string>();
    for (const word of known.filter((candidate) => /^[a-z]+$/.test(candidate))) {
      const at = Math.floor(next() * word.length);
      misspelt.add(word.slice(0, at) + word.slice(at + 1));
      misspelt.add(word.slice(0, at) + word[at] + word.slice(at));
      misspelt.add(word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2));
      misspelt.add(word.slice(0, at) + String.fromCharCode(97 + Math.floor(next() * 26)) + word.slice(at + 1));
      misspelt.add(word.slice(0, Math.max(4, word.length - 2)) + 'x');
    }
    const inputs = [...misspelt];
    let corrected = 0;
    for (let start = 0; start < inputs.length; start += 50) {
      const batch = inputs.slice(start, start + 50);
      const inProcess = copy.words.correct(batch);
      expect(inProcess).toBeDefined();
      expect(inProcess, batch.join(' ')).toEqual(await correctWords(database.db, batch));
      corrected += inProcess!.size;
    }
    expect(corrected).toBeGreaterThan(50);
  });

  it('leaves a word that is not plain ASCII to the database', async () => {
    const copy = (await new DirectorySearch().current(database.db))!;
    expect(copy.words.correct(['łódzz'])).toBeUndefined();
    expect(copy.words.correct(['sol'])).toEqual(new Map());
  });
});

describe('code point order', () => {
  it('orders as the database orders text in collation "C"', async () => {
    const samples = ['a', 'b', 'é', 'z', '\u{ffff}', '\u{e000}', '\u{10000}', '𝒜', 'ab', 'a\u{10000}', 'a\u{ffff}', '', 'Ⅻ', 'ı', 'İ'];
    const sorted = [...samples].sort(compareCodePoints);
    // Sorted by the database, in byte order of UTF-8.
    const rows = await rawQuery(database.db)<{ value: string }>('select value from unnest($1::text[]) as value order by value collate "C"', [samples]);
    expect(sorted).toEqual(rows.map((row) => row.value));
  });

  const entry = (id: string, k: string, words: string[], acronym = '') => ({
    row: { id, name: k, acronym: null, identifier: null, type: null, country: null, scope: null, sectors: [], deletedAt: null },
    k,
    l: [...k].length,
    acronym,
    words,
    order: 0,
  });
  const ids = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  it('builds an index whose incremental updates match a fresh build', () => {
    const built = DirectoryIndex.of([entry(ids(1), 'sahel water', ['sahel', 'water']), entry(ids(2), 'water trust', ['water', 'trust'])]);
    const updated = DirectoryIndex.of([entry(ids(1), 'sahel water', ['sahel', 'water'])]);
    updated.put(entry(ids(3), 'old name', ['old', 'name']));
    updated.put(entry(ids(2), 'water trust', ['water', 'trust']));
    updated.remove(ids(3));
    const query = { phrase: 'wat', words: ['wat'], corrections: new Map(), filters: {}, key: undefined, take: 10 };
    expect(updated.rank(query).map((ranked) => ranked.entry.row.id)).toEqual(built.rank(query).map((ranked) => ranked.entry.row.id));
    expect(updated.rank({ ...query, phrase: 'old', words: ['old'] })).toEqual([]);
    expect(updated.size).toBe(2);
  });

  it('ranks after thousands of random additions, changes and removals as a fresh build of the same entries does', () => {
    const { next, pick } = generator(99);
    const words = ['sahel', 'water', 'trust', 'eau', 'rural', 'de', 'du', 'kaya', 'ségou', 'zoë'];
    const make = (n: number) => {
      const chosen = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(words));
      // Many equal names and lengths: the order then rests on the id.
      const k = next() < 0.5 ? chosen.join(' ') : `${chosen.join(' ')} ${Math.floor(next() * 20)}`;
      return entry(ids(n), k, [...new Set(k.split(' '))], next() < 0.1 ? pick(words) : '');
    };
    const updated = DirectoryIndex.of(Array.from({ length: 200 }, (_, n) => make(n)));
    const live = new Map<number, ReturnType<typeof make>>();
    for (let n = 0; n < 200; n += 1) live.set(n, make(n));
    const fresh = () => DirectoryIndex.of([...live.values()].map((value) => ({ ...value, row: { ...value.row } })));
    for (const value of live.values()) updated.put({ ...value });
    // Equal names, each new id just below the last one: every insertion halves the same gap of order
    // numbers until the index must number everything again.
    for (let n = 5000; n > 4960; n -= 1) {
      const value = entry(ids(n), 'du water', ['du', 'water']);
      updated.put({ ...value });
      live.set(n, value);
    }
    for (let step = 0; step < 3000; step += 1) {
      const n = Math.floor(next() * 400);
      if (next() < 0.25) {
        updated.remove(ids(n));
        live.delete(n);
      } else {
        const value = make(n);
        updated.put({ ...value });
        live.set(n, value);
      }
    }
    const reference = fresh();
    const page = (index: DirectoryIndex, word: string, key?: { tier: number; length: number; name: string; id: string }) =>
      index.rank({ phrase: word, words: [word], corrections: new Map(), filters: {}, key, take: 7 }).map((ranked) => [ranked.tier, ranked.entry.row.id]);
    for (const word of [...words, 'sa', 'w', 's']) {
      expect(page(updated, word), word).toEqual(page(reference, word));
      // And the pages after a cursor in the middle of the word tiers.
      const all = reference.rank({ phrase: word, words: [word], corrections: new Map(), filters: {}, key: undefined, take: 1000 });
      for (const at of [3, 17, 40]) {
        const ranked = all[at];
        if (!ranked) continue;
        const key = { tier: ranked.tier, length: ranked.tier >= 2 ? 0 : ranked.l, name: ranked.k, id: ranked.entry.row.id };
        expect(page(updated, word, key), `${word} after ${at}`).toEqual(page(reference, word, key));
      }
    }
    expect(updated.size).toBe(live.size);
  });
});
