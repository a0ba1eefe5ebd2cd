import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { backupDatabase } from '../../modules/backup/backup-database.js';
import { restoreDatabase } from '../../modules/backup/restore-database.js';

function onlyFile(args: string[]): string {
  const [file] = args;
  if (!file) throw new UsageError('expected the backup file');
  if (args.length > 1) throw new UsageError(`unexpected argument '${args[1] ?? ''}'`);
  return file;
}

/** Writes the whole database (embedded or PostgreSQL) to one portable file. */
export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Write the whole database to a portable backup file (gzip\'d JSON lines)',
  usage: 'backup FILE [--json]',
  options: { json: { type: 'boolean', description: 'Print { file, tables, rows } as JSON' } },
  needsDatabase: true,
  async run({ args, values, io, db }) {
    const file = onlyFile(args);
    const header = await backupDatabase(db!, { file });
    const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
    io.stdout(values.json === true ? JSON.stringify({ file, tables: header.tables.length, rows }) : `Wrote ${file}: ${header.tables.length} tables, ${rows} rows`);
    return 0;
  },
};

/** Loads a backup file into an empty database (or replaces everything with --force), in one transaction. */
export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Load a backup file into an empty database (--force replaces what is there)',
  usage: 'restore FILE [--force] [--json]',
  options: {
    force: { type: 'boolean', description: 'Replace everything in a database that is not empty' },
    json: { type: 'boolean', description: 'Print { file, tables, rows, warnings } as JSON' },
  },
  needsDatabase: true,
  async run({ args, values, io, db }) {
    const file = onlyFile(args);
    const result = await restoreDatabase(db!, { file, force: values.force === true });
    for (const warning of result.warnings) io.stderr(`warning: ${warning}`);
    io.stdout(values.json === true ? JSON.stringify({ file, ...result }) : `Restored ${file}: ${result.tables} tables, ${result.rows} rows`);
    return 0;
  },
};
