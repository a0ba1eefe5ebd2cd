// The job worker: jobs are run once, a job abandoned by a dead worker is run again, and a job
// that keeps failing ends as failed after its last attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database.js';
import type { DatabaseHandle } from '../../db/client.js';
import { enqueueJob, startJobWorker, type Job } from './job-runner.js';

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition never met');
}

describe('job worker', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  const statusOf = async (id: string) => (await database.query<{ status: string; attempts: number }>('select status, attempts from jobs where id = $1', [id]))[0]!;

  it('runs a queued job and a job whose worker died, each once', async () => {
    const ran: string[] = [];
    const queued = await enqueueJob(database.db, { queue: 'test-ok', payload: { n: 1 } });
    const abandoned = await enqueueJob(database.db, { queue: 'test-ok', payload: { n: 2 } });
    // A worker took it, then its process died: the lease ran out and nobody renews it.
    await database.query(`update jobs set status = 'running', attempts = 1, locked_by = 'dead', locked_until = now() - interval '1 minute' where id = $1`, [abandoned]);
    const worker = startJobWorker({ database, handlers: { 'test-ok': { run: async (job: Job) => void ran.push(String(job.payload.n)) } }, pollMs: 20 });
    try {
      await waitFor(async () => (await statusOf(queued)).status === 'done' && (await statusOf(abandoned)).status === 'done');
    } finally {
      await worker.stop();
    }
    expect(ran.sort()).toEqual(['1', '2']);
    expect((await statusOf(abandoned)).attempts).toBe(2);
  });

  it('retries a failing job, then marks it failed and tells its handler', async () => {
    const failedWith: string[] = [];
    let runs = 0;
    const id = await enqueueJob(database.db, { queue: 'test-fail', payload: {}, maxAttempts: 2 });
    const worker = startJobWorker({
      database,
      handlers: { 'test-fail': { run: async () => { runs += 1; throw new Error('broken input'); }, failed: async (_job, message) => void failedWith.push(message) } },
      pollMs: 20,
    });
    try {
      await waitFor(async () => (await statusOf(id)).status === 'failed');
    } finally {
      await worker.stop();
    }
    expect(runs).toBe(2);
    expect(failedWith).toEqual(['broken input']);
  });
});
