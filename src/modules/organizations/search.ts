import { sql, type SQL } from 'drizzle-orm';
import { organizations } from '../../db/schema/index.js';

/** The indexed searchable text of an organization (see migration registry_search). */
export const searchText = sql`public.registry_search_text(${organizations.name}, ${organizations.acronym}, ${organizations.otherNames})`;
/** The name alone, lower-case and without accents (indexed for duplicate detection). */
export const plainName = sql`lower(public.registry_unaccent(${organizations.name}))`;

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
 * ("developement"), both served by GIN indexes; the rank puts exact names and acronyms first,
 * then names starting with the query, then the closest spellings.
 */
export function organizationSearch(query: string): { condition: SQL; rank: SQL } | undefined {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  const prefixQuery = words.map((word) => `${word}:*`).join(' & ');
  const normalized = sql`lower(public.registry_unaccent(${query}))`;
  const tsQuery = sql`to_tsquery('simple', ${prefixQuery})`;
  const document = sql`to_tsvector('simple'::regconfig, ${searchText})`;
  const condition = sql`(${document} @@ ${tsQuery} or ${normalized} <% ${searchText})`;
  const rank = sql`round((
      case when ${plainName} = ${normalized} or lower(coalesce(${organizations.acronym}, '')) = ${normalized} then 2 else 0 end
    + case when starts_with(${plainName}, ${normalized}) then 1 else 0 end
    + ts_rank(${document}, ${tsQuery})
    + word_similarity(${normalized}, ${searchText})
    + similarity(${normalized}, ${plainName})
  )::numeric, 6)`;
  return { condition, rank };
}
