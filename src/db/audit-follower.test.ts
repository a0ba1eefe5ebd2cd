import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildProgramme } from '../../test/support/factories.js';
import { AuditFollower, type TrailChange } from './audit-follower.js';
import type { DatabaseHandle } from './client.js';
import { organizations, programmes } from './schema/index.js';
import { createTestDatabase } from './test-database.js';

// The follower must report every committed change of the followed tables exactly once, whatever
// the order in which transactions took their audit ids and committed, and never a change that
// was rolled back. The PostgreSQL cases hold a transaction open on a second connection, so that
// audit ids become visible out of order (an id below what a look already saw commits later).

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

const unique = () => crypto.randomBytes(4).toString('hex');
const change = (recordId: string): TrailChange => ({ table: 'organizations', recordId });

/** A look whose changes are applied (done called). */
async function settle(follower: AuditFollower): Promise<TrailChange[]> {
  const { changes, done } = await follower.look(handle.db);
  done();
  return changes;
}

/** A follower of organizations, started, with nothing pending. */
async function started(): Promise<AuditFollower> {
  const follower = new AuditFollower(['organizations']);
  expect(await follower.start(handle.db)).toBe(true);
  expect(await settle(follower)).toEqual([]);
  return follower;
}

describe('AuditFollower', () => {
  it('refuses to look before it has started', async () => {
    const follower = new AuditFollower(['organizations']);
    expect(follower.started).toBe(false);
    await expect(follower.look(handle.db)).rejects.toThrow(/before start/);
  });

  it('reports inserts, updates and deletes of the followed tables only, oldest first, each once', async () => {
    const before = await buildOrganization(handle.db);
    const follower = new AuditFollower(['organizations']);
    expect(await follower.start(handle.db)).toBe(true);
    expect(follower.started).toBe(true);
    // Changes before the start are not reported.
    expect(await settle(follower)).toEqual([]);

    const kept = await buildOrganization(handle.db);
    const programme = await buildProgramme(handle.db, { members: [{ organizationId: kept.id, role: 'lead' }] });
    await handle.db.update(programmes).set({ title: `Renamed ${unique()}` }).where(eq(programmes.id, programme.id));
    await handle.db.update(organizations).set({ name: `Renamed ${unique()}` }).where(eq(organizations.id, kept.id));
    const removed = await buildOrganization(handle.db);
    await handle.db.delete(organizations).where(eq(organizations.id, removed.id));
    await handle.db.update(organizations).set({ acronym: 'OLD' }).where(eq(organizations.id, before.id));

    const first = await follower.look(handle.db);
    expect(first.changes).toEqual([change(kept.id), change(kept.id), change(removed.id), change(removed.id), change(before.id)]);
    first.done();
    expect(await settle(follower)).toEqual([]);
    expect(await settle(follower)).toEqual([]);

    // A follower of programmes sees the programme's changes and not the organizations'.
    const ofProgrammes = new AuditFollower(['programmes']);
    expect(await ofProgrammes.start(handle.db)).toBe(true);
    await handle.db.update(programmes).set({ title: `Again ${unique()}` }).where(eq(programmes.id, programme.id));
    await buildOrganization(handle.db);
    expect(await ofProgrammes.look(handle.db).then((look) => look.changes)).toEqual([{ table: 'programmes', recordId: programme.id }]);
  });

  it('reports the same changes again until done is called, and new ones with them', async () => {
    const follower = await started();
    const first = await buildOrganization(handle.db);
    const unapplied = await follower.look(handle.db);
    expect(unapplied.changes).toEqual([change(first.id)]);
    // Not applied (say reloading failed): the next look reports them again, with what came since.
    const second = await buildOrganization(handle.db);
    const again = await follower.look(handle.db);
    expect(again.changes).toEqual([change(first.id), change(second.id)]);
    // A stale done (of a look that was superseded by an applied one) changes nothing.
    again.done();
    unapplied.done();
    expect(await settle(follower)).toEqual([]);
    const third = await buildOrganization(handle.db);
    expect(await settle(follower)).toEqual([change(third.id)]);
  });

  it('reports a change committed in a transaction once, and nothing of a rolled-back one', async () => {
    const follower = await started();
    const committed = await handle.db.transaction(async (tx) => {
      const row = await buildOrganization(tx as unknown as typeof handle.db);
      await tx.update(organizations).set({ acronym: 'TX' }).where(eq(organizations.id, row.id));
      return row;
    });
    const name = `Rolled back ${unique()}`;
    await expect(
      handle.db.transaction(async (tx) => {
        await buildOrganization(tx as unknown as typeof handle.db, { name });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await settle(follower)).toEqual([change(committed.id), change(committed.id)]);
    expect(await settle(follower)).toEqual([]);
    expect(await handle.query(`select 1 from organizations where name = $1`, [name])).toEqual([]);
  });
});

/** A second connection to the test database: another server process, or another request. */
class Writer {
  private constructor(private readonly client: pg.Client) {}

  static async open(): Promise<Writer> {
    const [row] = await handle.query<{ name: string }>('select current_database() as name');
    const url = new URL((process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)!);
    url.pathname = `/${row!.name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    return new Writer(client);
  }

  async begin(): Promise<void> {
    await this.client.query('begin');
  }

  /** Inserts an organization (in the open transaction, if any); its id and its audit row's id. */
  async insertOrganization(): Promise<{ id: string; auditId: bigint }> {
    // One word with digits: not a search word (registry_search_words), whose unique key would make
    // another writer of the same new word wait for this transaction.
    const { rows } = await this.client.query<{ id: string }>(`insert into organizations (name, country, scope, type) values ($1, 'KE', 'national', '22') returning id`, [`Concurrent${unique()}0`]);
    const id = rows[0]!.id;
    const audit = await this.client.query<{ id: string }>(`select max(id)::text as id from audit_log where table_name = 'organizations' and record_id = $1`, [id]);
    return { id, auditId: BigInt(audit.rows[0]!.id) };
  }

  async savepoint(name: string): Promise<void> {
    await this.client.query(`savepoint ${name}`);
  }

  async release(name: string): Promise<void> {
    await this.client.query(`release savepoint ${name}`);
  }

  async rollbackTo(name: string): Promise<void> {
    await this.client.query(`rollback to savepoint ${name}`);
  }

  async commit(): Promise<void> {
    await this.client.query('commit');
  }

  async rollback(): Promise<void> {
    await this.client.query('rollback');
  }

  async close(): Promise<void> {
    await this.client.query('rollback').catch(() => undefined);
    await this.client.end();
  }
}

/** The highest audit id committed (what a look sees as its horizon). */
async function horizon(): Promise<bigint> {
  const [row] = await handle.query<{ id: string }>('select coalesce(max(id), 0)::text as id from audit_log');
  return BigInt(row!.id);
}

/** Runs `work` with fresh writers, closed afterwards whatever happens. */
async function withWriters(count: number, work: (...writers: Writer[]) => Promise<void>): Promise<void> {
  const writers: Writer[] = [];
  try {
    for (let index = 0; index < count; index += 1) writers.push(await Writer.open());
    await work(...writers);
  } finally {
    for (const writer of writers) await writer.close();
  }
}

describe.runIf(Boolean(process.env.DATABASE_URL))('AuditFollower with concurrent transactions (PostgreSQL)', () => {
  it('reports a transaction that wrote before a look and committed after it, though its id is below what that look saw', async () => {
    await withWriters(1, async (slow) => {
      const follower = await started();
      await slow.begin();
      const late = await slow.insertOrganization();
      const early = await buildOrganization(handle.db);
      const first = await settle(follower);
      expect(first).toEqual([change(early.id)]);
      // The look saw a higher id committed, while the slow transaction's lower one was invisible.
      expect(late.auditId).toBeLessThan(await horizon());
      expect(await settle(follower)).toEqual([]);
      await slow.commit();
      expect(await settle(follower)).toEqual([change(late.id)]);
      expect(await settle(follower)).toEqual([]);
    });
  });

  it('refuses to start while another transaction has written the trail and not ended', async () => {
    await withWriters(1, async (writer) => {
      const follower = new AuditFollower(['organizations']);
      await writer.begin();
      // A transaction that has not written the trail does not hold the start back.
      expect(await follower.start(handle.db)).toBe(true);
      await writer.insertOrganization();
      expect(await new AuditFollower(['organizations']).start(handle.db)).toBe(false);
      // Whichever table it followed: the writer's rows could appear below the start.
      expect(await new AuditFollower(['programmes']).start(handle.db)).toBe(false);
      await writer.commit();
      expect(await new AuditFollower(['organizations']).start(handle.db)).toBe(true);
      await writer.begin();
      await writer.insertOrganization();
      expect(await new AuditFollower(['organizations']).start(handle.db)).toBe(false);
      await writer.rollback();
      expect(await new AuditFollower(['organizations']).start(handle.db)).toBe(true);
    });
  });

  it('never reports a rolled-back writer, and keeps reporting the others', async () => {
    await withWriters(1, async (writer) => {
      const follower = await started();
      await writer.begin();
      await writer.insertOrganization();
      await writer.insertOrganization();
      expect(await settle(follower)).toEqual([]);
      const meanwhile = await buildOrganization(handle.db);
      expect(await settle(follower)).toEqual([change(meanwhile.id)]);
      await writer.rollback();
      for (let look = 0; look < 3; look += 1) expect(await settle(follower)).toEqual([]);
      const after = await buildOrganization(handle.db);
      expect(await settle(follower)).toEqual([change(after.id)]);
      expect(await settle(follower)).toEqual([]);
    });
  });

  it('keeps working through many looks while a long writer stays open, then reports its rows once', async () => {
    await withWriters(1, async (long) => {
      const follower = await started();
      await long.begin();
      const firstRow = await long.insertOrganization();
      for (let round = 0; round < 6; round += 1) {
        const other = await buildOrganization(handle.db);
        expect(await settle(follower)).toEqual([change(other.id)]);
        expect(await settle(follower)).toEqual([]);
      }
      // More rows from the same transaction, with ids above everything seen so far.
      const secondRow = await long.insertOrganization();
      expect(firstRow.auditId).toBeLessThan(await horizon());
      expect(await settle(follower)).toEqual([]);
      await long.commit();
      expect(await settle(follower)).toEqual([change(firstRow.id), change(secondRow.id)]);
      for (let look = 0; look < 3; look += 1) expect(await settle(follower)).toEqual([]);
    });
  });

  it('reports two interleaved writers exactly once each (A writes, B writes and commits, look, A commits, look)', async () => {
    await withWriters(2, async (a, b) => {
      const follower = await started();
      await a.begin();
      await b.begin();
      const fromA = await a.insertOrganization();
      const fromB = await b.insertOrganization();
      expect(fromA.auditId).toBeLessThan(fromB.auditId);
      await b.commit();
      expect(await settle(follower)).toEqual([change(fromB.id)]);
      await a.commit();
      expect(await settle(follower)).toEqual([change(fromA.id)]);
      expect(await settle(follower)).toEqual([]);
    });
  });

  it('reports two writers committing in the reverse order of their writes, with looks in between and no done on one of them', async () => {
    await withWriters(2, async (a, b) => {
      const follower = await started();
      await a.begin();
      const fromA = await a.insertOrganization();
      await b.begin();
      const fromB = await b.insertOrganization();
      expect(await settle(follower)).toEqual([]);
      await b.commit();
      // Seen, not applied: reported again by the next look, with A's row once A has committed.
      expect((await follower.look(handle.db)).changes).toEqual([change(fromB.id)]);
      await a.commit();
      expect(await settle(follower)).toEqual([change(fromA.id), change(fromB.id)]);
      expect(await settle(follower)).toEqual([]);
    });
  });

  it('follows a writer whose trail rows are written in savepoints, one released and one rolled back', async () => {
    await withWriters(1, async (writer) => {
      const follower = await started();
      await writer.begin();
      await writer.savepoint('kept');
      const kept = await writer.insertOrganization();
      await writer.release('kept');
      await writer.savepoint('dropped');
      await writer.insertOrganization();
      await writer.rollbackTo('dropped');
      const other = await buildOrganization(handle.db);
      expect(kept.auditId).toBeLessThan(await horizon());
      expect(await settle(follower)).toEqual([change(other.id)]);
      expect(await settle(follower)).toEqual([]);
      await writer.commit();
      expect(await settle(follower)).toEqual([change(kept.id)]);
      expect(await settle(follower)).toEqual([]);
    });
  });
});
