import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { rawQuery, type RawQuery } from '../../db/raw-query.js';
import { BACKUP_FORMAT_VERSION, migrationState, type BackupHeader } from './backup-database.js';
import { listTables, quoteIdentifier, type TableInfo } from './tables.js';

const BATCH = 500;

export type RestoreResult = { tables: number; rows: number; warnings: string[] };

/**
 * Loads a file written by backupDatabase into this database, in one transaction: it refuses a
 * newer format or a file from a newer schema, and a database that already holds organizations or
 * users unless `force` (then everything in it is replaced). The audit triggers stand aside, so
 * the trail comes back as it was recorded.
 */
export async function restoreDatabase(db: Database, options: { file: string; force: boolean }): Promise<RestoreResult> {
  const lines = readLines(options.file);
  const header = parseHeader(await nextLine(lines));
  return db.transaction(async (tx) => {
    const query = rawQuery(tx as unknown as Database);
    const target = await migrationState(query);
    if (header.migrations.count > target.count) {
      throw new AppError('conflict', `The backup comes from a newer version (${header.migrations.count} migrations; this database has ${target.count}): upgrade Consortia before restoring it`);
    }
    const [state] = await query<{ used: boolean }>('select exists (select 1 from organizations) or exists (select 1 from users) as used');
    if (state?.used && !options.force) {
      throw new AppError('conflict', 'The database is not empty (it has organizations or users); restore into an empty one, or pass --force to replace everything in it');
    }
    await query(`select set_config('consortia.restoring', 'on', true)`);
    const tables = new Map((await listTables(query)).map((table) => [table.name, table]));
    await query(`truncate table ${[...tables.keys()].map(quoteIdentifier).join(', ')} restart identity cascade`);

    const warnings: string[] = [];
    let loaded = 0;
    let current: { table: TableInfo; columns: string[]; pending: string[]; deferred: string[][]; count: number } | undefined;
    const finishTable = async () => {
      if (!current) return;
      await insertBatch(query, current);
      for (const batch of current.deferred) await linkSelfReferences(query, current.table, batch);
      const expected = header.tables.find((table) => table.name === current!.table.name)?.rows;
      if (expected !== undefined && expected !== current.count) throw new AppError('bad_request', `The backup is damaged: ${current.table.name} holds ${current.count} rows, its header says ${expected}`);
      loaded += current.count;
    };
    for await (const line of lines) {
      if (line === '') continue;
      if (line.startsWith('{"$table"')) {
        await finishTable();
        const section = JSON.parse(line) as { $table: string; columns: string[] };
        const table = tables.get(section.$table);
        if (!table) {
          warnings.push(`table ${section.$table} no longer exists; its rows were skipped`);
          current = undefined;
          continue;
        }
        current = { table, columns: section.columns.filter((column) => table.columns.includes(column)), pending: [], deferred: [], count: 0 };
        continue;
      }
      if (!current) continue;
      current.pending.push(line);
      current.count += 1;
      if (current.pending.length >= BATCH) await insertBatch(query, current);
    }
    await finishTable();
    for (const table of tables.values()) await moveSequences(query, table);
    return { tables: header.tables.length, rows: loaded, warnings };
  });
}

async function insertBatch(query: RawQuery, current: { table: TableInfo; columns: string[]; pending: string[]; deferred: string[][] }): Promise<void> {
  if (current.pending.length === 0) return;
  const { table, columns } = current;
  const name = quoteIdentifier(table.name);
  // Rows of a table that points at itself arrive in key order, not parents first: those links are set once all rows exist.
  // A table that the database fills itself from another (a trigger-kept index such as registry_search_words) may
  // already hold a restored row: the copy from the file is then the same row, skipped.
  const values = columns.map((column) => (table.selfReferences.includes(column) ? 'null' : `s.${quoteIdentifier(column)}`));
  await query(
    `insert into ${name} (${columns.map(quoteIdentifier).join(', ')}) overriding system value select ${values.join(', ')} from jsonb_populate_recordset(null::${name}, $1::jsonb) s on conflict do nothing`,
    [`[${current.pending.join(',')}]`],
  );
  if (table.selfReferences.some((column) => columns.includes(column))) current.deferred.push(current.pending);
  current.pending = [];
}

async function linkSelfReferences(query: RawQuery, table: TableInfo, batch: string[]): Promise<void> {
  const name = quoteIdentifier(table.name);
  const set = table.selfReferences.map((column) => `${quoteIdentifier(column)} = s.${quoteIdentifier(column)}`).join(', ');
  const match = table.primaryKey.map((column) => `t.${quoteIdentifier(column)} = s.${quoteIdentifier(column)}`).join(' and ');
  const any = table.selfReferences.map((column) => `s.${quoteIdentifier(column)} is not null`).join(' or ');
  await query(`update ${name} t set ${set} from jsonb_populate_recordset(null::${name}, $1::jsonb) s where ${match} and (${any})`, [`[${batch.join(',')}]`]);
}

async function moveSequences(query: RawQuery, table: TableInfo): Promise<void> {
  for (const column of table.sequenced) {
    const name = quoteIdentifier(table.name);
    const quoted = quoteIdentifier(column);
    await query(`select setval(pg_get_serial_sequence($1, $2), coalesce(max(${quoted}), 1), max(${quoted}) is not null) from ${name}`, [name, column]);
  }
}

function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> | undefined;
  try {
    header = line ? (JSON.parse(line) as Partial<BackupHeader>) : undefined;
  } catch {
    header = undefined;
  }
  const match = typeof header?.format === 'string' ? /^consortia\.backup\/(\d+)$/.exec(header.format) : null;
  if (!header || !match || !header.migrations || !Array.isArray(header.tables)) throw new AppError('bad_request', 'This is not a Consortia backup file');
  if (Number(match[1]) > BACKUP_FORMAT_VERSION) throw new AppError('conflict', `The backup uses a newer format (${header.format}); upgrade Consortia to restore it`);
  return header as BackupHeader;
}

function readLines(file: string): AsyncIterableIterator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  return createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
}

async function nextLine(lines: AsyncIterableIterator<string>): Promise<string | undefined> {
  try {
    const next = await lines.next();
    return next.done ? undefined : next.value;
  } catch (error) {
    throw new AppError('bad_request', `Cannot read the backup file: ${(error as Error).message}`);
  }
}
