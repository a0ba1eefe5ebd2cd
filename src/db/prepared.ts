// Queries that run on (almost) every request are prepared once per database session: Drizzle builds
// their SQL once instead of on every call (building is a large share of a light request's cost),
// and on PostgreSQL they are named statements that each connection parses once. A prepared query
// runs on the session it was prepared on, so it is kept per session: the database's own for reads
// outside transactions (where the gain is), a transaction's for the queries inside it (it must see
// the transaction's own writes and use its connection). The session is read through whatever
// wraps the database (the request's scoped database, a test's case transaction), at call time.
import pg from 'pg';
import type { Database } from './client.js';

/** A function answering the query `prepare` builds, prepared once for each database session it is asked for. */
export function preparedPerDatabase<Prepared>(prepare: (db: Database) => Prepared): (db: Database) => Prepared {
  const prepared = new WeakMap<object, Prepared>();
  return (db) => {
    const session = (db as unknown as { session?: object }).session;
    if (session === undefined) throw new Error('preparedPerDatabase: no session on this database object');
    let query = prepared.get(session);
    if (query === undefined) {
      // Prepared at once, on the same session: a wrapper resolves to the same target within this call.
      query = prepare(db);
      prepared.set(session, query);
    }
    return query;
  };
}

type DriverClient = { query: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> };

/**
 * Runs a constant SQL text with its values: on PostgreSQL as a named statement (each connection
 * parses it once; PostgreSQL may then keep a generic plan, so use it for look-ups whose best plan
 * does not depend on the values), on PGlite as a plain query. On the session `db` runs on now.
 */
export async function runNamed<Row>(db: Database, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof pg.Pool || client instanceof pg.Client) return (await client.query({ name, text, values })).rows as Row[];
  if (!client || typeof (client as DriverClient).query !== 'function') throw new Error('runNamed: no driver client on this database object');
  return (await (client as DriverClient).query(text, values)).rows as Row[];
}
