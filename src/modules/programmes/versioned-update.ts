import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { AppError, notFound } from '../../lib/errors.js';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/**
 * Updates one row only if it still has the version the client read, bumping the version: a stale
 * update is refused with 409 version_conflict and nothing is overwritten.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Database,
  options: { table: T; id: string; version: number; values: Record<string, unknown>; what: string; scope?: ReturnType<typeof eq> },
): Promise<T['$inferSelect']> {
  const { table } = options;
  const where = and(eq(table.id, options.id), options.scope);
  const values: Record<string, unknown> = { ...options.values, version: sql`${table.version} + 1` };
  if ('updatedAt' in table) values.updatedAt = new Date();
  const rows = (await db
    .update(table)
    .set(values as never)
    .where(and(where, eq(table.version, options.version)))
    .returning()) as Array<T['$inferSelect']>;
  if (rows[0]) return rows[0];
  const [existing] = (await db.select({ version: table.version }).from(table as PgTable).where(where).limit(1)) as Array<{ version: number }>;
  if (!existing) throw notFound(options.what);
  throw new AppError('version_conflict', `${options.what} was changed by someone else (now version ${existing.version}); reload and apply your change again`, {
    details: [{ pointer: '/version', message: `expected ${existing.version}`, value: options.version }],
  });
}
