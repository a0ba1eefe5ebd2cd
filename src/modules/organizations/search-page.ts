import { and, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { invalidField } from '../../lib/errors.js';
import { correctWords, phraseText, searchTerms, searchWords, type Corrections, type SearchTerms } from './search.js';
import type { DirectoryFilters, DirectoryIndex } from './directory-index.js';
import type { KnownWords } from './word-corrections.js';

/** What the directory shows of an organization (presentOrganizationSummary): the search reads only these columns. */
const summaryColumns = {
  id: organizations.id,
  name: organizations.name,
  acronym: organizations.acronym,
  identifier: organizations.identifier,
  type: organizations.type,
  country: organizations.country,
  scope: organizations.scope,
  sectors: organizations.sectors,
  deletedAt: organizations.deletedAt,
};
export type OrganizationSummaryRow = Pick<typeof organizations.$inferSelect, keyof typeof summaryColumns>;

/**
 * The ranking of the directory search, best first, in tiers:
 *   3  the name or the acronym is the query ("Children of the Sahel", "ADR");
 *   2  the name starts with the query ("Rural" -> "Rural Water Trust");
 *   1  every query word is a whole word of the name, acronym or other names;
 *   0  every query word starts one of their words ("develop" -> "Développement").
 * Within tiers 3 and 2, names in order (a name sorts before the longer names it begins); within
 * tiers 1 and 0, shorter names first (the query is more of a short name: "Save the Children" before
 * "Action for Children Foundation"), then names in order. Every tier is read in an order the indexes
 * give (migration registry_search_tiers), so a page reads a bounded number of rows however many
 * match, and the keyset cursor (tier, length, name, id) pages through it exactly.
 */
export const SEARCH_TIERS = { exact: 3, start: 2, words: 1, prefixes: 0 } as const;

/** A position in the ranking: corrected (misspelt words replaced), tier, name length, name (byte order), id. */
type Key = { corrected: boolean; tier: number; length: number; name: string; id: string };

/** Prefix matches ranked in one pass; beyond, the prefix tier is read band by band. */
const PREFIX_PROBE = 200;

/** The last length band of registry_length_band. */
const LAST_BAND = 13;

/** A tier number written into the statement (an integer, not a text parameter). */
const tierValue = (tier: number) => sql.raw(String(Math.trunc(tier)));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readCursor(cursor: string | undefined): Key | undefined {
  const parts = decodeCursor(cursor, 5);
  if (!parts) return undefined;
  const [corrected, tier, length, name, id] = parts;
  if (typeof corrected !== 'number' || typeof tier !== 'number' || !Number.isInteger(tier) || tier < 0 || tier > 3 || typeof length !== 'number' || !Number.isInteger(length) || typeof name !== 'string' || typeof id !== 'string' || !UUID.test(id)) {
    throw invalidField('/cursor', 'is not a cursor this list gave out', cursor);
  }
  return { corrected: corrected === 1, tier, length, name, id };
}

/** Rows of this tier after the cursor (all of them when the cursor is in a better tier). */
function after(tier: number, key: Key | undefined, byLength: boolean): SQL {
  if (!key || key.tier > tier) return sql``;
  return byLength
    ? sql` and (${nameLength}, ${name}, ${id}) > (${key.length}::int, ${key.name}::text collate "C", ${key.id}::uuid)`
    : sql` and (${name}, ${id}) > (${key.name}::text collate "C", ${key.id}::uuid)`;
}

// Column expressions written out once (they are interpolated many times per statement).
const id = sql.raw('"organizations"."id"');
const name = sql.raw('("organizations"."search_name" collate "C")');
const nameLength = sql.raw('length("organizations"."search_name")');
const bands = sql.raw('"organizations"."search_bands"');
const acronym = sql.raw('lower(coalesce("organizations"."acronym", \'\'))');

/**
 * One statement ranking every tier from the cursor on, each tier a branch of a UNION ALL in tier
 * order, each branch sorted and limited by itself; the outer LIMIT without ORDER BY stops the Append
 * as soon as the page is full, so a tier is read only when the better ones do not fill the page (the
 * executor runs a non-parallel Append's branches in order; the caller sorts the page again by its keys).
 *
 * Tiers 3 and 2 are found by equality (name and acronym indexes; materialised, so that the planner does
 * not read the name index in order looking for them) and as a range of the name index. Tiers 1 and 0
 * read the length bands of migration registry_search_tiers in order, shortest names first, each band
 * answered by the full-text index ("these words, in this band") and sorted, and stop when the page is
 * full: a common word costs the matches of the first bands, a rare one an index probe per band.
 */
function rankingStatement(terms: SearchTerms, filters: SQL, key: Key | undefined, take: number): SQL {
  const ctes: SQL[] = [];
  const branches: SQL[] = [];
  const wanted = (tier: number) => !key || key.tier >= tier;
  if (wanted(SEARCH_TIERS.exact)) {
    ctes.push(sql`exact as materialized (select ${id} as id, ${name} as k from organizations
      where ${filters} and (${name} = ${terms.phrase} or lower("organizations"."acronym") = ${terms.phrase})${after(SEARCH_TIERS.exact, key, false)})`);
    branches.push(sql`(select ${tierValue(SEARCH_TIERS.exact)} as tier, 0 as l, k, id from exact order by k, id limit ${take})`);
  }
  if (wanted(SEARCH_TIERS.start)) {
    branches.push(sql`(select ${tierValue(SEARCH_TIERS.start)} as tier, 0 as l, ${name} as k, ${id} as id from organizations
      where ${filters} and ${name} like ${terms.phrasePrefix} and ${name} <> ${terms.phrase} and ${acronym} <> ${terms.phrase}${after(SEARCH_TIERS.start, key, false)}
      order by ${name}, ${id} limit ${take})`);
  }
  for (const tier of [SEARCH_TIERS.words, SEARCH_TIERS.prefixes]) {
    if (!wanted(tier)) continue;
    const match = tier === SEARCH_TIERS.words ? terms.wholeWords : sql`(${terms.wordPrefixes} && !!${terms.wholeWords})`;
    const others = sql`not (${name} like ${terms.phrasePrefix}) and ${acronym} <> ${terms.phrase}${after(tier, key, true)}`;
    const firstBand = key?.tier === tier ? sql`public.registry_length_band(${key.length}::int)` : sql`0`;
    const byBand = sql`select ${tierValue(tier)} as tier, ranked.l, ranked.k, ranked.id
      from generate_series(${firstBand}, ${sql.raw(String(LAST_BAND))}) as band(n)
      cross join lateral (select ${id} as id, ${nameLength} as l, ${name} as k from organizations
        where ${filters} and ${bands} @@ (${match} && ('''#' || band.n || '''')::tsquery) and ${others}
        order by ${nameLength}, ${name}, ${id} limit ${take}) as ranked`;
    if (tier === SEARCH_TIERS.words) {
      branches.push(sql`(${byBand} limit ${take})`);
      continue;
    }
    // A word prefix is matched by expanding it over the index's words, once per band: costly when
    // repeated for every band, so the prefix tier first takes up to PREFIX_PROBE + 1 matches in one
    // pass and ranks them, and goes band by band only when there are more (the first bands then fill the page).
    ctes.push(sql`prefixed as materialized (select ${id} as id, ${nameLength} as l, ${name} as k from organizations
      where ${filters} and ${bands} @@ ${match} and ${others} limit ${PREFIX_PROBE + 1})`);
    branches.push(
      sql`(select ${tierValue(tier)} as tier, l, k, id from prefixed where (select count(*) from prefixed) <= ${PREFIX_PROBE} order by l, k, id limit ${take})`,
      sql`(${byBand} where (select count(*) from prefixed) > ${PREFIX_PROBE} limit ${take})`,
    );
  }
  return sql`${ctes.length > 0 ? sql`with ${sql.join(ctes, sql`, `)} ` : sql``}select tier, l, k, id from (${sql.join(branches, sql` union all `)}) as tiers limit ${take}`;
}

type RankedRow = { organization: OrganizationSummaryRow; tier: number; l: number; k: string };

/** Runs a ranking statement and reads the organizations it ranks, in its order, in the same round trip. */
async function ranked(db: Database, statement: SQL, trace?: (statement: SQL) => void): Promise<RankedRow[]> {
  const query = db
    .select({ organization: summaryColumns, tier: sql<number>`page.tier`, l: sql<number>`page.l`, k: sql<string>`page.k` })
    .from(organizations)
    .innerJoin(sql`(${statement}) as page`, sql`page.id = ${organizations.id}`)
    .orderBy(sql`page.tier desc, page.l, page.k, page.id`);
  trace?.(query.getSQL());
  return (await query).map((row) => ({ ...row, tier: Number(row.tier), l: Number(row.l) }));
}

/** Ranks one page (`take` rows after `key`) with these corrections of misspelt words. */
type Ranker = (words: string[], corrections: Corrections, key: Key | undefined, take: number) => Promise<RankedRow[]>;

/**
 * The directory search: organizations matching every query word (accents and case ignored, word
 * prefixes, misspelt words corrected against the known words), best first (see SEARCH_TIERS),
 * one page after `cursor`, ranked by `rank`, misspelt words corrected by `correct`. When the query
 * as typed finds nothing, the words no known word starts with are corrected; the cursor remembers it.
 */
async function searchPage(
  options: { q: string; limit: number; cursor?: string },
  rank: Ranker,
  correct: (words: string[]) => Promise<Corrections>,
): Promise<{ items: OrganizationSummaryRow[]; nextCursor: string | null }> {
  const words = searchWords(options.q);
  if (words.length === 0) return { items: [], nextCursor: null };
  const key = readCursor(options.cursor);
  const take = options.limit + 1;
  let corrections: Corrections = key?.corrected ? await correct(words) : new Map();
  let found = await rank(words, corrections, key, take);
  if (found.length === 0 && !key) {
    // Nothing matches as typed: if some words are misspelt (no known word starts with them), search
    // again with each one's closest known words.
    corrections = await correct(words);
    if (corrections.size > 0) found = await rank(words, corrections, undefined, take);
  }
  const page = found.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => row.organization),
    nextCursor: found.length > options.limit && last ? encodeCursor([corrections.size > 0 ? 1 : 0, last.tier, last.l, last.k, last.organization.id]) : null,
  };
}

/** The directory search in the database, within `filters` (the directory's filters and access, as SQL). */
export async function searchOrganizations(
  db: Database,
  options: { q: string; filters: SQL[]; limit: number; cursor?: string },
  trace?: (statement: SQL) => void,
): Promise<{ items: OrganizationSummaryRow[]; nextCursor: string | null }> {
  const filters = and(...options.filters) ?? sql`true`;
  return searchPage(
    options,
    (words, corrections, key, take) => ranked(db, rankingStatement(searchTerms(options.q, words, corrections), filters, key, take), trace),
    (words) => correctWords(db, words),
  );
}

/**
 * The same search over the in-process copy of the directory (directory-index.ts, word-corrections.ts),
 * for organizations that are not deleted, within `filters`: the same pages and cursors as
 * searchOrganizations. `normalize` folds a text as the database does (lower(registry_unaccent(...))).
 */
export async function searchDirectoryIndex(
  db: Database,
  directory: { index: DirectoryIndex; words: KnownWords },
  normalize: (text: string) => Promise<string>,
  options: { q: string; filters: DirectoryFilters; limit: number; cursor?: string },
): Promise<{ items: OrganizationSummaryRow[]; nextCursor: string | null }> {
  return searchPage(
    options,
    async (words, corrections, key, take) => {
      const phrase = await normalize(phraseText(options.q, words, corrections));
      const position = key && { tier: key.tier, length: key.length, name: key.name, id: key.id.toLowerCase() };
      return directory.index.rank({ phrase, words, corrections, filters: options.filters, key: position, take }).map(({ entry, tier, l, k }) => ({ organization: entry.row, tier, l, k }));
    },
    // A word that is not plain ASCII is corrected by the database (its trigrams depend on the server's locale).
    async (words) => directory.words.correct(words) ?? correctWords(db, words),
  );
}
