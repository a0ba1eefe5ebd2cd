import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { normalizedQuery, plainName } from './search.js';
import type { OrganizationRow } from './get-organization.js';

/** Names at least this similar (pg_trgm similarity, 0..1) are reported as likely duplicates. */
export const NAME_SIMILARITY_THRESHOLD = 0.5;

export type DuplicateReason = 'identifier' | 'name';

/** Live organizations that may be the one about to be created: same identifier, or a very similar name. */
export async function findDuplicateCandidates(db: Database, options: { name?: string; identifier?: string; excludeId?: string; limit?: number }) {
  const name = options.name?.trim() || undefined;
  const identifier = options.identifier?.trim() || undefined;
  if (!name && !identifier) return [];
  const normalized = normalizedQuery(name ?? '');
  const sameIdentifier = identifier ? sql`coalesce(upper(${organizations.identifier}) = upper(${identifier}), false)` : sql`(${organizations.id} is null)`;
  const nameSimilarity = name ? sql<number>`similarity(${plainName}, ${normalized})` : sql<number>`(0 * ${organizations.version})`;
  // The % operator (index-backed, loose threshold) narrows the rows; the stricter threshold decides.
  const similarName = name ? sql`(${plainName} % ${normalized} and similarity(${plainName}, ${normalized}) >= ${NAME_SIMILARITY_THRESHOLD})` : sql`false`;
  const rows = await db
    .select({ organization: organizations, sameIdentifier: sql<boolean>`${sameIdentifier}`, similarity: sql<number>`(${nameSimilarity})::float8` })
    .from(organizations)
    .where(and(isNull(organizations.deletedAt), sql`(${sameIdentifier} or ${similarName})`, options.excludeId ? sql`${organizations.id} <> ${options.excludeId}` : undefined))
    .orderBy(sql`${sameIdentifier} desc`, sql`${nameSimilarity} desc`, organizations.id)
    .limit(options.limit ?? 10);
  return rows.map((row) => ({
    organization: row.organization,
    reasons: reasonsOf(Boolean(row.sameIdentifier), Number(row.similarity)),
    similarity: Math.round(Number(row.similarity) * 1000) / 1000,
  }));
}

function reasonsOf(sameIdentifier: boolean, similarity: number): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (sameIdentifier) reasons.push('identifier');
  if (similarity >= NAME_SIMILARITY_THRESHOLD) reasons.push('name');
  return reasons;
}

type PairRow = { first_id: string; second_id: string; same_identifier: boolean; similarity: number | string };

/** Likely duplicate pairs among live organizations, most similar first, cursor-paginated. */
export async function listDuplicatePairs(db: Database, options: { limit: number; cursor?: string }) {
  const after = decodeCursor(options.cursor, 3) as [number, string, string] | undefined;
  const result = await db.execute(sql`
    select * from (
      select a.id as first_id, b.id as second_id,
             coalesce(upper(a.identifier) = upper(b.identifier), false) as same_identifier,
             round(similarity(a.search_name, b.search_name)::numeric, 4)::float8 as similarity
      from ${organizations} a
      join ${organizations} b on a.id < b.id and b.deleted_at is null and (
        upper(a.identifier) = upper(b.identifier)
        or a.search_name % b.search_name)
      where a.deleted_at is null
    ) pairs
    where (same_identifier or similarity >= ${NAME_SIMILARITY_THRESHOLD})
    ${after ? sql`and (case when same_identifier then 2 else 1 end + similarity, first_id, second_id) < (${after[0]}::float8, ${after[1]}::uuid, ${after[2]}::uuid)` : sql``}
    order by case when same_identifier then 2 else 1 end + similarity desc, first_id desc, second_id desc
    limit ${options.limit + 1}`);
  const rows = (result as unknown as { rows: PairRow[] }).rows;
  const hasMore = rows.length > options.limit;
  const page = hasMore ? rows.slice(0, options.limit) : rows;
  const ids = [...new Set(page.flatMap((row) => [row.first_id, row.second_id]))];
  const byId = new Map<string, OrganizationRow>();
  if (ids.length > 0) {
    const found = await db.select().from(organizations).where(inArray(organizations.id, ids));
    for (const row of found) byId.set(row.id, row);
  }
  const items = page.map((row) => ({
    first: byId.get(row.first_id)!,
    second: byId.get(row.second_id)!,
    reasons: reasonsOf(Boolean(row.same_identifier), Number(row.similarity)),
    similarity: Number(row.similarity),
  }));
  const last = page.at(-1);
  const nextCursor = hasMore && last ? encodeCursor([(last.same_identifier ? 2 : 1) + Number(last.similarity), last.first_id, last.second_id]) : null;
  return { items, nextCursor };
}
