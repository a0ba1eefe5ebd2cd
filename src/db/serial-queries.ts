import type pg from 'pg';

// node-postgres queues a query sent while another is running on the same client, warns that it
// will stop doing so in pg 9, and then refuses it. Domain code runs `Promise.all` of several
// queries on `app.db`, which inside a request is one transaction, so one client: the queue has to
// be ours. Queries on the pool outside transactions each take their own client and stay parallel.

type Callback = (error: Error | null, result?: unknown) => void;
type QueryFunction = (config: unknown, values?: unknown, callback?: unknown) => unknown;
/** What pg calls on the query it runs; a submittable (cursor, stream) has both, as pg's Query does. */
type Submittable = {
  submit: (...args: unknown[]) => unknown;
  handleReadyForQuery?: (...args: unknown[]) => unknown;
  handleError?: (...args: unknown[]) => unknown;
};

/**
 * Makes `client` run its queries one at a time in call order: a query sent while another is
 * running waits until that one has settled (answered, failed, or its connection lost), so pg never
 * holds two. Promise, callback and submittable (cursor, stream) calls keep pg's own return values.
 */
export function serializeQueries(client: pg.ClientBase): void {
  const original = client.query.bind(client) as unknown as QueryFunction;
  let busy = false;
  const waiting: Array<() => void> = [];

  const settle = () => {
    const next = waiting.shift();
    if (next) next();
    else busy = false;
  };
  /** Runs `start` now if the client is idle, else once the queries sent before it have settled. */
  const whenFree = (start: () => void) => {
    if (busy) {
      waiting.push(start);
    } else {
      busy = true;
      start();
    }
  };
  /** A settle that counts once, however many ways a query reports that it ended. */
  const settleOnce = () => {
    let settled = false;
    return () => {
      if (settled) return;
      settled = true;
      settle();
    };
  };

  const serialized: QueryFunction = (config, values, callback) => {
    // pg throws at once on a missing query; let it, without taking a turn.
    if (config === null || config === undefined) return original(config, values, callback);
    if (typeof (config as Submittable).submit === 'function') return submitSubmittable(config as Submittable, values, callback);
    if (typeof values === 'function') return submitWithCallback(config, undefined, values as Callback);
    if (typeof callback === 'function') return submitWithCallback(config, values, callback as Callback);
    return submitPromise(config, values);
  };

  function submitPromise(config: unknown, values: unknown): Promise<unknown> {
    const start = () => {
      const done = settleOnce();
      try {
        const result = original(config, values) as Promise<unknown>;
        // Registered before the caller's own handlers, so the next query is handed to pg first.
        result.then(done, done);
        return result;
      } catch (error) {
        done();
        throw error;
      }
    };
    if (!busy) {
      busy = true;
      return start();
    }
    return new Promise((resolve, reject) => {
      waiting.push(() => {
        try {
          start().then(resolve, reject);
        } catch (error) {
          reject(error as Error);
        }
      });
    });
  }

  function submitWithCallback(config: unknown, values: unknown, callback: Callback): undefined {
    const immediate = !busy;
    whenFree(() => {
      const done = settleOnce();
      try {
        original(config, values, (error: Error | null, result?: unknown) => {
          done();
          callback(error, result);
        });
      } catch (error) {
        done();
        if (immediate) throw error;
        callback(error as Error);
      }
    });
    return undefined;
  }

  function submitSubmittable(query: Submittable, values: unknown, callback: unknown): Submittable {
    // pg ends a submittable's turn by calling one of these; a cursor stays running until then.
    const done = settleOnce();
    for (const method of ['handleReadyForQuery', 'handleError'] as const) {
      const handler = query[method];
      if (typeof handler !== 'function') continue;
      query[method] = function (this: unknown, ...args: unknown[]) {
        try {
          return handler.apply(this, args);
        } finally {
          done();
        }
      };
    }
    const immediate = !busy;
    whenFree(() => {
      try {
        original(query, values, callback);
      } catch (error) {
        done();
        if (immediate) throw error;
        query.handleError?.(error);
      }
    });
    // pg answers a submittable with the submittable itself, whether it runs now or later.
    return query;
  }

  client.query = serialized as unknown as typeof client.query;
}
