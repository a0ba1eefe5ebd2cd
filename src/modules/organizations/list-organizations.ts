import { and, asc, eq, gt, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, relationships } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { resolveRelationshipKey } from '../relationships/types.js';
import { searchOrganizations } from './search-page.js';
import type { DirectorySearch } from './directory-search.js';
import type { OrganizationListQuery } from './schemas.js';

/** The filters of the directory, as WHERE conditions (access is part of the query: deleted ones only for those who may restore them). */
export function organizationFilters(actor: Actor, query: Omit<OrganizationListQuery, 'limit' | 'cursor' | 'q'>): SQL[] {
  const conditions: SQL[] = [];
  if (query.deleted === 'true') {
    conditions.push(isNotNull(organizations.deletedAt), isNull(organizations.mergedIntoId));
    if (!actor.isInstanceAdmin) {
      conditions.push(or(eq(organizations.id, actor.organizationId), eq(organizations.createdByOrganizationId, actor.organizationId))!);
    }
  } else {
    conditions.push(isNull(organizations.deletedAt));
  }
  if (query.type) conditions.push(eq(organizations.type, query.type));
  if (query.country) conditions.push(eq(organizations.country, query.country));
  if (query.scope) conditions.push(eq(organizations.scope, query.scope));
  if (query.sector) conditions.push(sql`${organizations.sectors} @> array[${query.sector}]::text[]`);
  if (query.relationship) conditions.push(relationshipCondition(query.relationship, query.relatedTo));
  return conditions;
}

function relationshipCondition(key: NonNullable<OrganizationListQuery['relationship']>, relatedTo: string | undefined): SQL {
  const { type, side } = resolveRelationshipKey(key);
  const live = sql`${relationships.type} = ${type} and ${relationships.deletedAt} is null`;
  const asSource = sql`${relationships.sourceOrganizationId} = ${organizations.id}${relatedTo ? sql` and ${relationships.targetOrganizationId} = ${relatedTo}` : sql``}`;
  const asTarget = sql`${relationships.targetOrganizationId} = ${organizations.id}${relatedTo ? sql` and ${relationships.sourceOrganizationId} = ${relatedTo}` : sql``}`;
  const sides = side === 'source' ? asSource : side === 'target' ? asTarget : sql`((${asSource}) or (${asTarget}))`;
  return sql`exists (select 1 from ${relationships} where ${live} and ${sides})`;
}

/** Lists organizations: by relevance when searching (q, see search-page.ts), by name otherwise; cursor-paginated. */
export async function listOrganizations(db: Database, options: { actor: Actor; query: OrganizationListQuery; directory?: DirectorySearch }) {
  const { query, directory } = options;
  // A query with no letters or digits in it matches nothing (rather than everything).
  // The in-process index holds the organizations that are not deleted, with the filters of their own columns.
  if (query.q && directory && query.deleted !== 'true' && !query.relationship) {
    const filters = { type: query.type, country: query.country, scope: query.scope, sector: query.sector };
    const page = await directory.search(db, { q: query.q, filters, limit: query.limit, cursor: query.cursor });
    if (page) return page;
  }
  const conditions = organizationFilters(options.actor, query);
  if (query.q) return searchOrganizations(db, { q: query.q, filters: conditions, limit: query.limit, cursor: query.cursor });

  const after = decodeCursor(query.cursor, 2);
  if (after) {
    const [name, id] = after as [string, string];
    conditions.push(or(gt(organizations.name, name), and(eq(organizations.name, name), gt(organizations.id, id)))!);
  }
  const rows = await db
    .select()
    .from(organizations)
    .where(and(...conditions))
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(query.limit + 1);
  return paginate(rows, query.limit, (row) => [row.name, row.id]);
}
