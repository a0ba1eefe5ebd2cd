import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { rows } from './rows.js';

/** Tables a refused request may legitimately write to: throttling records, sessions touched, the job queue. */
const bookkeeping = new Set(['login_attempts', 'survey_link_attempts', 'sessions', 'jobs', 'iati_imports', 'iati_import_files', '__drizzle_migrations']);

/** One query counting the rows of every application table: a cheap fingerprint of what is stored. */
export async function rowCounter(db: Database, extraExcluded: string[] = []): Promise<() => Promise<string>> {
  const tables = (await rows<{ table_name: string }>(db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`))
    .map((row) => row.table_name)
    .filter((name) => !bookkeeping.has(name) && !extraExcluded.includes(name));
  const query = sql.raw(`select ${tables.map((name) => `(select count(*) from "${name}")::text`).join(` || ',' || `)} as counts`);
  return async () => {
    const counts = (await rows<{ counts: string }>(db, query))[0]!.counts.split(',');
    return tables.map((name, index) => `${name}=${counts[index]}`).join(' ');
  };
}

/** Names the tables whose counts differ between two fingerprints. */
export function changedTables(before: string, after: string): string[] {
  const left = new Map(before.split(' ').map((entry) => entry.split('=') as [string, string]));
  return after
    .split(' ')
    .map((entry) => entry.split('=') as [string, string])
    .filter(([name, count]) => left.get(name) !== count)
    .map(([name, count]) => `${name}: ${left.get(name)} -> ${count}`);
}
