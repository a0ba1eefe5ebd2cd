// Raw parameterised SQL inside a Drizzle transaction, for the bulk import. Drizzle's insert
// builder costs ~33 µs a row just to build SQL (STACK-NOTES, "Bulk loading"); the import writes
// millions of rows, so it sends multi-row INSERTs straight to the driver that Drizzle holds.
import type { Database } from '../../db/client.js';

export type RawQuery = <Row = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<Row[]>;

type DriverClient = { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

/** The driver's own query function under a Drizzle database or transaction (pg or PGlite). */
export function rawQuery(db: Database): RawQuery {
  // Both drivers keep their client (pg PoolClient/Pool, PGlite or its Transaction) on the session.
  const client = (db as unknown as { session?: { client?: DriverClient } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('rawQuery: no driver client on this database object');
  return async <Row>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as Row[];
}

// PostgreSQL takes at most 65,535 parameters in one statement.
const maxParameters = 60_000;

/** Inserts rows with multi-row parameterised INSERTs; `casts` gives an optional SQL cast per column. */
export async function insertMany(query: RawQuery, table: string, columns: string[], rows: unknown[][], casts: Record<string, string> = {}): Promise<void> {
  if (rows.length === 0) return;
  const width = columns.length;
  const perStatement = Math.max(1, Math.min(2_000, Math.floor(maxParameters / width)));
  const head = `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values `;
  const castOf = columns.map((column) => (casts[column] ? `::${casts[column]}` : ''));
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const row of batch) {
      const base = values.length;
      tuples.push(`(${row.map((_, index) => `$${base + index + 1}${castOf[index]}`).join(', ')})`);
      for (const value of row) values.push(value);
    }
    await query(head + tuples.join(', '), values);
  }
}

// Rows per unnest statement: one parameter per column whatever the row count, so the size is
// bounded by memory only; 5,000 keeps each statement short.
const rowsPerUnnest = 5_000;

/**
 * Inserts rows of scalar columns with `insert ... select * from unnest($1::type[], ...)`: one
 * array parameter per column instead of one parameter per value, which PostgreSQL parses and
 * plans in a fraction of the time a multi-row VALUES list of the same rows takes.
 */
export async function insertUnnest(query: RawQuery, table: string, columns: Array<[name: string, type: string]>, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  const text = `insert into "${table}" (${names}) select * from unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += rowsPerUnnest) {
    const batch = rows.slice(start, start + rowsPerUnnest);
    await query(text, columns.map((_, index) => batch.map((row) => row[index] ?? null)));
  }
}
