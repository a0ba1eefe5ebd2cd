// Raw parameterised SQL on the driver that Drizzle holds (pg or PGlite), inside whatever database
// or transaction it is given: for bulk work where building SQL through the ORM would cost more than
// running it (the IATI import, backup and restore, the job queue), and for constant statements run
// on every request.
import pg from 'pg';
import type { Database } from './client.js';

export type RawQuery = <Row = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<Row[]>;

type DriverClient = { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

/** The driver client under a Drizzle database or transaction: pg Pool or PoolClient, PGlite or its Transaction. */
function driverClient(db: Database): DriverClient {
  // Both drivers keep their client on the session; read at call time, through any wrapper.
  const client = (db as unknown as { session?: { client?: DriverClient } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('no driver client on this database object');
  return client;
}

/** The driver's own query function under a Drizzle database or transaction. */
export function rawQuery(db: Database): RawQuery {
  const client = driverClient(db);
  return async <Row>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as Row[];
}

/**
 * Runs a constant SQL text with its values: on PostgreSQL as a named statement (each connection
 * parses it once; PostgreSQL may then keep a generic plan, so use it for look-ups whose best plan
 * does not depend on the values), on PGlite as a plain query.
 */
export async function runNamed<Row>(db: Database, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const client = driverClient(db);
  if (client instanceof pg.Pool || client instanceof pg.Client) return (await client.query({ name, text, values })).rows as Row[];
  return (await client.query(text, values)).rows as Row[];
}

/**
 * Whether this database object runs inside a transaction (a pg client checked out of the pool, a
 * PGlite transaction): what it reads may include writes that could still be rolled back.
 */
export function inTransaction(db: Database): boolean {
  const client = driverClient(db);
  if (client instanceof pg.Pool) return false;
  return typeof (client as { transaction?: unknown }).transaction !== 'function';
}
