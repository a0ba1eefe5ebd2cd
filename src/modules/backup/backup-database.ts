import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { Database } from '../../db/client.js';
import { rawQuery, type RawQuery } from '../../db/raw-query.js';
import { listTables, quoteIdentifier, type TableInfo } from './tables.js';

/** The format written in the first line of every backup; restore refuses a newer one. */
export const BACKUP_FORMAT = 'consortia.backup/1';
export const BACKUP_FORMAT_VERSION = 1;
const BATCH = 500;

export type BackupHeader = {
  format: string;
  createdAt: string;
  /** The engine that wrote it (pglite or postgres), for information only. */
  engine?: string;
  migrations: { count: number; last: number | null };
  tables: Array<{ name: string; rows: number }>;
};

/** How many migrations the database has applied (drizzle's own table), and the newest one's timestamp. */
export async function migrationState(query: RawQuery): Promise<BackupHeader['migrations']> {
  const [row] = await query<{ count: number | string; last: number | string | null }>(
    'select count(*) as count, max(created_at) as last from drizzle.__drizzle_migrations',
  );
  return { count: Number(row?.count ?? 0), last: row?.last === null || row?.last === undefined ? null : Number(row.last) };
}

/**
 * Writes the whole database to FILE as gzip'd JSON lines: a header (format, migrations, row
 * counts), then per table, parents first, a `{"$table", "columns"}` line and one line per row:
 * the row as PostgreSQL's own jsonb text (bytea as \x hex, numerics exact, never parsed here),
 * which jsonb_populate_recordset reads back on PGlite and PostgreSQL alike. One read-only snapshot.
 */
export async function backupDatabase(db: Database, options: { file: string; engine?: string }): Promise<BackupHeader> {
  return db.transaction(
    async (tx) => {
      const query = rawQuery(tx as unknown as Database);
      const tables = await listTables(query);
      const counts: BackupHeader['tables'] = [];
      for (const table of tables) {
        const [row] = await query<{ count: number | string }>(`select count(*) as count from ${quoteIdentifier(table.name)}`);
        counts.push({ name: table.name, rows: Number(row?.count ?? 0) });
      }
      const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), ...(options.engine ? { engine: options.engine } : {}), migrations: await migrationState(query), tables: counts };
      const gzip = createGzip();
      const output = createWriteStream(options.file);
      const finished = new Promise<void>((resolve, reject) => {
        output.on('finish', resolve).on('error', reject);
        gzip.on('error', reject);
      });
      gzip.pipe(output);
      const write = async (line: string) => {
        if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
      };
      try {
        await write(JSON.stringify(header));
        for (const table of tables) {
          await write(JSON.stringify({ $table: table.name, columns: table.columns }));
          for await (const rows of readRows(query, table)) {
            for (const row of rows) await write(row);
          }
        }
      } finally {
        gzip.end();
      }
      await finished;
      return header;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Reads a table in primary-key order, a batch at a time (keyset pagination, whatever the key's type). */
async function* readRows(query: RawQuery, table: TableInfo): AsyncGenerator<string[]> {
  const name = quoteIdentifier(table.name);
  const drop = table.generated.length > 0 ? ` - '{${table.generated.join(',')}}'::text[]` : '';
  const keyObject = `jsonb_build_object(${table.primaryKey.map((column) => `'${column}', t.${quoteIdentifier(column)}`).join(', ')})::text`;
  const select = `select (to_jsonb(t)${drop})::text as row${table.primaryKey.length > 0 ? `, ${keyObject} as key` : ''} from ${name} t`;
  if (table.primaryKey.length === 0) {
    yield (await query<{ row: string }>(select)).map((r) => r.row);
    return;
  }
  const key = table.primaryKey.map(quoteIdentifier).join(', ');
  const ordered = table.primaryKey.map((column) => `t.${quoteIdentifier(column)}`).join(', ');
  let last: string | undefined;
  for (;;) {
    const rows = last
      ? await query<{ row: string; key: string }>(
          `${select} where (${ordered}) > (select ${key} from jsonb_populate_record(null::${name}, $1::jsonb)) order by ${ordered} limit ${BATCH}`,
          [last],
        )
      : await query<{ row: string; key: string }>(`${select} order by ${ordered} limit ${BATCH}`);
    if (rows.length === 0) return;
    yield rows.map((r) => r.row);
    if (rows.length < BATCH) return;
    last = rows.at(-1)!.key;
  }
}
