// Background jobs in the database, so that any server node can run them and a restart loses none.
//
// Why not pg-boss (installed, version 10): on PGlite it needs an adapter, keeps its own schema
// and maintenance timers, and expects several connections; PGlite has one, which a long import
// transaction holds, so pg-boss's own polling and maintenance queue up behind every import. A job
// table claimed with FOR UPDATE SKIP LOCKED does the same on both engines in a hundred lines.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Database, DatabaseHandle } from '../../db/client.js';
import { rawQuery } from '../../db/raw-query.js';

export type Job = { id: string; queue: string; payload: Record<string, unknown>; attempts: number; maxAttempts: number };

export type JobContext = { database: DatabaseHandle };

export type JobHandler = {
  run: (job: Job, context: JobContext) => Promise<void>;
  /** Called once when the job has failed its last attempt (or was abandoned by dead workers that often). */
  failed?: (job: Job, message: string, context: JobContext) => Promise<void>;
};

/** Puts a job in the queue; a worker on any node picks it up. */
export async function enqueueJob(db: Database, options: { queue: string; payload: Record<string, unknown>; maxAttempts?: number }): Promise<string> {
  const [row] = await rawQuery(db)<{ id: string }>('insert into jobs (queue, payload, max_attempts) values ($1, $2::jsonb, $3) returning id', [
    options.queue,
    JSON.stringify(options.payload),
    options.maxAttempts ?? 3,
  ]);
  return row!.id;
}

export type JobWorker = { stop: () => Promise<void>; nudge: () => void };

/**
 * Runs jobs one at a time: claims the oldest queued job (or one whose lease ran out because its
 * worker died), renews the lease while it runs, and marks it done, queued again, or failed.
 * Handlers must do their work in one transaction so that a retry never meets half of it.
 */
export function startJobWorker(options: { database: DatabaseHandle; handlers: Record<string, JobHandler>; pollMs?: number; leaseMs?: number }): JobWorker {
  const { database, handlers } = options;
  const query = rawQuery(database.db);
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const queues = Object.keys(handlers);
  const context: JobContext = { database };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let started = false;

  const claim = async (): Promise<Job | null> => {
    const [row] = await query<{ id: string; queue: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>(
      `update jobs set status = 'running', attempts = attempts + 1, locked_by = $1, locked_until = now() + make_interval(secs => $2::double precision), started_at = now()
       where id = (select id from jobs where queue = any($3::text[]) and attempts < max_attempts
                   and (status = 'queued' or (status = 'running' and locked_until < now()))
                   order by created_at for update skip locked limit 1)
       returning id, queue, payload, attempts, max_attempts`,
      [workerId, leaseMs / 1000, queues],
    );
    return row ? { id: row.id, queue: row.queue, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts } : null;
  };

  // Jobs abandoned by dead workers on their last attempt are failed, not retried forever.
  const failAbandoned = async (): Promise<void> => {
    const rows = await query<{ id: string; queue: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>(
      `update jobs set status = 'failed', finished_at = now(), last_error = 'abandoned by its worker too many times'
       where status = 'running' and locked_until < now() and attempts >= max_attempts and queue = any($1::text[]) returning id, queue, payload, attempts, max_attempts`,
      [queues],
    );
    for (const row of rows) await handlers[row.queue]?.failed?.({ id: row.id, queue: row.queue, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts }, 'abandoned by its worker too many times', context);
  };

  const runOne = async (job: Job): Promise<void> => {
    const handler = handlers[job.queue]!;
    // On PGlite the renewal waits behind the job's own transaction: harmless, one process owns the data.
    const heartbeat = setInterval(() => {
      void query('update jobs set locked_until = now() + make_interval(secs => $2::double precision) where id = $1 and locked_by = $3', [job.id, leaseMs / 1000, workerId]).catch(() => {});
    }, Math.max(1_000, leaseMs / 3));
    try {
      await handler.run(job, context);
      await query(`update jobs set status = 'done', finished_at = now(), locked_until = null, last_error = null where id = $1`, [job.id]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const last = job.attempts >= job.maxAttempts;
      await query(`update jobs set status = $2, last_error = $3, locked_until = null, finished_at = case when $2 = 'failed' then now() else null end where id = $1`, [
        job.id,
        last ? 'failed' : 'queued',
        message.slice(0, 2_000),
      ]);
      if (last) await handler.failed?.(job, message, context);
    } finally {
      clearInterval(heartbeat);
    }
  };

  // A worker of this host whose process has gone (killed, crashed) will never renew its lease: its
  // jobs are queued again at once instead of waiting for the lease to run out.
  const requeueJobsOfDeadProcesses = async (): Promise<void> => {
    const running = await query<{ id: string; locked_by: string | null }>(`select id, locked_by from jobs where status = 'running' and queue = any($1::text[])`, [queues]);
    for (const job of running) {
      const owner = /^(.*):(\d+):[^:]*$/.exec(job.locked_by ?? '');
      if (!owner || owner[1] !== hostname() || isProcessAlive(Number(owner[2]))) continue;
      await query(`update jobs set status = 'queued', locked_until = null where id = $1 and status = 'running' and locked_by = $2`, [job.id, job.locked_by]);
    }
  };

  const loop = async (): Promise<void> => {
    try {
      if (database.engine === 'pglite') {
        // One process owns a PGlite folder: whatever was running when it stopped belongs to a dead process.
        await query(`update jobs set status = 'queued', locked_until = null where status = 'running'`);
      } else {
        await requeueJobsOfDeadProcesses();
      }
    } catch {
      // The database may be unavailable at start; leases still expire.
    }
    while (!stopped) {
      let job: Job | null = null;
      try {
        await failAbandoned();
        job = await claim();
        if (job) await runOne(job);
      } catch {
        // The database may be restarting; try again after the pause.
      }
      if (job || stopped) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, pollMs);
      });
      wake = undefined;
    }
  };

  let running: Promise<void> = Promise.resolve();
  const start = () => {
    if (started) return;
    started = true;
    running = loop();
  };
  start();
  return {
    nudge: () => wake?.(),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await running;
    },
  };
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
