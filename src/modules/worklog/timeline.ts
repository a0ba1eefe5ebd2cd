import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { invalidField } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import type { LogContext } from './context.js';
import type { TimelineQuery, TimelineType } from './schemas.js';

export type TimelineRow = {
  type: TimelineType;
  id: string;
  date: string;
  title: string;
  detail: string | null;
  organization_ids: string[];
  recorded_by_organization_id: string | null;
  trust: number | null;
  value: number | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runs raw SQL on either engine and returns its rows. */
export async function rowsOf<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * One page of the programme's merged log, newest first. Each kind of record is read through its
 * own (programme, date, id) index with the same keyset condition and limit, and the branches are
 * merged: a page costs a few index range scans whatever the size of the log.
 */
export async function loadTimeline(db: Database, options: { context: LogContext; query: TimelineQuery }) {
  const { query } = options;
  const programmeId = options.context.programme.id;
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor && (typeof cursor[0] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(cursor[0]) || typeof cursor[1] !== 'string' || !UUID.test(cursor[1]))) {
    throw invalidField('/cursor', 'is not a cursor this list gave out', query.cursor);
  }
  const limit = query.limit + 1;
  const organization = query.organizationId ?? null;

  // The same window on every branch: programme, dates, and the keyset position.
  const window = (date: SQL, id: SQL) => {
    const parts: SQL[] = [];
    if (query.from) parts.push(sql` and ${date} >= ${query.from}::date`);
    if (query.to) parts.push(sql` and ${date} <= ${query.to}::date`);
    if (cursor) parts.push(sql` and (${date}, ${id}) < (${cursor[0]}::date, ${cursor[1]}::uuid)`);
    return sql.join(parts, sql``);
  };
  const tail = (date: SQL, id: SQL) => sql` order by ${date} desc, ${id} desc limit ${limit}`;

  const branches: SQL[] = [];
  const types = new Set(query.types);
  if (types.has('meeting')) {
    const date = sql.raw('m.date');
    const id = sql.raw('m.id');
    const orgFilter = organization
      ? sql` and (m.chair_organization_id = ${organization}::uuid or exists (select 1 from meeting_attendees f where f.meeting_id = m.id and f.organization_id = ${organization}::uuid))`
      : sql``;
    branches.push(sql`(select 'meeting' as type, m.id, m.date, coalesce(m.title, '') as title, m.kind as detail,
      array(select a.organization_id from meeting_attendees a where a.meeting_id = m.id order by a.organization_id <> m.chair_organization_id, a.organization_id) as organization_ids,
      m.recorded_by_organization_id, null::int as trust, null::int as value
      from meetings m where m.programme_id = ${programmeId}::uuid${orgFilter}${window(date, id)}${tail(date, id)})`);
  }
  if (types.has('decision')) {
    const date = sql.raw('d.date');
    const id = sql.raw('d.id');
    const orgFilter = organization
      ? sql` and (d.recorded_by_organization_id = ${organization}::uuid or exists (select 1 from decision_involvements f where f.decision_id = d.id and f.organization_id = ${organization}::uuid))`
      : sql``;
    branches.push(sql`(select 'decision' as type, d.id, d.date, d.title, d.topic as detail,
      array(select i.organization_id from decision_involvements i where i.decision_id = d.id order by i.level desc, i.organization_id) as organization_ids,
      d.recorded_by_organization_id, null::int as trust, null::int as value
      from decisions d where d.programme_id = ${programmeId}::uuid${orgFilter}${window(date, id)}${tail(date, id)})`);
  }
  if (types.has('interaction')) {
    const date = sql.raw('x.date');
    const id = sql.raw('x.id');
    const select = sql`select 'interaction' as type, x.id, x.date, coalesce(x.subject, '') as title, x.channel as detail,
      array[x.from_organization_id, x.to_organization_id] as organization_ids, x.recorded_by_organization_id, null::int as trust, null::int as value
      from interactions x where x.programme_id = ${programmeId}::uuid`;
    if (organization) {
      // Two index scans (as sender, as receiver) rather than one filtered scan of the whole programme.
      branches.push(sql`(${select} and x.from_organization_id = ${organization}::uuid${window(date, id)}${tail(date, id)})`);
      branches.push(sql`(${select} and x.to_organization_id = ${organization}::uuid and x.from_organization_id <> ${organization}::uuid${window(date, id)}${tail(date, id)})`);
    } else {
      branches.push(sql`(${select}${window(date, id)}${tail(date, id)})`);
    }
  }
  if (types.has('learning')) {
    const date = sql.raw('l.date');
    const id = sql.raw('l.id');
    const orgFilter = organization ? sql` and (l.from_organization_id = ${organization}::uuid or l.to_organization_id = ${organization}::uuid)` : sql``;
    branches.push(sql`(select 'learning' as type, l.id, l.date, l.topic as title, l.kind as detail,
      array[l.from_organization_id, l.to_organization_id] as organization_ids, l.recorded_by_organization_id, null::int as trust, null::int as value
      from learning_exchanges l where l.programme_id = ${programmeId}::uuid${orgFilter}${window(date, id)}${tail(date, id)})`);
  }
  if (types.has('rating')) {
    const date = sql.raw(`coalesce(r.date, (r.created_at at time zone 'UTC')::date)`);
    const id = sql.raw('r.id');
    const orgFilter = organization ? sql` and (r.rater_organization_id = ${organization}::uuid or r.ratee_organization_id = ${organization}::uuid)` : sql``;
    branches.push(sql`(select 'rating' as type, r.id, ${date} as date, '' as title, null::text as detail,
      array[r.rater_organization_id, r.ratee_organization_id] as organization_ids, r.recorded_by_organization_id, r.trust, r.value
      from open_ratings r where r.programme_id = ${programmeId}::uuid${orgFilter}${window(date, id)}${tail(date, id)})`);
  }

  const union = sql.join(branches, sql` union all `);
  const rows = await rowsOf<TimelineRow>(db, sql`select type, id::text as id, date::text as date, title, detail, organization_ids::text[] as organization_ids,
    recorded_by_organization_id::text as recorded_by_organization_id, trust, value
    from (${union}) as merged order by date desc, id desc limit ${limit}`);
  const page = paginate(rows, query.limit, (row) => [row.date, row.id]);
  return { items: page.items.map(presentTimelineRow), nextCursor: page.nextCursor };
}

/** A timeline row as the API answers it. */
export function presentTimelineRow(row: TimelineRow) {
  return {
    type: row.type,
    id: row.id,
    date: row.date,
    title: row.title,
    detail: row.detail,
    organizationIds: parseArray(row.organization_ids),
    recordedByOrganizationId: row.recorded_by_organization_id,
    trust: row.trust === null ? null : Number(row.trust),
    value: row.value === null ? null : Number(row.value),
  };
}

/** Both drivers parse text[] into arrays; this also accepts the literal form "{a,b}" in case one does not. */
function parseArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}
