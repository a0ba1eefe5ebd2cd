import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { serializeQueries } from './serial-queries.js';

/**
 * The one place that knows which engine runs: PGlite (embedded, in DATA_DIR) by default,
 * PostgreSQL when a DATABASE_URL is given. Everything else sees a Drizzle `Database`.
 */
export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseHandle = {
  db: Database;
  engine: 'pglite' | 'postgres';
  /** Runs raw SQL with parameters; used for bulk work and health checks. */
  query: <Row = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<Row[]>;
  close: () => Promise<void>;
  /** The PGlite instance when embedded (for snapshots in tests); undefined on PostgreSQL. */
  pglite?: PGlite;
};

export type OpenDatabaseOptions =
  | { databaseUrl: string; dataDir?: string; migrate?: boolean }
  | { databaseUrl?: undefined; dataDir: string; migrate?: boolean; loadDataDir?: Blob | File }
  | { databaseUrl?: undefined; memory: true; migrate?: boolean; loadDataDir?: Blob | File };

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Opens the configured database, locks an embedded data folder, and applies pending migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl !== undefined ? await openPostgres(options.databaseUrl) : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await applyMigrations(handle);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

/** Applies the committed SQL migrations that have not run yet. */
export async function applyMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.engine === 'pglite') {
    await migratePglite(handle.db as Parameters<typeof migratePglite>[0], { migrationsFolder });
  } else {
    await migratePostgres(handle.db as Parameters<typeof migratePostgres>[0], { migrationsFolder });
  }
}

async function openPostgres(databaseUrl: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection (database restarted) must not crash the server.
  pool.on('error', () => {});
  // Each client runs its queries one at a time (a transaction's Promise.all included): see serial-queries.ts.
  pool.on('connect', serializeQueries);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new DatabaseUnavailableError(`Cannot connect to PostgreSQL: ${(error as Error).message}`);
  }
  const db = drizzlePostgres(pool, { schema }) as unknown as Database;
  return {
    db,
    engine: 'postgres',
    query: async <Row>(text: string, values?: unknown[]) => (await pool.query(text, values)).rows as Row[],
    close: () => pool.end(),
  };
}

async function openPglite(
  options: { dataDir: string; loadDataDir?: Blob | File } | { memory: true; loadDataDir?: Blob | File },
): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  let dataPath: string | undefined;
  if ('dataDir' in options) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    lock = acquireDataDirLock(options.dataDir);
    dataPath = path.join(options.dataDir, 'pglite');
  }
  try {
    const lite = await PGlite.create({
      ...(dataPath ? { dataDir: dataPath } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm, unaccent },
    });
    const db = drizzlePglite(lite, { schema }) as unknown as Database;
    return {
      db,
      engine: 'pglite',
      pglite: lite,
      query: async <Row>(text: string, values?: unknown[]) => (await lite.query<Row>(text, values)).rows,
      close: async () => {
        try {
          if (!lite.closed) await lite.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Checks the database answers; used by the health endpoint. */
export async function pingDatabase(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(sql`select 1`);
}

export class DatabaseUnavailableError extends Error {}
