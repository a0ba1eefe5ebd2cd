// Queries that run on (almost) every request are prepared once per database session: Drizzle builds
// their SQL once instead of on every call (building is a large share of a light request's cost),
// and on PostgreSQL they are named statements that each connection parses once. A prepared query
// runs on the session it was prepared on, so it is kept per session: the database's own for reads
// outside transactions (where the gain is), a transaction's for the queries inside it (it must see
// the transaction's own writes and use its connection). The session is read through whatever
// wraps the database (the request's scoped database, a test's case transaction), at call time.
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

