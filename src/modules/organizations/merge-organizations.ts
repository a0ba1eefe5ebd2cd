import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizationMerges, organizations } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';

/** A foreign-key column that points at organizations.id. */
export type OrganizationReference = { table: string; column: string };

/**
 * References a merge does not move: the merge record itself names both organizations on purpose.
 * Every other foreign key to organizations, whichever module adds it, is moved.
 */
export const referencesKeptByMerge: readonly OrganizationReference[] = [
  { table: 'organization_merges', column: 'merged_organization_id' },
  { table: 'organization_merges', column: 'survivor_organization_id' },
];

/** Every foreign-key column to organizations.id, read from the database catalogue (so new modules are covered). */
export async function findOrganizationReferences(db: Database): Promise<OrganizationReference[]> {
  const result = await db.execute(sql`
    select cl.relname as table_name, a.attname as column_name
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.confrelid = 'public.organizations'::regclass and n.nspname = 'public'
    order by cl.relname, a.attname`);
  const rows = (result as unknown as { rows: Array<{ table_name: string; column_name: string }> }).rows;
  return rows.map((row) => ({ table: row.table_name, column: row.column_name }));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Merges one organization into another, in one transaction: every reference moves to the
 * survivor (rows the survivor already has, such as a second membership of the same programme or
 * a relationship between the two, are dropped and counted), the merged profile's names and
 * missing fields enrich the survivor, the merged one is soft-deleted, and the merge is recorded.
 */
export async function mergeOrganizations(db: Database, options: { actor: Actor; mergedId: string; survivorId: string }) {
  const { mergedId, survivorId } = options;
  if (mergedId === survivorId) throw new AppError('conflict', 'An organization cannot be merged with itself');
  return db.transaction(async (tx) => {
    // Lock both rows in a fixed order so that two concurrent merges cannot cross.
    await tx.execute(sql`select id from ${organizations} where id in (${mergedId}, ${survivorId}) order by id for update`);
    const [merged] = await tx.select().from(organizations).where(eq(organizations.id, mergedId));
    const [survivor] = await tx.select().from(organizations).where(eq(organizations.id, survivorId));
    if (!merged) throw notFound('Organization');
    if (!survivor) throw new AppError('validation_failed', 'into: is not an organization of this instance', { details: [{ pointer: '/into', message: 'is not an organization of this instance' }] });
    if (merged.deletedAt) throw new AppError('conflict', 'This organization is deleted; a deleted organization cannot be merged');
    if (survivor.deletedAt) throw new AppError('conflict', 'The organization to merge into is deleted; a deleted organization cannot be merged');

    // Relationships between the two would become ties of the survivor with itself.
    await tx.execute(sql`delete from private_notes where relationship_id in (select id from relationships where (source_organization_id = ${mergedId} and target_organization_id = ${survivorId}) or (source_organization_id = ${survivorId} and target_organization_id = ${mergedId}))`);
    const selfTies = await tx.execute(sql`delete from relationships where (source_organization_id = ${mergedId} and target_organization_id = ${survivorId}) or (source_organization_id = ${survivorId} and target_organization_id = ${mergedId})`);
    const moved: Record<string, number> = {};
    const selfTieCount = affected(selfTies);
    if (selfTieCount > 0) moved['relationships (between the two, dropped)'] = selfTieCount;

    // The merged row gives up its identifier first, so the survivor may take it (it is unique among live rows).
    await tx.update(organizations).set({ deletedAt: new Date(), mergedIntoId: survivorId, identifier: null, updatedAt: new Date(), version: sql`${organizations.version} + 1` }).where(eq(organizations.id, mergedId));

    const kept = new Set(referencesKeptByMerge.map((reference) => `${reference.table}.${reference.column}`));
    for (const reference of await findOrganizationReferences(tx)) {
      const key = `${reference.table}.${reference.column}`;
      if (kept.has(key)) continue;
      const result = await moveReference(tx, reference, mergedId, survivorId);
      if (result.moved > 0) moved[key] = result.moved;
      if (result.dropped > 0) moved[`${key} (already on the survivor, dropped)`] = result.dropped;
    }

    const [updatedSurvivor] = await tx
      .update(organizations)
      .set({
        identifier: survivor.identifier ?? merged.identifier,
        acronym: survivor.acronym ?? merged.acronym,
        type: survivor.type ?? merged.type,
        country: survivor.country ?? merged.country,
        scope: survivor.scope ?? merged.scope,
        website: survivor.website ?? merged.website,
        mission: survivor.mission ?? merged.mission,
        values: survivor.values ?? merged.values,
        notes: [survivor.notes, merged.notes].filter(Boolean).join('\n\n') || null,
        otherNames: unique([...survivor.otherNames, merged.name, ...(merged.acronym && merged.acronym !== survivor.acronym ? [merged.acronym] : []), ...merged.otherNames]).filter((name) => name !== survivor.name),
        sectors: unique([...survivor.sectors, ...merged.sectors]),
        competences: unique([...survivor.competences, ...merged.competences]),
        areasOfInfluence: unique([...survivor.areasOfInfluence, ...merged.areasOfInfluence]),
        updatedAt: new Date(),
        version: sql`${organizations.version} + 1`,
      })
      .where(eq(organizations.id, survivorId))
      .returning();

    const [record] = await tx
      .insert(organizationMerges)
      .values({ mergedOrganizationId: mergedId, survivorOrganizationId: survivorId, mergedBy: options.actor.userId, moved, snapshot: { ...merged, createdAt: merged.createdAt.toISOString(), updatedAt: merged.updatedAt.toISOString(), deletedAt: null } })
      .returning();
    return { merge: record!, survivor: updatedSurvivor!, moved };
  });
}

/**
 * Moves one reference column from the merged organization to the survivor. When a unique
 * constraint says the survivor already has the equivalent row, that row of the merged one is
 * dropped instead; anything else that fails aborts the whole merge.
 */
async function moveReference(tx: Database, reference: OrganizationReference, mergedId: string, survivorId: string): Promise<{ moved: number; dropped: number }> {
  const table = sql.raw(quote(reference.table));
  const column = sql.raw(quote(reference.column));
  await tx.execute(sql`savepoint merge_reference`);
  try {
    const result = await tx.execute(sql`update ${table} set ${column} = ${survivorId} where ${column} = ${mergedId}`);
    await tx.execute(sql`release savepoint merge_reference`);
    return { moved: affected(result), dropped: 0 };
  } catch (error) {
    await tx.execute(sql`rollback to savepoint merge_reference`);
    if (!isUniqueViolation(error)) throw error;
  }
  // Row by row: move what can move, drop what the survivor already has.
  const rows = (await tx.execute(sql`select ctid::text as row_id from ${table} where ${column} = ${mergedId}`)) as unknown as { rows: Array<{ row_id: string }> };
  let moved = 0;
  let dropped = 0;
  for (const { row_id: rowId } of rows.rows) {
    await tx.execute(sql`savepoint merge_row`);
    try {
      await tx.execute(sql`update ${table} set ${column} = ${survivorId} where ctid = ${rowId}::tid`);
      await tx.execute(sql`release savepoint merge_row`);
      moved += 1;
    } catch (error) {
      await tx.execute(sql`rollback to savepoint merge_row`);
      if (!isUniqueViolation(error)) throw error;
      await tx.execute(sql`delete from ${table} where ctid = ${rowId}::tid`).catch((deleteError: unknown) => {
        throw new AppError('conflict', `Cannot merge: a row of ${reference.table} duplicates one of the survivor and cannot be removed (${(deleteError as Error).message})`);
      });
      dropped += 1;
    }
  }
  return { moved, dropped };
}

function affected(result: unknown): number {
  const value = result as { rowCount?: number | null; affectedRows?: number };
  return Number(value.rowCount ?? value.affectedRows ?? 0);
}

function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.trim() !== ''))];
}
