import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { invalidField } from '../../lib/errors.js';
import { correctWords, plainName, searchTerms, searchVector, searchWords, sortName, type Corrections, type SearchTerms } from './search.js';

type OrganizationRow = typeof organizations.$inferSelect;

/**
 * The ranking of the directory search, best first, in tiers:
 *   3  the name or the acronym is the query ("Children of the Sahel", "ADR");
 *   2  the name starts with the query ("Rural" -> "Rural Water Trust");
 *   1  every query word is a whole word of the name, acronym or other names;
 *   0  every query word starts one of their words ("develop" -> "Développement").
 * Within tiers 3 and 2, names in order (a name sorts before the longer names it begins); within
 * tiers 1 and 0, shorter names first (the query is more of a short name: "Save the Children" before
 * "Action for Children Foundation"), then names in order. Every tier's order is that of an index
 * (migration registry_search_tiers), so a page reads a bounded number of rows however many match,
 * and the keyset cursor (tier, length, name, id) pages through it exactly.
 */
export const SEARCH_TIERS = { exact: 3, start: 2, words: 1, prefixes: 0 } as const;

/**
 * Matches counted before choosing how to rank tiers 1 and 0: up to this many, all of them are
 * sorted (a bitmap scan of the full-text index, proportional to the matches); beyond, the tier is
 * common enough that reading the rank index in order finds a page after a few thousand entries.
 */
export const RANK_PROBE = 1000;

/** A position in the ranking: corrected (misspelt words replaced), tier, name length, name (byte order), id. */
type Key = { corrected: boolean; tier: number; length: number; name: string; id: string };
type KeyRow = { tier: number; l: number; k: string; id: string };

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
    ? sql` and (length(${plainName}), ${sortName}, ${organizations.id}) > (${key.length}::int, ${key.name}::text collate "C", ${key.id}::uuid)`
    : sql` and (${sortName}, ${organizations.id}) > (${key.name}::text collate "C", ${key.id}::uuid)`;
}

/** Tiers 3 and 2: exact names and acronyms (a few rows, by their own indexes), then names starting with the query (a range of the name index). */
function phraseTiers(terms: SearchTerms, filters: SQL, key: Key | undefined, take: number): SQL {
  const notExact = sql`${sortName} <> ${terms.phrase} and lower(coalesce(${organizations.acronym}, '')) <> ${terms.phrase}`;
  const exact = !key || key.tier >= SEARCH_TIERS.exact;
  // The exact matches are materialised without an order, so that they are found by equality (name
  // index, acronym index) rather than by reading the name index in order until they turn up.
  return sql`
    ${exact ? sql`with exact as materialized (
      select ${organizations.id} as id, ${sortName} as k from ${organizations}
      where ${filters} and (${sortName} = ${terms.phrase} or lower(${organizations.acronym}) = ${terms.phrase})${after(SEARCH_TIERS.exact, key, false)})` : sql``}
    select tier, l, k, id from (
      ${exact ? sql`(select ${tierValue(SEARCH_TIERS.exact)} as tier, 0 as l, k, id from exact order by k, id limit ${take})
      union all` : sql``}
      (select ${tierValue(SEARCH_TIERS.start)} as tier, 0 as l, ${sortName} as k, ${organizations.id} as id from ${organizations}
        where ${filters} and ${sortName} like ${terms.phrasePrefix} and ${notExact}${after(SEARCH_TIERS.start, key, false)}
        order by ${sortName}, ${organizations.id} limit ${take})
    ) as page order by tier desc, k, id limit ${take}`;
}

/**
 * Tier 1 or 0. It first collects up to RANK_PROBE + 1 matches through the full-text index (a
 * materialised CTE, so that the planner cannot turn it into an ordered scan that reads the whole rank
 * index looking for a rare word); when there are no more than RANK_PROBE, it ranks exactly those,
 * otherwise it reads the rank index (length, name, id) in order, which is cheap precisely because the
 * matches are many. Either way the order is the same.
 */
function wordTier(tier: number, terms: SearchTerms, filters: SQL, key: Key | undefined, take: number, probe: number): SQL {
  const match = tier === SEARCH_TIERS.words ? sql`${searchVector} @@ ${terms.wholeWords}` : sql`${searchVector} @@ (${terms.wordPrefixes} && !!${terms.wholeWords})`;
  const where = sql`${filters} and ${match} and not (${sortName} like ${terms.phrasePrefix}) and lower(coalesce(${organizations.acronym}, '')) <> ${terms.phrase}${after(tier, key, true)}`;
  return sql`with probe as materialized (
      select ${organizations.id} as id, length(${plainName}) as l, ${sortName} as k from ${organizations} where ${where} limit ${probe + 1})
    (select ${tierValue(tier)} as tier, l, k, id from probe where (select count(*) from probe) <= ${probe} order by l, k, id limit ${take})
    union all
    (select ${tierValue(tier)} as tier, length(${plainName}) as l, ${sortName} as k, ${organizations.id} as id from ${organizations}
      where (select count(*) from probe) > ${probe} and ${where}
      order by length(${plainName}), ${sortName}, ${organizations.id} limit ${take})`;
}

async function keys(db: Database, statement: SQL, trace?: (statement: SQL) => void): Promise<KeyRow[]> {
  trace?.(statement);
  const result = (await db.execute(statement)) as unknown as { rows: Array<{ tier: number | string; l: number | string; k: string; id: string }> };
  return result.rows.map((row) => ({ tier: Number(row.tier), l: Number(row.l), k: row.k, id: row.id }));
}

/** Up to `take` keys from the cursor on, tier after tier: a tier is read only when the better ones do not fill the page. */
async function rankedKeys(db: Database, terms: SearchTerms, filters: SQL, key: Key | undefined, take: number, probe: number, trace?: (statement: SQL) => void): Promise<KeyRow[]> {
  const found = !key || key.tier >= SEARCH_TIERS.start ? await keys(db, phraseTiers(terms, filters, key, take), trace) : [];
  for (const tier of [SEARCH_TIERS.words, SEARCH_TIERS.prefixes]) {
    if (found.length >= take) break;
    if (!key || key.tier >= tier) found.push(...(await keys(db, wordTier(tier, terms, filters, key, take - found.length, probe), trace)));
  }
  return found;
}

/**
 * The directory search: organizations matching every query word (accents and case ignored, word
 * prefixes, misspelt words corrected against the known words), best first (see SEARCH_TIERS),
 * within `filters` (the directory's filters and access), one page after `cursor`. Words are
 * corrected only when the query as typed finds nothing; the cursor remembers it.
 */
export async function searchOrganizations(
  db: Database,
  options: { q: string; filters: SQL[]; limit: number; cursor?: string; /** RANK_PROBE (tests lower it to take the common-word path on a few rows). */ rankProbe?: number },
  trace?: (statement: SQL) => void,
): Promise<{ items: OrganizationRow[]; nextCursor: string | null }> {
  const words = searchWords(options.q);
  if (words.length === 0) return { items: [], nextCursor: null };
  const key = readCursor(options.cursor);
  const filters = and(...options.filters) ?? sql`true`;
  const take = options.limit + 1;
  const probe = options.rankProbe ?? RANK_PROBE;
  let corrections: Corrections = new Map();
  if (key?.corrected) corrections = await correctWords(db, words);
  let found = await rankedKeys(db, searchTerms(options.q, words, corrections), filters, key, take, probe, trace);
  if (found.length === 0 && !key) {
    corrections = await correctWords(db, words);
    if (corrections.size > 0) found = await rankedKeys(db, searchTerms(options.q, words, corrections), filters, undefined, take, probe, trace);
  }
  const page = found.slice(0, options.limit);
  const rows = page.length > 0 ? await db.select().from(organizations).where(inArray(organizations.id, page.map((row) => row.id))) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const last = page.at(-1);
  return {
    // A row deleted between the two reads is left out rather than shown half.
    items: page.flatMap((row) => byId.get(row.id) ?? []),
    nextCursor: found.length > options.limit && last ? encodeCursor([corrections.size > 0 ? 1 : 0, last.tier, last.l, last.k, last.id]) : null,
  };
}
