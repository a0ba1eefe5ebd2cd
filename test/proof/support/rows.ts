import type { SQL } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';

/** Runs a query and returns its rows, on PGlite and PostgreSQL alike. */
export async function rows<T = Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
