import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { runNamed } from '../../db/raw-query.js';
import { WRITERS_IN_PROGRESS } from '../../db/audit-follower.js';
import { THRESHOLDS_KEY } from './thresholds-setting.js';

/**
 * An in-process cache of computed authenticity profiles, one entry per programme (and `at` day),
 * validated on every use by one cheap query. It never decides who may read: the route checks
 * access first, and the profile is the same for every reader who may see the programme.
 *
 * What a profile depends on, and how a change is noticed:
 * - every record of the programme (members, plan, budget, team, agreement, working log, survey
 *   rounds) and the instance's thresholds: the audit trail, written by triggers in the same
 *   transaction as each change. An entry remembers H, the highest audit id visible when its
 *   computation started; any later audit row of the programme, of one of the organizations the
 *   bundle names (their names, types and countries), or of the thresholds setting has an id > H;
 *   a bulk IATI import writes one trail row for all it changed (table iati_imports, no
 *   programme): any such row above H drops every entry;
 * - transactions still writing when the computation started may commit audit ids below H later:
 *   the entry keeps their ids (this database's writers of audit_log and survey_answers, from
 *   pg_locks) and is dropped as soon as any of them has ended;
 * - survey answers, which are not audited: their count for the programme's rounds;
 * - time: membership "current" uses the database's current_date, and a survey round counts once
 *   it has closed, so an entry holds for one day and only until the next round closes.
 * The audit trail is immutable and every writer goes through the triggers (a restore, which
 * bypasses them, only fills an empty database); so a validated entry is what a recomputation
 * would give.
 */
export type CachedProfile = {
  /** The profile, serialized once and checked against the response schema at that time. */
  json: string;
};

type Entry = CachedProfile & {
  /** The highest audit id visible when the computation started (bigint as text). */
  auditHorizon: string;
  /** Transactions writing audit rows or survey answers when the computation started (xid as text). */
  pending: string[];
  answers: number;
  today: string;
  /** Epoch ms of the next closing of one of the programme's open rounds (Infinity when none). */
  validUntil: number;
  /** The organizations the bundle names. */
  organizationIds: string[];
};

/** What a computation needs to know about the state it starts from. */
export type Horizon = Pick<Entry, 'auditHorizon' | 'pending' | 'answers' | 'today' | 'validUntil'> & {
  /** Read inside a transaction that has written: the computation may see what could be rolled back. */
  uncommitted: boolean;
};

const MAX_ENTRIES = 500;
const MAX_BYTES = 64 * 1024 * 1024;

/** A bounded LRU of profiles keyed by programme and day asked for, with in-flight computations shared. */
export class ProfileCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, { startedAt: number; promise: Promise<CachedProfile> }>();
  private bytes = 0;
  /** Counters for tests and benchmarks. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private readonly limits: { maxEntries: number; maxBytes: number } = { maxEntries: MAX_ENTRIES, maxBytes: MAX_BYTES }) {}

  /**
   * The cached profile if it is still what a computation would give now; otherwise computes it
   * (sharing a computation that started after this request arrived) and keeps it.
   */
  async get(db: Database, key: { programmeId: string; at?: string; minGroupSize: number }, compute: (horizon: Horizon) => Promise<{ json: string; organizationIds: string[] }>): Promise<CachedProfile> {
    const arrivedAt = performance.now();
    const id = `${key.programmeId}|${key.at ?? ''}|${key.minGroupSize}`;
    const entry = this.entries.get(id);
    if (entry && (await isCurrent(db, key.programmeId, entry))) {
      this.stats.hits += 1;
      this.entries.delete(id);
      this.entries.set(id, entry);
      return entry;
    }
    if (entry) this.remove(id);
    this.stats.misses += 1;
    const running = this.inFlight.get(id);
    // Only a computation that started after this request arrived has seen every change the client had made.
    if (running && running.startedAt >= arrivedAt) return running.promise;
    const startedAt = performance.now();
    const promise = (async () => {
      const horizon = await readHorizon(db, key.programmeId);
      const computed = await compute(horizon);
      // Never keep what a transaction that may still roll back has shown (GET requests run in none).
      if (!horizon.uncommitted) this.put(id, { ...horizon, ...computed });
      return { json: computed.json };
    })();
    this.inFlight.set(id, { startedAt, promise });
    try {
      return await promise;
    } finally {
      if (this.inFlight.get(id)?.promise === promise) this.inFlight.delete(id);
    }
  }

  /** Number of profiles held. */
  get size(): number {
    return this.entries.size;
  }

  private put(id: string, entry: Entry): void {
    if (entry.json.length > this.limits.maxBytes) return;
    this.remove(id);
    this.entries.set(id, entry);
    this.bytes += entry.json.length;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.bytes -= entry.json.length;
    this.entries.delete(id);
  }
}

type HorizonRow = { audit_horizon: string; pending: string[]; answers: number; today: string; uncommitted: boolean; next_closing: string | null };

/** The state a computation starts from; read before any of the programme's records. */
async function readHorizon(db: Database, programmeId: string): Promise<Horizon> {
  const now = new Date();
  const [row] = await rows<HorizonRow>(
    db,
    sql`select
      (select coalesce(max(id), 0) from audit_log)::text as audit_horizon,
      ${writersInProgress} as pending,
      ${answersCount(programmeId)} as answers,
      current_date::text as today,
      pg_current_xact_id_if_assigned() is not null as uncommitted,
      (select min(closes_at) from survey_rounds where programme_id = ${programmeId} and closed_at is null and closes_at > ${now.toISOString()}::timestamptz)::text as next_closing`,
  );
  return {
    auditHorizon: row!.audit_horizon,
    pending: row!.pending,
    answers: Number(row!.answers),
    today: row!.today,
    validUntil: row!.next_closing ? new Date(row!.next_closing).getTime() : Number.POSITIVE_INFINITY,
    uncommitted: row!.uncommitted,
  };
}

type CurrentRow = { changed: boolean; answers: number; today: string };

// The validation every cached read runs: a constant statement, named on PostgreSQL, whose look-ups
// are ranges of indexes ending in the audit id (so a generic plan serves as well as a custom one).
// The writers still in progress at computation time ($5) are counted only when there were some.
const currentText = `select
  exists (select 1 from audit_log where programme_id = $1 and id > $2::bigint)
    or exists (select 1 from audit_log where table_name = 'organizations' and record_id = any($3::text[]) and id > $2::bigint)
    or exists (select 1 from audit_log where table_name = 'instance_settings' and record_id = $4 and id > $2::bigint)
    or exists (select 1 from audit_log where table_name = 'iati_imports' and id > $2::bigint)
    or (cardinality($5::xid[]) > 0 and cardinality($5::xid[]) > (select count(distinct "transactionid"::text) from pg_locks
      where "locktype" = 'transactionid' and "mode" = 'ExclusiveLock' and "transactionid" = any($5::xid[]))) as changed,
  (select count(*)::int from survey_answers where round_id in (select id from survey_rounds where programme_id = $1)) as answers,
  current_date::text as today`;

/** One query: has anything the entry depends on changed since its computation started? */
async function isCurrent(db: Database, programmeId: string, entry: Entry): Promise<boolean> {
  if (Date.now() >= entry.validUntil) return false;
  const [row] = await runNamed<CurrentRow>(db, 'consortia_profile_current', currentText, [
    programmeId,
    entry.auditHorizon,
    `{${entry.organizationIds.join(',')}}`,
    THRESHOLDS_KEY,
    `{${entry.pending.join(',')}}`,
  ]);
  return row!.changed === false && Number(row!.answers) === entry.answers && row!.today === entry.today;
}

// Read after the statement's snapshot: a writer that ends in between is seen by the computation,
// which starts afterwards; one that starts writing afterwards takes audit ids above the horizon.
const writersInProgress = sql.raw(WRITERS_IN_PROGRESS);

const answersCount = (programmeId: string) =>
  sql`(select count(*)::int from survey_answers where round_id in (select id from survey_rounds where programme_id = ${programmeId}))`;

async function rows<Row>(db: Database, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] } | Row[];
  return Array.isArray(result) ? result : result.rows;
}
