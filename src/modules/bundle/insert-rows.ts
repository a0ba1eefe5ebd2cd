import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

/** Rows per statement: each column travels as one array parameter, so a batch costs a handful of parameters. */
const ROWS_PER_STATEMENT = 5_000;

/** A column to fill: its SQL name and the PostgreSQL type of its values ("uuid", "text", "numeric"...). */
export type BulkColumn = [name: string, type: 'uuid' | 'text' | 'integer' | 'numeric' | 'date' | 'boolean' | 'timestamptz'];

/**
 * Inserts many rows with multi-row INSERTs, in batches: `insert ... select * from unnest($1::uuid[],
 * $2::text[], ...)`, one array parameter per column. Building one ORM insert per row, or even a
 * VALUES list with a parameter per cell, costs far more than the database work for bulk imports
 * (see STACK-NOTES, "Bulk loading"). Each row gives one value per column, in order.
 */
export async function insertRows(db: Database, table: string, columns: BulkColumn[], rows: unknown[][]): Promise<void> {
  const head = sql.raw(`insert into "${table}" (${columns.map(([name]) => `"${name}"`).join(', ')}) select * from unnest(`);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    const arrays: SQL[] = columns.map(([, type], index) => sql`${sql.param(batch.map((row) => row[index] ?? null))}::${sql.raw(type)}[]`);
    await db.execute(sql`${head}${sql.join(arrays, sql`, `)})`);
  }
}
