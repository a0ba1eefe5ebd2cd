import crypto from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  decisionContests,
  decisionDesiredInvolvements,
  decisionInvolvements,
  decisions,
  interactions,
  learningExchanges,
  meetingActions,
  meetingAttendees,
  meetings,
  openRatings,
} from '../../db/schema/index.js';
import type { BundleSection, ExportContext, ImportContext } from '../bundle/bundle-sections.js';
import { insertRows } from '../bundle/insert-rows.js';
import { emailsByUserId, userIdFor, userIdsByEmail } from '../bundle/user-emails.js';

/*
 * The working log in the programme bundle: meetings, decisions (involvement and desired levels),
 * interactions, learning and open ratings. Imported records have no recording organization, so
 * only the programme's managers edit them. Exports are sorted by date and then by content, so
 * that export → import → export gives the same bundle.
 */

const day = (value: string) => value.slice(0, 10);
const orgOf = (context: ImportContext, ref: string) => context.organizationIds.get(ref)!;

/** Sorts exported records by date, then by their whole content: an order that survives a round trip. */
function stableSort<T extends object>(records: T[]): T[] {
  const keyed = records.map((record) => ({ record, key: `${(record as { date?: string }).date ?? ''}\u0000${JSON.stringify(record)}` }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((entry) => entry.record);
}

type Absent = null | undefined;
/** Keys that may be null or undefined become optional keys that are left out. */
type Compact<T> = { [K in keyof T as Absent extends T[K] ? never : null extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as null extends T[K] ? K : undefined extends T[K] ? K : never]?: Exclude<T[K], Absent>;
};

/** Drops keys whose value is null or undefined (optional fields the bundle leaves out). */
function compact<T extends Record<string, unknown>>(record: T): Compact<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)) as Compact<T>;
}

const sortedRecord = (entries: Array<[string, number]>) => Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));

export const meetingsSection: BundleSection = {
  name: 'meetings',
  async importInto(db, context, bundle) {
    const meetingRows: unknown[][] = [];
    const attendeeRows: unknown[][] = [];
    const actionRows: unknown[][] = [];
    const people = await userIdsByEmail(db, bundle.meetings.flatMap((meeting) => [...(meeting.participants ?? []), ...(meeting.actions ?? []).map((action) => action.ownerEmail)]));
    for (const meeting of bundle.meetings) {
      const id = crypto.randomUUID();
      if (meeting.ref !== undefined) context.meetingIds.set(meeting.ref, id);
      const chair = orgOf(context, meeting.chair);
      // People who have no account on this instance are left out: a user id cannot be made up.
      const participants = (meeting.participants ?? []).map((email) => userIdFor(people, email)).filter((value): value is string => value !== null);
      meetingRows.push([id, context.programmeId, day(meeting.date), meeting.kind ?? 'other', meeting.title ?? null, chair, JSON.stringify(participants), meeting.agenda ?? null, meeting.minutes ?? null]);
      for (const organizationId of new Set([chair, ...meeting.attendees.map((ref) => orgOf(context, ref))])) attendeeRows.push([id, organizationId]);
      for (const action of meeting.actions ?? []) {
        actionRows.push([id, action.description, orgOf(context, action.owner), userIdFor(people, action.ownerEmail), action.due ? day(action.due) : null, action.status ?? 'open']);
      }
    }
    await insertMeetings(db, meetingRows);
    await insertRows(db, 'meeting_attendees', [['meeting_id', 'uuid'], ['organization_id', 'uuid']], attendeeRows);
    await insertRows(db, 'meeting_actions', [['meeting_id', 'uuid'], ['description', 'text'], ['owner_organization_id', 'uuid'], ['owner_user_id', 'uuid'], ['due_date', 'date'], ['status', 'text']], actionRows);
  },
  async exportFrom(db, context, bundle) {
    const rows = await db.select().from(meetings).where(eq(meetings.programmeId, context.programmeId)).orderBy(asc(meetings.date));
    const ids = rows.map((row) => row.id);
    const attendees = await attendeesOf(db, ids);
    const actions = await actionsOf(db, ids);
    const emails = await emailsByUserId(db, [...rows.flatMap((row) => row.participantUserIds), ...[...actions.values()].flat().map((action) => action.ownerUserId)]);
    const records = rows.map((row) => ({
      id: row.id,
      record: compact({
        date: row.date,
        kind: row.kind === 'other' ? undefined : row.kind,
        title: row.title,
        chair: context.refFor(row.chairOrganizationId),
        attendees: (attendees.get(row.id) ?? []).map((organizationId) => context.refFor(organizationId)).sort(),
        participants: row.participantUserIds.length ? row.participantUserIds.map((userId) => emails.get(userId)).filter((value): value is string => value !== undefined).sort() : undefined,
        agenda: row.agenda,
        minutes: row.minutes,
        actions: actions.has(row.id)
          ? stableSort(
              actions.get(row.id)!.map((action) =>
                compact({
                  description: action.description,
                  owner: context.refFor(action.ownerOrganizationId),
                  ownerEmail: action.ownerUserId ? emails.get(action.ownerUserId) : undefined,
                  due: action.dueDate,
                  status: action.status === 'open' ? undefined : action.status,
                }),
              ),
            )
          : undefined,
      }),
    }));
    // Refs follow the sorted order, so the same meetings get the same refs after a round trip.
    const byRecord = new Map(records.map((entry) => [entry.record, entry.id]));
    const sorted = stableSort(records.map((entry) => entry.record)).map((record) => ({ id: byRecord.get(record)!, record }));
    bundle.meetings = sorted.map(({ id, record }, index) => {
      const ref = `M${index + 1}`;
      context.meetingRefs.set(id, ref);
      return { ref, ...record };
    });
  },
};

/** Inserts meetings in batches; participants (an array of user ids per meeting) travel as JSON text. */
async function insertMeetings(db: Database, rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += 5_000) {
    const batch = rows.slice(start, start + 5_000);
    const column = (index: number) => sql.param(batch.map((row) => row[index] ?? null));
    await db.execute(sql`insert into "meetings" ("id", "programme_id", "date", "kind", "title", "chair_organization_id", "participant_user_ids", "agenda", "minutes")
      select m.id, m.programme_id, m.date, m.kind, m.title, m.chair,
        coalesce((select array_agg(value::uuid order by ordinality) from jsonb_array_elements_text(m.participants::jsonb) with ordinality), '{}'::uuid[]), m.agenda, m.minutes
      from unnest(${column(0)}::uuid[], ${column(1)}::uuid[], ${column(2)}::date[], ${column(3)}::text[], ${column(4)}::text[], ${column(5)}::uuid[], ${column(6)}::text[], ${column(7)}::text[], ${column(8)}::text[])
        as m(id, programme_id, date, kind, title, chair, participants, agenda, minutes)`);
  }
}

async function actionsOf(db: Database, meetingIds: string[]) {
  const byMeeting = new Map<string, Array<typeof meetingActions.$inferSelect>>();
  for (let start = 0; start < meetingIds.length; start += 5_000) {
    const rows = await db.select().from(meetingActions).where(inArray(meetingActions.meetingId, meetingIds.slice(start, start + 5_000)));
    for (const row of rows) byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), row]);
  }
  return byMeeting;
}

async function attendeesOf(db: Database, meetingIds: string[]) {
  const byMeeting = new Map<string, string[]>();
  for (let start = 0; start < meetingIds.length; start += 5_000) {
    const rows = await db.select().from(meetingAttendees).where(inArray(meetingAttendees.meetingId, meetingIds.slice(start, start + 5_000)));
    for (const row of rows) byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), row.organizationId]);
  }
  return byMeeting;
}

export const decisionsSection: BundleSection = {
  name: 'decisions',
  async importInto(db, context, bundle) {
    const decisionRows: unknown[][] = [];
    const levelRows: unknown[][] = [];
    const desiredRows: unknown[][] = [];
    const contestRows: unknown[][] = [];
    for (const decision of bundle.decisions) {
      const id = crypto.randomUUID();
      decisionRows.push([id, context.programmeId, day(decision.date), decision.title, decision.description ?? null, decision.scope, decision.locality ?? null, decision.topic ?? null, decision.meeting === undefined ? null : context.meetingIds.get(decision.meeting)!]);
      for (const contest of decision.contests ?? []) {
        contestRows.push([id, orgOf(context, contest.org), contest.contested ?? null, contest.claimed ?? null, contest.comment, contest.date ? new Date(contest.date).toISOString() : new Date().toISOString(), contest.withdrawn ? new Date(contest.withdrawn).toISOString() : null]);
      }
      for (const [ref, level] of Object.entries(decision.involvement)) levelRows.push([id, orgOf(context, ref), level]);
      for (const [ref, level] of Object.entries(decision.desired ?? {})) desiredRows.push([id, orgOf(context, ref), level]);
    }
    await insertRows(db, 'decisions', [['id', 'uuid'], ['programme_id', 'uuid'], ['date', 'date'], ['title', 'text'], ['description', 'text'], ['scope', 'text'], ['locality', 'text'], ['topic', 'text'], ['meeting_id', 'uuid']], decisionRows);
    await insertRows(db, 'decision_involvements', [['decision_id', 'uuid'], ['organization_id', 'uuid'], ['level', 'integer']], levelRows);
    await insertRows(db, 'decision_desired_involvements', [['decision_id', 'uuid'], ['organization_id', 'uuid'], ['level', 'integer']], desiredRows);
    await insertRows(
      db,
      'decision_contests',
      [['decision_id', 'uuid'], ['organization_id', 'uuid'], ['contested_level', 'integer'], ['claimed_level', 'integer'], ['comment', 'text'], ['created_at', 'timestamptz'], ['withdrawn_at', 'timestamptz']],
      contestRows,
    );
  },
  async exportFrom(db, context, bundle) {
    const rows = await db.select().from(decisions).where(eq(decisions.programmeId, context.programmeId));
    const levels = await db
      .select({ decisionId: decisionInvolvements.decisionId, organizationId: decisionInvolvements.organizationId, level: decisionInvolvements.level })
      .from(decisionInvolvements)
      .innerJoin(decisions, eq(decisions.id, decisionInvolvements.decisionId))
      .where(eq(decisions.programmeId, context.programmeId));
    const desired = await db
      .select({ decisionId: decisionDesiredInvolvements.decisionId, organizationId: decisionDesiredInvolvements.organizationId, level: decisionDesiredInvolvements.level })
      .from(decisionDesiredInvolvements)
      .innerJoin(decisions, eq(decisions.id, decisionDesiredInvolvements.decisionId))
      .where(eq(decisions.programmeId, context.programmeId));
    const group = (list: typeof levels) => {
      const map = new Map<string, Array<[string, number]>>();
      for (const row of list) map.set(row.decisionId, [...(map.get(row.decisionId) ?? []), [context.refFor(row.organizationId), row.level]]);
      return map;
    };
    const contests = await db
      .select({ contest: decisionContests })
      .from(decisionContests)
      .innerJoin(decisions, eq(decisions.id, decisionContests.decisionId))
      .where(eq(decisions.programmeId, context.programmeId));
    const contestsBy = new Map<string, Array<typeof decisionContests.$inferSelect>>();
    for (const { contest } of contests) contestsBy.set(contest.decisionId, [...(contestsBy.get(contest.decisionId) ?? []), contest]);
    const levelsBy = group(levels);
    const desiredBy = group(desired);
    bundle.decisions = stableSort(
      rows.map((row) =>
        compact({
          date: row.date,
          title: row.title,
          topic: row.topic,
          description: row.description,
          scope: row.scope,
          locality: row.locality,
          involvement: sortedRecord(levelsBy.get(row.id) ?? []),
          desired: desiredBy.has(row.id) ? sortedRecord(desiredBy.get(row.id)!) : undefined,
          meeting: row.meetingId ? context.meetingRefs.get(row.meetingId) : undefined,
          contests: contestsBy.has(row.id)
            ? stableSort(
                contestsBy.get(row.id)!.map((contest) =>
                  compact({
                    date: contest.createdAt.toISOString(),
                    org: context.refFor(contest.organizationId),
                    comment: contest.comment,
                    contested: contest.contestedLevel,
                    claimed: contest.claimedLevel,
                    withdrawn: contest.withdrawnAt?.toISOString(),
                  }),
                ),
              )
            : undefined,
        }),
      ),
    );
  },
};

export const interactionsSection: BundleSection = {
  name: 'interactions',
  async importInto(db, context, bundle) {
    // In the bundle, "from" is the organization that initiated the interaction.
    const rows = bundle.interactions.map((interaction) => {
      const initiator = orgOf(context, interaction.from);
      const other = orgOf(context, interaction.to);
      // `sender` says the exchange went the other way (a reply to what the initiator asked).
      const reversed = interaction.sender !== undefined && interaction.sender !== interaction.from;
      return [context.programmeId, day(interaction.date), reversed ? other : initiator, reversed ? initiator : other, initiator, interaction.channel ?? null, interaction.subject ?? null];
    });
    await insertRows(db, 'interactions', [['programme_id', 'uuid'], ['date', 'date'], ['from_organization_id', 'uuid'], ['to_organization_id', 'uuid'], ['initiated_by_organization_id', 'uuid'], ['channel', 'text'], ['subject', 'text']], rows);
  },
  async exportFrom(db, context, bundle) {
    const rows = await db.select().from(interactions).where(eq(interactions.programmeId, context.programmeId));
    bundle.interactions = stableSort(
      rows.map((row) => {
        const other = row.initiatedByOrganizationId === row.fromOrganizationId ? row.toOrganizationId : row.fromOrganizationId;
        const sender = row.initiatedByOrganizationId === row.fromOrganizationId ? undefined : context.refFor(row.fromOrganizationId);
        return compact({ date: row.date, from: context.refFor(row.initiatedByOrganizationId), to: context.refFor(other), sender, channel: row.channel, subject: row.subject });
      }),
    );
  },
};

export const learningSection: BundleSection = {
  name: 'learning',
  async importInto(db, context, bundle) {
    const rows = bundle.learning.map((record) => [context.programmeId, day(record.date), orgOf(context, record.from), orgOf(context, record.to), record.topic, record.kind ?? 'exchange', record.description ?? null]);
    await insertRows(db, 'learning_exchanges', [['programme_id', 'uuid'], ['date', 'date'], ['from_organization_id', 'uuid'], ['to_organization_id', 'uuid'], ['topic', 'text'], ['kind', 'text'], ['description', 'text']], rows);
  },
  async exportFrom(db, context, bundle) {
    const rows = await db.select().from(learningExchanges).where(eq(learningExchanges.programmeId, context.programmeId));
    bundle.learning = stableSort(
      rows.map((row) => compact({ date: row.date, from: context.refFor(row.fromOrganizationId), to: context.refFor(row.toOrganizationId), topic: row.topic, kind: row.kind, description: row.description })),
    );
  },
};

export const ratingsSection: BundleSection = {
  name: 'ratings',
  async importInto(db, context, bundle) {
    // The rater recorded it in its own name: it stays the organization that may change it.
    const rows = bundle.ratings.map((rating) => {
      const rater = orgOf(context, rating.rater);
      return [context.programmeId, rating.date ? day(rating.date) : null, rater, orgOf(context, rating.ratee), rating.trust, rating.value, rater, rating.comment ?? null];
    });
    await insertRows(db, 'open_ratings', [['programme_id', 'uuid'], ['date', 'date'], ['rater_organization_id', 'uuid'], ['ratee_organization_id', 'uuid'], ['trust', 'integer'], ['value', 'integer'], ['recorded_by_organization_id', 'uuid'], ['comment', 'text']], rows);
  },
  async exportFrom(db, context: ExportContext, bundle) {
    const rows = await db.select().from(openRatings).where(eq(openRatings.programmeId, context.programmeId));
    bundle.ratings = stableSort(
      rows.map((row) => compact({ date: row.date, rater: context.refFor(row.raterOrganizationId), ratee: context.refFor(row.rateeOrganizationId), trust: row.trust, value: row.value, comment: row.comment })),
    );
  },
};

/** The working log's sections, in import order (meetings before decisions, which may name them one day). */
export const worklogBundleSections: BundleSection[] = [meetingsSection, decisionsSection, interactionsSection, learningSection, ratingsSection];
