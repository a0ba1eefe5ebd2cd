import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { decodeCursor } from '../../lib/pagination.js';
import type { ListQuery } from './schemas.js';

type DatedTable = { programmeId: PgColumn; date: PgColumn | SQL; id: PgColumn };

/** The WHERE of a newest-first keyset page over a dated log table (served by its (programme, date, id) index). */
export function pageWhere(table: DatedTable, programmeId: string, query: Pick<ListQuery, 'from' | 'to' | 'cursor'>, extra?: SQL): SQL {
  const conditions: Array<SQL | undefined> = [eq(table.programmeId, programmeId), extra];
  if (query.from) conditions.push(sql`${table.date} >= ${query.from}::date`);
  if (query.to) conditions.push(sql`${table.date} <= ${query.to}::date`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) conditions.push(sql`(${table.date}, ${table.id}) < (${String(cursor[0])}::date, ${String(cursor[1])}::uuid)`);
  return and(...conditions)!;
}

/** Newest first, ties broken by id so that pages never overlap. */
export const newestFirst = (table: DatedTable) => [desc(table.date), desc(table.id)];

/** The cursor key of a dated row. */
export const dateKey = (row: { date: string | null; id: string }) => [row.date, row.id];
