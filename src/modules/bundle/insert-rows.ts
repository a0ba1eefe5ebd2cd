import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

/** Rows per statement: PostgreSQL allows 65,535 parameters, and a few thousand keep statements quick to plan. */
const ROWS_PER_STATEMENT = 1_000;

/**
 * Inserts many rows with multi-row parameterised INSERTs, in batches: building one ORM insert per
 * row costs far more than the database work for bulk imports (see STACK-NOTES, "Bulk loading").
 * `columns` are SQL column names; each row gives one value per column, in order.
 */
export async function insertRows(db: Database, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const head = sql.raw(`insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values `);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    const tuples: SQL[] = batch.map((row) => sql`(${sql.join(row.map((value) => sql`${value}`), sql`, `)})`);
    await db.execute(sql`${head}${sql.join(tuples, sql`, `)}`);
  }
}
