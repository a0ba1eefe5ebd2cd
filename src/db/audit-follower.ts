// Follows the audit trail: which records of some tables changed since the last look, for in-process
// copies of data (the directory's search index) that must stay what the database holds, in every
// server process. The trail is written by triggers in the same transaction as each change, so a
// record's change becomes visible together with its trail row.
//
// The catch is that audit ids are taken when rows are written, not when transactions commit: a
// transaction still running may later commit rows with ids below ones already seen. A look
// therefore reads every row above a floor F below which nothing can still appear, and remembers
// which of them it has already reported. Each look k reads, in one statement, the rows above F,
// the highest id it sees (M_k) and the transactions writing the trail at that moment (P_k, from
// pg_locks, read after the statement's snapshot). F then becomes the lowest of M_{k-1} and, for each
// transaction in P_{k-1} or P_k, M_j of the look before the one that first saw it:
// - a transaction that was not writing the trail at look j's pg_locks read takes its ids after it,
//   so above M_j;
// - one that ended between a look's snapshot and its pg_locks read is not in that look's P, and is
//   read by the next look, since F does not pass the previous look's M;
// - one seen writing at look k-1 but not at look k may have ended after look k's snapshot: it is
//   kept for one more look, whose snapshot sees its rows.
import type { Database } from './client.js';
import { rawQuery } from './raw-query.js';

/**
 * The transactions of this database writing the audit trail (or survey answers) right now, by
 * transaction id (they hold a lock on the table until they end), other than the caller's.
 */
export const WRITERS_IN_PROGRESS = `array(select distinct "own"."transactionid"::text from pg_locks as "writing"
  join pg_locks as "own" on "own"."pid" = "writing"."pid" and "own"."locktype" = 'transactionid' and "own"."mode" = 'ExclusiveLock' and "own"."granted"
  where "writing"."locktype" = 'relation' and "writing"."database" = (select "oid" from pg_database where "datname" = current_database())
    and "writing"."relation" in ('audit_log'::regclass, 'survey_answers'::regclass) and "writing"."pid" <> pg_backend_pid())`;

/** A change the trail records: the table and the record's key. */
export type TrailChange = { table: string; recordId: string };

type LookRow = { horizon: string; changes: Array<[string, string, string]>; pending: string[] };

// The trail rows of the followed tables above the floor, the highest id, the writers. The rows above
// the floor are read as a range of the primary key, bounded above by the highest id (an estimate the
// planner cannot inflate, even before the table's statistics exist), and only then filtered by table
// (OFFSET 0 keeps the filter out of the range scan): left to itself, the planner would rather read
// every trail row of the followed tables through the (table, record, id) index.
// Not a named statement: a generic plan would not know that the range above the floor is small.
const lookText = `select
  (select coalesce(max(id), 0) from audit_log)::text as horizon,
  coalesce((select json_agg(json_build_array(id::text, table_name, record_id) order by id)
    from (select id, table_name, record_id from audit_log where id > $1::bigint and id <= (select max(id) from audit_log) offset 0) as recent
    where table_name = any($2::text[])), '[]'::json) as changes,
  ${WRITERS_IN_PROGRESS} as pending`;

/** Where a follower stands: everything at or below `floor` is reported, and the rows above it in `reported`. */
type Position = { floor: bigint; lastHorizon: bigint; reported: Set<string>; writers: Map<string, { floor: bigint; lastSeen: number }>; looks: number };

/**
 * A reader of the audit trail for some tables. `start` gives the position from which changes are
 * to be reported (read it before reading the data it follows); `look` reports the changes since the
 * last look, at most once each. Looks must not overlap (the caller serializes them).
 */
export class AuditFollower {
  private position: Position | null = null;

  constructor(private readonly tables: string[]) {}

  /**
   * Starts following from now. Returns false when transactions are writing the trail at this moment
   * (their rows could appear below the start without being reported): start again later.
   */
  async start(db: Database): Promise<boolean> {
    const [row] = await rawQuery(db)<LookRow>(lookText, [String(Number.MAX_SAFE_INTEGER), this.tables]);
    if (row!.pending.length > 0) return false;
    const horizon = BigInt(row!.horizon);
    this.position = { floor: horizon, lastHorizon: horizon, reported: new Set(), writers: new Map(), looks: 0 };
    return true;
  }

  get started(): boolean {
    return this.position !== null;
  }

  /**
   * The changes recorded since the last look (or the start), oldest first, and `done`, to call once
   * they are applied: until then (if applying fails, say) the next look reports them again.
   */
  async look(db: Database): Promise<{ changes: TrailChange[]; restarted: boolean; done: () => void }> {
    const at = this.position;
    if (!at) throw new Error('AuditFollower.look before start');
    const [row] = await rawQuery(db)<LookRow>(lookText, [at.floor.toString(), this.tables]);
    // Nothing below is kept until the look has succeeded: a failed look is simply repeated.
    const looks = at.looks + 1;
    const changes: TrailChange[] = [];
    const reported = new Set(at.reported);
    for (const [id, table, recordId] of row!.changes) {
      if (reported.has(id)) continue;
      reported.add(id);
      changes.push({ table, recordId });
    }
    const writers = new Map(at.writers);
    for (const xid of row!.pending) {
      const known = writers.get(xid);
      writers.set(xid, { floor: known?.floor ?? at.lastHorizon, lastSeen: looks });
    }
    let floor = at.lastHorizon;
    for (const [xid, writer] of writers) {
      // Absent from two looks in a row: it ended before this look's snapshot, which saw its rows.
      if (writer.lastSeen < looks - 1) writers.delete(xid);
      else if (writer.floor < floor) floor = writer.floor;
    }
    if (floor < at.floor) floor = at.floor;
    for (const id of reported) if (BigInt(id) <= floor) reported.delete(id);
    const horizon = BigInt(row!.horizon);
    const next: Position = { floor, lastHorizon: horizon, reported, writers, looks };
    return {
      changes,
      // The trail is only appended to; a lower highest id means it was replaced (a restore): start again.
      restarted: horizon < at.lastHorizon,
      done: () => {
        if (this.position === at) this.position = next;
      },
    };
  }
}
