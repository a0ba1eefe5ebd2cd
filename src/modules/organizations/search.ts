import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, people } from '../../db/schema/index.js';

// The stored search columns of migration registry_search_columns (kept by the database, not in the
// Drizzle schema so that ordinary selects do not carry them): reading them costs nothing per row,
// where calling registry_search_text() per row did.
/** The full-text vector of name, acronym and other names ('simple' configuration: no stemming, names are not prose), with the length band lexeme of migration registry_search_tiers. */
export const searchVector = sql`${organizations}."search_bands"`;
/** The name alone, lower-case and without accents (trigram-indexed for duplicate detection). */
export const plainName = sql`${organizations}."search_name"`;
/** plainName in byte order: the order of the directory search's indexes (migration registry_search_tiers), the same on every server locale. */
export const sortName = sql`(${organizations}."search_name" collate "C")`;
/** A person's name, lower-case and without accents (trigram-indexed). */
export const personPlainName = sql`${people}."search_name"`;

/** The user's text normalised as the stored columns are (folded to a constant once per query). */
export const normalizedQuery = (text: string): SQL => sql`lower(public.registry_unaccent(${text}::text))`;

/** How similar (pg_trgm similarity, 0..1) a known word must be to a query word to stand in for it ("childern" ~ children: 0.38). */
export const WORD_CORRECTION_THRESHOLD = 0.35;
/** Shorter query words are matched as prefixes only: a typo in three letters leaves too many neighbours. */
const MIN_CORRECTED_LENGTH = 4;
/** At most this many corrections per query word (the closest ones). */
export const MAX_CORRECTIONS = 5;

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

/** Known words standing in for misspelt query words (query word -> closest known words, best first). */
export type Corrections = Map<string, string[]>;

/**
 * What a directory search matches, as SQL over organizations: the whole phrase against the name
 * (exact, or as the name's beginning), every word as a whole word, every word as a word prefix.
 */
export type SearchTerms = {
  /** The query normalised as plainName is (corrected words in place of misspelt ones). */
  phrase: SQL;
  /** phrase as a LIKE pattern for "the name starts with it" (wildcards escaped). */
  phrasePrefix: SQL;
  /** Every query word (or one of its corrections) is a whole word of the name, acronym or other names. */
  wholeWords: SQL;
  /** Every query word (or one of its corrections) starts a word of them: everything the search finds. */
  wordPrefixes: SQL;
};

/**
 * The text matched against whole names, before normalization: the query as typed (spaces collapsed),
 * or, once corrected, its words with each misspelt one replaced by its closest known word, so that
 * "Medicins du Monde" finds the name "Médecins du Monde" as an exact match.
 */
export function phraseText(query: string, words: string[], corrections: Corrections): string {
  return corrections.size > 0 ? words.map((word) => corrections.get(word)?.[0] ?? word).join(' ') : query.trim().replace(/\s+/g, ' ');
}

/** Builds the search terms of a query from its words and the corrections of misspelt ones. */
export function searchTerms(query: string, words: string[], corrections: Corrections): SearchTerms {
  const alternatives = (word: string) => corrections.get(word) ?? [];
  const wholeText = words.map((word) => `(${[word, ...alternatives(word)].map(operand).join(' | ')})`).join(' & ');
  const prefixText = words
    .map((word) => `(${[`${operand(word)}:*`, ...alternatives(word).filter((known) => !known.startsWith(word)).map(operand)].join(' | ')})`)
    .join(' & ');
  const phrase = normalizedQuery(phraseText(query, words, corrections));
  return {
    phrase,
    phrasePrefix: sql`(replace(replace(replace(${phrase}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')`,
    wholeWords: sql`to_tsquery('simple', ${wholeText})`,
    wordPrefixes: sql`to_tsquery('simple', ${prefixText})`,
  };
}

/** Everything a search matches (for exports and other unranked uses). */
export function searchCondition(terms: SearchTerms): SQL {
  return sql`(${searchVector} @@ ${terms.wordPrefixes} or ${sortName} like ${terms.phrasePrefix} or lower(${organizations.acronym}) = ${terms.phrase})`;
}

/**
 * The directory search as a WHERE condition, for uses that do not rank (the export): every query
 * word must start a word of the name, acronym or other names ("develop" finds "Développement"),
 * or, for a misspelt word, be one of the known words closest to it ("developement" finds
 * "développement"). The ranked, paginated search is searchOrganizations (search-page.ts).
 */
export async function organizationSearch(db: Database, query: string): Promise<{ condition: SQL } | undefined> {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  return { condition: searchCondition(searchTerms(query, words, await correctWords(db, words))) };
}

/** The query words that may be corrected (once each): long enough, and without digits. */
export function correctionCandidates(words: string[]): string[] {
  return [...new Set(words.filter((word) => word.length >= MIN_CORRECTED_LENGTH && !/\p{N}/u.test(word)))];
}

/**
 * The known words closest to each misspelt query word, in one indexed lookup. A word is misspelt when
 * no known word starts with it: a word that is known (or the beginning of one) is searched as typed,
 * so that "water" does not also find "waters" or "eater".
 */
export async function correctWords(db: Database, words: string[]): Promise<Corrections> {
  const corrections: Corrections = new Map();
  const candidates = correctionCandidates(words);
  if (candidates.length === 0) return corrections;
  const rows = await db.execute(sql`
    select input.word as input, known.word as known
    from unnest(${sql.param(candidates)}::text[]) as input(word)
    cross join lateral (
      select word from registry_search_words
      where word % input.word and similarity(word, input.word) >= ${WORD_CORRECTION_THRESHOLD}::float8
      -- Ties in code point order: the same on every server locale (and in the in-process copy, word-corrections.ts).
      order by similarity(word, input.word) desc, word collate "C"
      limit ${MAX_CORRECTIONS}
    ) as known
    where not exists (
      -- Byte order: every word starting with input.word lies in [input.word, input.word || U+10FFFF).
      select 1 from registry_search_words as prefixed
      where (prefixed.word collate "C") >= input.word and (prefixed.word collate "C") < input.word || chr(1114111)
    )`);
  for (const row of (rows as unknown as { rows: Array<{ input: string; known: string }> }).rows) {
    corrections.set(row.input, [...(corrections.get(row.input) ?? []), row.known]);
  }
  return corrections;
}
