import { sql, type SQL } from 'drizzle-orm';
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

/** How close a query must be to some run of words of a name to match despite typos (pg_trgm word similarity). */
export const WORD_SIMILARITY_THRESHOLD = 0.5;

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

/**
 * Full-text match on word prefixes ("develop" finds "Développement") or trigram match for typos
 * ("developement"), both answered by GIN indexes on the stored columns (a BitmapOr of the two);
 * the rank, computed only over those candidate rows, puts exact names and acronyms first, then
 * names starting with the query, then the closest spellings.
 */
export function organizationSearch(query: string): { condition: SQL; rank: SQL } | undefined {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  const prefixQuery = words.map((word) => `${word}:*`).join(' & ');
  const normalized = normalizedQuery(query);
  const tsQuery = sql`to_tsquery('simple', ${prefixQuery})`;
  const condition = sql`(${searchVector} @@ ${tsQuery} or ${normalized} <% ${searchText})`;
  const rank = sql`round((
      case when ${plainName} = ${normalized} or lower(coalesce(${organizations.acronym}, '')) = ${normalized} then 2 else 0 end
    + case when starts_with(${plainName}, ${normalized}) then 1 else 0 end
    + ts_rank(${searchVector}, ${tsQuery})
    + word_similarity(${normalized}, ${searchText})
    + similarity(${normalized}, ${plainName})
  )::numeric, 6)`;
  return { condition, rank };
}
