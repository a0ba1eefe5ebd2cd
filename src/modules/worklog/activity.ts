import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
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
  organizations,
  programmeMembers,
} from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import type { LogContext } from './context.js';

const LIST_LIMIT = 200;

/**
 * What one member organization did in a period: the decisions it took part in (with its level and
 * the level it wanted), those it recorded (proposed), meetings it chaired or attended, what it
 * learned and taught, its interactions and ratings, and the follow-up actions it owns.
 */
export async function organizationActivity(db: Database, options: { context: LogContext; organizationId: string; from?: string | undefined; to?: string | undefined }) {
  const { context, organizationId, from, to } = options;
  const programmeId = context.programme.id;
  const [organization] = await db
    .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym })
    .from(programmeMembers)
    .innerJoin(organizations, eq(organizations.id, programmeMembers.organizationId))
    .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.organizationId, organizationId)))
    .limit(1);
  if (!organization) throw notFound('Member organization');
  const period = (column: PgColumn) => and(from ? gte(column, from) : undefined, to ? lte(column, to) : undefined);

  const involved = await db
    .select({
      id: decisions.id,
      date: decisions.date,
      title: decisions.title,
      scope: decisions.scope,
      locality: decisions.locality,
      topic: decisions.topic,
      level: decisionInvolvements.level,
      desired: decisionDesiredInvolvements.level,
      recordedByUs: sql<boolean>`${decisions.recordedByOrganizationId} is not distinct from ${organizationId}::uuid`,
    })
    .from(decisions)
    .leftJoin(decisionInvolvements, and(eq(decisionInvolvements.decisionId, decisions.id), eq(decisionInvolvements.organizationId, organizationId)))
    .leftJoin(decisionDesiredInvolvements, and(eq(decisionDesiredInvolvements.decisionId, decisions.id), eq(decisionDesiredInvolvements.organizationId, organizationId)))
    .where(
      and(
        eq(decisions.programmeId, programmeId),
        period(decisions.date),
        or(sql`${decisionInvolvements.level} is not null`, sql`${decisionDesiredInvolvements.level} is not null`, eq(decisions.recordedByOrganizationId, organizationId)),
      ),
    )
    .orderBy(desc(decisions.date), desc(decisions.id))
    .limit(LIST_LIMIT);

  const attended = await db
    .select({ id: meetings.id, date: meetings.date, kind: meetings.kind, title: meetings.title, chaired: sql<boolean>`${meetings.chairOrganizationId} = ${organizationId}::uuid` })
    .from(meetings)
    .where(
      and(
        eq(meetings.programmeId, programmeId),
        period(meetings.date),
        sql`exists (select 1 from ${meetingAttendees} where ${meetingAttendees.meetingId} = ${meetings.id} and ${meetingAttendees.organizationId} = ${organizationId}::uuid)`,
      ),
    )
    .orderBy(desc(meetings.date), desc(meetings.id))
    .limit(LIST_LIMIT);

  const learningRows = await db
    .select()
    .from(learningExchanges)
    .where(and(eq(learningExchanges.programmeId, programmeId), period(learningExchanges.date), or(eq(learningExchanges.fromOrganizationId, organizationId), eq(learningExchanges.toOrganizationId, organizationId))))
    .orderBy(desc(learningExchanges.date), desc(learningExchanges.id))
    .limit(LIST_LIMIT);

  const count = async (table: typeof interactions | typeof openRatings, where: SQL | undefined) =>
    Number((await db.select({ n: sql<number>`count(*)` }).from(table).where(where))[0]?.n ?? 0);
  const interactionPeriod = and(eq(interactions.programmeId, programmeId), period(interactions.date));
  const [initiated, received, ratingsGiven, ratingsReceived] = await Promise.all([
    count(interactions, and(interactionPeriod, eq(interactions.initiatedByOrganizationId, organizationId))),
    count(interactions, and(interactionPeriod, or(eq(interactions.fromOrganizationId, organizationId), eq(interactions.toOrganizationId, organizationId)), ne(interactions.initiatedByOrganizationId, organizationId))),
    count(openRatings, and(eq(openRatings.programmeId, programmeId), eq(openRatings.raterOrganizationId, organizationId), from || to ? period(openRatings.date) : undefined)),
    count(openRatings, and(eq(openRatings.programmeId, programmeId), eq(openRatings.rateeOrganizationId, organizationId), from || to ? period(openRatings.date) : undefined)),
  ]);

  const contests = involved.length
    ? await db
        .select({ decisionId: decisionContests.decisionId, id: decisionContests.id, createdAt: decisionContests.createdAt })
        .from(decisionContests)
        .where(and(eq(decisionContests.organizationId, organizationId), isNull(decisionContests.withdrawnAt), inArray(decisionContests.decisionId, involved.map((row) => row.id))))
    : [];

  const actions = await db
    .select({ id: meetingActions.id, meetingId: meetingActions.meetingId, description: meetingActions.description, dueDate: meetingActions.dueDate, status: meetingActions.status })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .where(and(eq(meetings.programmeId, programmeId), eq(meetingActions.ownerOrganizationId, organizationId), inArray(meetingActions.status, ['open', 'in-progress'])))
    .orderBy(asc(meetingActions.dueDate), asc(meetingActions.id))
    .limit(LIST_LIMIT);

  const learned = learningRows.filter((row) => row.toOrganizationId === organizationId);
  const taught = learningRows.filter((row) => row.fromOrganizationId === organizationId);
  return {
    organization: { id: organization.id, name: organization.name, acronym: organization.acronym },
    from: from ?? null,
    to: to ?? null,
    counts: {
      decisionsInvolved: involved.filter((row) => row.level !== null).length,
      decisionsDecided: involved.filter((row) => row.level !== null && row.level >= 3).length,
      decisionsRecorded: involved.filter((row) => row.recordedByUs).length,
      openContests: contests.length,
      meetingsAttended: attended.length,
      meetingsChaired: attended.filter((row) => row.chaired).length,
      interactionsInitiated: initiated,
      interactionsReceived: received,
      learned: learned.length,
      taught: taught.length,
      ratingsGiven,
      ratingsReceived,
      openActions: actions.length,
    },
    decisions: involved.map((row) => ({ ...row, recordedByUs: Boolean(row.recordedByUs), contested: contests.some((contest) => contest.decisionId === row.id) })),
    meetings: attended.map((row) => ({ ...row, chaired: Boolean(row.chaired) })),
    learned: learned.map((row) => ({ id: row.id, date: row.date, topic: row.topic, kind: row.kind, organizationId: row.fromOrganizationId })),
    taught: taught.map((row) => ({ id: row.id, date: row.date, topic: row.topic, kind: row.kind, organizationId: row.toOrganizationId })),
    actions,
  };
}
