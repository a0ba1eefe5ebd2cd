import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, migrationsFolder, type DatabaseHandle } from './client.js';

/**
 * Fresh, migrated databases for tests. On PGlite a migrated template is built once per set of
 * migrations and restored per test file (initdb costs seconds); with TEST_DATABASE_URL or
 * DATABASE_URL set, each call creates a PostgreSQL database from a migrated template database.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  // Tests may read the environment: this file is test support, not application code.
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  return serverUrl ? createPostgresTestDatabase(serverUrl) : createPgliteTestDatabase();
}

const repositoryRoot = path.resolve(path.dirname(migrationsFolder), '../..');
const cacheDir = path.join(repositoryRoot, '.test-data');

function migrationsHash(): string {
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(migrationsFolder).filter((name) => name.endsWith('.sql')).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(migrationsFolder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function createPgliteTestDatabase(): Promise<DatabaseHandle> {
  const snapshot = await pgliteTemplate();
  return openDatabase({ memory: true, loadDataDir: new Blob([new Uint8Array(snapshot)]), migrate: false });
}

async function pgliteTemplate(): Promise<Buffer> {
  const file = path.join(cacheDir, `pglite-template-${migrationsHash()}.tar.gz`);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  fs.mkdirSync(cacheDir, { recursive: true });
  return withFileLock(`${file}.lock`, async () => {
    if (fs.existsSync(file)) return fs.readFileSync(file);
    const handle = await openDatabase({ memory: true });
    try {
      const dump = await handle.pglite!.dumpDataDir('gzip');
      const buffer = Buffer.from(await dump.arrayBuffer());
      fs.writeFileSync(`${file}.tmp`, buffer);
      fs.renameSync(`${file}.tmp`, file);
      return buffer;
    } finally {
      await handle.close();
    }
  });
}

async function createPostgresTestDatabase(serverUrl: string): Promise<DatabaseHandle> {
  const template = `consortia_template_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `consortia_test_${crypto.randomBytes(6).toString('hex')}`;
  try {
    // One migrated template per migration set, built under an advisory lock so parallel files agree.
    await admin.query('select pg_advisory_lock(724242)');
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (exists.rowCount === 0) {
        await admin.query(`create database ${template}`);
        const handle = await openDatabase({ databaseUrl: withDatabase(serverUrl, template) });
        await handle.close();
      }
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.query('select pg_advisory_unlock(724242)');
    }
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), migrate: false });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await cleanup.end();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withFileLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - fs.statSync(lockFile, { throwIfNoEntry: false })!.mtimeMs;
      if (age > 120_000) fs.rmSync(lockFile, { force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockFile}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}
