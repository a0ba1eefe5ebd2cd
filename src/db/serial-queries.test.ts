import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createTestDatabase } from './test-database.js';
import type { Database, DatabaseHandle } from './client.js';
import { scopedDatabase } from './transaction-scope.js';
import { registerRequestTransactions } from '../server/request-transaction.js';

// PGlite runs one query at a time by itself (its transactions included); node-postgres queues a
// second query on a busy client only until pg 9, and warns. These tests hold our pool clients to
// one query at a time: results right and in call order, and no warning (each test checks all
// warnings so far: pg warns once per process).

const queuedQueryWarning = /already executing a query/;
const warnings: string[] = [];
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
/** pg's deprecation notice goes through process.emitWarning: recorded here, not printed. */
const recordWarning = (warning: string | Error, ...rest: unknown[]) => {
  const message = typeof warning === 'string' ? warning : warning.message;
  if (queuedQueryWarning.test(message)) warnings.push(message);
  else emitWarning(warning, ...rest);
};

type ProbeRow = { n: number; seq: string };
/** The first row of a query through Drizzle (the pg result's rows; Database types it loosely). */
const firstRow = async <Row>(result: Promise<unknown>) => ((await result) as { rows: Row[] }).rows[0]!;
/** The order in which PostgreSQL ran each query: a sequence value taken as it runs. */
const probe = (db: Database, n: number) => firstRow<ProbeRow>(db.execute(sql`select ${n}::int as n, nextval('serial_probe') as seq`));
const orderOf = (rows: Array<{ seq: string }>) => rows.map((row) => Number(row.seq));
const increasing = (values: number[]) => values.every((value, index) => index === 0 || value > values[index - 1]!);

describe.runIf(Boolean(process.env.DATABASE_URL))('queries on one PostgreSQL client', () => {
  let database: DatabaseHandle;
  let pool: pg.Pool;

  beforeAll(async () => {
    vi.spyOn(process, 'emitWarning').mockImplementation(recordWarning as typeof process.emitWarning);
    database = await createTestDatabase();
    pool = (database.db as unknown as { $client: pg.Pool }).$client;
    await database.query('create sequence serial_probe');
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await database?.close();
  });

  it('runs a Promise.all inside db.transaction one query after the other, in call order', async () => {
    const numbers = [1, 2, 3, 4, 5, 6, 7, 8];
    const rows = await database.db.transaction((tx) => Promise.all(numbers.map((n) => probe(tx as unknown as Database, n))));
    expect(rows.map((row) => row.n)).toEqual(numbers);
    expect(increasing(orderOf(rows))).toBe(true);
    expect(warnings.filter((message) => queuedQueryWarning.test(message))).toEqual([]);
  });

  it("runs a Promise.all on app.db inside a request's transaction, in call order", async () => {
    const app = Fastify({ logger: false });
    const db = scopedDatabase(database.db);
    registerRequestTransactions(app, database.db);
    app.post('/api/probe', async () => {
      const [rows, transactions] = await Promise.all([
        Promise.all([1, 2, 3, 4, 5].map((n) => probe(db, n))),
        Promise.all([1, 2, 3].map(() => firstRow<{ id: string }>(db.execute(sql`select txid_current()::text as id`)))),
      ]);
      return { rows, transactions: transactions.map((row) => row.id) };
    });
    try {
      const response = await app.inject({ method: 'POST', url: '/api/probe' });
      expect(response.statusCode).toBe(200);
      const body = response.json() as { rows: ProbeRow[]; transactions: string[] };
      expect(body.rows.map((row) => row.n)).toEqual([1, 2, 3, 4, 5]);
      expect(increasing(orderOf(body.rows))).toBe(true);
      // All on the request's one transaction (one client), not spread over the pool.
      expect(new Set(body.transactions).size).toBe(1);
    } finally {
      await app.close();
    }
    expect(warnings.filter((message) => queuedQueryWarning.test(message))).toEqual([]);
  });

  it('lets the queries queued behind a failing one run and answer for themselves; the transaction is aborted', async () => {
    let settled: PromiseSettledResult<unknown>[] = [];
    const transaction = database.db.transaction(async (tx) => {
      settled = await Promise.allSettled([
        tx.execute(sql`select 1 as n`),
        tx.execute(sql`select 1 / 0 as n`),
        tx.execute(sql`select 3 as n`),
        tx.execute(sql`select 4 as n`),
      ]);
      throw new Error('roll back');
    });
    await expect(transaction).rejects.toThrow('roll back');
    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
    const causes = settled.slice(1).map((result) => ((result as PromiseRejectedResult).reason as { cause?: { code?: string } }).cause?.code);
    // division_by_zero, then in_failed_sql_transaction for each query queued after it.
    expect(causes).toEqual(['22012', '25P02', '25P02']);
    // The client went back to the pool usable.
    expect(await database.query<{ n: number }>('select 5 as n')).toEqual([{ n: 5 }]);
    expect(warnings.filter((message) => queuedQueryWarning.test(message))).toEqual([]);
  });

  it('outside a transaction, a query queued behind a failing one gets its own result', async () => {
    const client = await pool.connect();
    try {
      const settled = await Promise.allSettled([client.query('select 1 as n'), client.query('select 1 / 0 as n'), client.query('select 3 as n')]);
      expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((settled[2] as PromiseFulfilledResult<pg.QueryResult>).value.rows).toEqual([{ n: 3 }]);
    } finally {
      client.release();
    }
  });

  it('keeps callback and submittable calls working, in the same line as promise calls', async () => {
    const client = await pool.connect();
    try {
      const viaCallback = (n: number) =>
        new Promise<ProbeRow>((resolve, reject) => {
          const returned: unknown = client.query(`select ${n}::int as n, nextval('serial_probe') as seq`, (error: Error | null, result: pg.QueryResult) =>
            error ? reject(error) : resolve(result.rows[0] as ProbeRow),
          );
          expect(returned).toBeUndefined();
        });
      const viaSubmittable = (n: number) => {
        const query = new pg.Query(`select ${n}::int as n, nextval('serial_probe') as seq`);
        expect(client.query(query)).toBe(query);
        return new Promise<ProbeRow>((resolve, reject) => {
          query.on('end', (result: pg.QueryResult) => resolve(result.rows[0] as ProbeRow));
          query.on('error', reject);
        });
      };
      const viaPromise = async (n: number) => (await client.query<ProbeRow>(`select ${n}::int as n, nextval('serial_probe') as seq`)).rows[0]!;
      const rows = await Promise.all([viaPromise(1), viaCallback(2), viaSubmittable(3), viaPromise(4), viaSubmittable(5), viaCallback(6)]);
      expect(rows.map((row) => row.n)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(increasing(orderOf(rows))).toBe(true);
      // pool.query hands pg-pool's callback to the client it checks out; parallel ones still work.
      const pooled = await Promise.all([7, 8, 9].map(async (n) => (await pool.query<{ n: number }>(`select ${n}::int as n`)).rows[0]!.n));
      expect(pooled).toEqual([7, 8, 9]);
    } finally {
      client.release();
    }
    expect(warnings.filter((message) => queuedQueryWarning.test(message))).toEqual([]);
  });

  // Last: pg warns once per process. A bare client, not from our pool, shows the warning is heard.
  it('would hear the warning from a client that queues in pg', async () => {
    const bare = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await bare.connect();
    try {
      await Promise.all([bare.query('select 1'), bare.query('select 2'), bare.query('select 3')]);
    } finally {
      await bare.end();
    }
    expect(warnings.filter((message) => queuedQueryWarning.test(message))).toHaveLength(1);
  });
});
