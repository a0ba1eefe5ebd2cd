import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, people } from '../../db/schema/index.js';

// The stored search columns of migration registry_search_columns (kept by the database, not in the
// Drizzle schema so that ordinary selects do not carry them): reading them costs nothing per row,
// where calling registry_search_text() per row did.
/** Name, acronym and other names: lower-case, without accents (trigram-indexed). */
export const searchText = sql`${organizations}."search_text"`;
/** The full-text vector of searchText ('simple' configuration: no stemming, names are not prose). */
export const searchVector = sql`${organizations}."search_vector"`;
/** The name alone, lower-case and without accents (trigram-indexed for duplicate detection). */
export const plainName = sql`${organizations}."search_name"`;
/** A person's name, lower-case and without accents (trigram-indexed). */
export const personPlainName = sql`${people}."search_name"`;

/** The user's text normalised as the stored columns are (folded to a constant once per query). */
export const normalizedQuery = (text: string): SQL => sql`lower(public.registry_unaccent(${text}::text))`;

/** How similar (pg_trgm similarity, 0..1) a known word must be to a query word to stand in for it ("childern" ~ children: 0.38). */
export const WORD_CORRECTION_THRESHOLD = 0.35;
/** Shorter query words are matched as prefixes only: a typo in three letters leaves too many neighbours. */
const MIN_CORRECTED_LENGTH = 4;
/** At most this many corrections per query word (the closest ones). */
const MAX_CORRECTIONS = 5;

/** Lower-case words without accents, as the database normalises them (used to build the prefix query). */
export function searchWords(query: string): string[] {
  return query
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
}

/** A word as a tsquery operand: quoted, so that no character of it is read as an operator. */
const operand = (word: string) => `'${word.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/**
 * Builds the directory search: every query word must match a word of the name, acronym or other
 * names, as a prefix ("develop" finds "Développement") or, for a misspelt word, as one of the known
 * words closest to it ("developement" finds "développement"; the known words come from the small
 * registry_search_words table and its trigram index). The match is a full-text query answered by the
 * GIN index on search_vector; the rank, computed over the matching rows only, puts exact names and
 * acronyms first, then names starting with the query, then the closest spellings.
 */
export async function organizationSearch(db: Database, query: string): Promise<{ condition: SQL; rank: SQL } | undefined> {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  const corrections = await correctWords(db, words.filter((word) => word.length >= MIN_CORRECTED_LENGTH && !/\p{N}/u.test(word)));
  const tsQueryText = words
    .map((word) => [`${operand(word)}:*`, ...(corrections.get(word) ?? []).filter((known) => !known.startsWith(word)).map(operand)].join(' | '))
    .map((alternatives) => `(${alternatives})`)
    .join(' & ');
  const normalized = normalizedQuery(query);
  const tsQuery = sql`to_tsquery('simple', ${tsQueryText})`;
  const condition = sql`(${searchVector} @@ ${tsQuery})`;
  const rank = sql`round((
      case when ${plainName} = ${normalized} or lower(coalesce(${organizations.acronym}, '')) = ${normalized} then 2 else 0 end
    + case when starts_with(${plainName}, ${normalized}) then 1 else 0 end
    + ts_rank(${searchVector}, ${tsQuery})
    + similarity(${normalized}, ${plainName})
  )::numeric, 6)`;
  return { condition, rank };
}

/** The known words closest to each query word (one indexed lookup for all of them). */
async function correctWords(db: Database, words: string[]): Promise<Map<string, string[]>> {
  const corrections = new Map<string, string[]>();
  if (words.length === 0) return corrections;
  const rows = await db.execute(sql`
    select input.word as input, known.word as known
    from unnest(${sql.param(words)}::text[]) as input(word)
    cross join lateral (
      select word from registry_search_words
      where word % input.word and similarity(word, input.word) >= ${WORD_CORRECTION_THRESHOLD}
      order by similarity(word, input.word) desc, word
      limit ${MAX_CORRECTIONS}
    ) as known`);
  for (const row of (rows as unknown as { rows: Array<{ input: string; known: string }> }).rows) {
    corrections.set(row.input, [...(corrections.get(row.input) ?? []), row.known]);
  }
  return corrections;
}
