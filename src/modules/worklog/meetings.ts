import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { decisions, meetingActions, meetingAttendees, meetings } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { paginate } from '../../lib/pagination.js';
import { updateVersioned } from '../programmes/versioned-update.js';
import { assertCanEdit, canEditRecord, loadRoster, ReferenceCheck, type LogContext } from './context.js';
import { newestFirst, pageWhere, dateKey } from './list-page.js';
import { presentAction, presentMeetingSummary } from './present.js';
import type { ActionInput, CreateMeetingInput, ListQuery, UpdateActionInput, UpdateMeetingInput } from './schemas.js';

function checkMeetingReferences(check: ReferenceCheck, input: Partial<CreateMeetingInput>): void {
  check.member('/chairOrganizationId', input.chairOrganizationId);
  input.attendeeOrganizationIds?.forEach((organizationId, index) => check.member(`/attendeeOrganizationIds/${index}`, organizationId));
  input.participantUserIds?.forEach((userId, index) => check.user(`/participantUserIds/${index}`, userId));
  input.actions?.forEach((action, index) => checkActionReferences(check, action, `/actions/${index}`));
}

function checkActionReferences(check: ReferenceCheck, action: Partial<ActionInput>, prefix = ''): void {
  check.member(`${prefix}/ownerOrganizationId`, action.ownerOrganizationId);
  check.user(`${prefix}/ownerUserId`, action.ownerUserId, action.ownerOrganizationId);
}

/** The chair always attended; duplicates are dropped. */
const attendeesWithChair = (chair: string, attendees: string[]) => [...new Set([chair, ...attendees])];

async function replaceAttendees(db: Database, meetingId: string, organizationIds: string[]): Promise<void> {
  await db.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
  if (organizationIds.length > 0) await db.insert(meetingAttendees).values(organizationIds.map((organizationId) => ({ meetingId, organizationId })));
}

/** Records a meeting with its attendees and follow-up actions, all or nothing. */
export async function createMeeting(db: Database, options: { context: LogContext; input: CreateMeetingInput }) {
  const { context, input } = options;
  const check = new ReferenceCheck(await loadRoster(db, context.programme.id));
  checkMeetingReferences(check, input);
  check.throwIfAny();
  const meetingId = await db.transaction(async (tx) => {
    const { actions, attendeeOrganizationIds, ...fields } = input;
    const [meeting] = await tx
      .insert(meetings)
      .values({ ...fields, programmeId: context.programme.id, recordedByOrganizationId: context.actor.organizationId, recordedByUserId: context.actor.userId })
      .returning({ id: meetings.id });
    await replaceAttendees(tx, meeting!.id, attendeesWithChair(input.chairOrganizationId, attendeeOrganizationIds));
    if (actions.length > 0) await tx.insert(meetingActions).values(actions.map((action) => ({ ...action, meetingId: meeting!.id })));
    return meeting!.id;
  });
  return getMeeting(db, { context, meetingId });
}

async function findMeeting(db: Database, programmeId: string, meetingId: string) {
  const [meeting] = await db.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.programmeId, programmeId))).limit(1);
  if (!meeting) throw notFound('Meeting');
  return meeting;
}

/** A meeting with its minutes, actions and the decisions taken in it. */
export async function getMeeting(db: Database, options: { context: LogContext; meetingId: string }) {
  const { context } = options;
  const meeting = await findMeeting(db, context.programme.id, options.meetingId);
  const attendees = await db.select({ organizationId: meetingAttendees.organizationId }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id));
  const actions = await db.select().from(meetingActions).where(eq(meetingActions.meetingId, meeting.id)).orderBy(meetingActions.createdAt, meetingActions.id);
  const taken = await db
    .select({ id: decisions.id, date: decisions.date, title: decisions.title })
    .from(decisions)
    .where(eq(decisions.meetingId, meeting.id))
    .orderBy(decisions.date, decisions.id);
  const canEditMeeting = canEditRecord(context, meeting.recordedByOrganizationId);
  return {
    ...presentMeetingSummary(meeting, attendees.map((row) => row.organizationId), canEditMeeting),
    agenda: meeting.agenda,
    minutes: meeting.minutes,
    actions: actions.map((action) => presentAction(action, canEditMeeting || canEditRecord(context, action.ownerOrganizationId))),
    decisions: taken,
  };
}

/** The programme's meetings, newest first; with organizationId, those it chaired or attended. */
export async function listMeetings(db: Database, options: { context: LogContext; query: ListQuery }) {
  const { context, query } = options;
  const organization = query.organizationId;
  const extra = organization
    ? or(
        eq(meetings.chairOrganizationId, organization),
        sql`exists (select 1 from ${meetingAttendees} where ${meetingAttendees.meetingId} = ${meetings.id} and ${meetingAttendees.organizationId} = ${organization})`,
      )
    : undefined;
  const rows = await db
    .select()
    .from(meetings)
    .where(pageWhere(meetings, context.programme.id, query, extra))
    .orderBy(...newestFirst(meetings))
    .limit(query.limit + 1);
  const page = paginate(rows, query.limit, dateKey);
  const attendees = page.items.length
    ? await db.select().from(meetingAttendees).where(inArray(meetingAttendees.meetingId, page.items.map((row) => row.id)))
    : [];
  return {
    items: page.items.map((row) =>
      presentMeetingSummary(
        row,
        attendees.filter((attendee) => attendee.meetingId === row.id).map((attendee) => attendee.organizationId),
        canEditRecord(context, row.recordedByOrganizationId),
      ),
    ),
    nextCursor: page.nextCursor,
  };
}

/** Changes a meeting the actor's organization recorded (or any, for managers), if still at the version read. */
export async function updateMeeting(db: Database, options: { context: LogContext; meetingId: string; input: UpdateMeetingInput }) {
  const { context, input } = options;
  const meeting = await findMeeting(db, context.programme.id, options.meetingId);
  assertCanEdit(context, meeting.recordedByOrganizationId);
  const check = new ReferenceCheck(await loadRoster(db, context.programme.id));
  checkMeetingReferences(check, input);
  check.throwIfAny();
  await db.transaction(async (tx) => {
    const { version, attendeeOrganizationIds, ...values } = input;
    const updated = await updateVersioned(tx, { table: meetings, id: meeting.id, version, values, what: 'Meeting', scope: eq(meetings.programmeId, context.programme.id) });
    if (attendeeOrganizationIds !== undefined || input.chairOrganizationId !== undefined) {
      const current = attendeeOrganizationIds ?? (await tx.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id))).map((row) => row.organizationId);
      await replaceAttendees(tx, meeting.id, attendeesWithChair(updated.chairOrganizationId, current));
    }
  });
  return getMeeting(db, { context, meetingId: meeting.id });
}

/** Deletes a meeting; its decisions stay, without the link. */
export async function deleteMeeting(db: Database, options: { context: LogContext; meetingId: string }) {
  const meeting = await findMeeting(db, options.context.programme.id, options.meetingId);
  assertCanEdit(options.context, meeting.recordedByOrganizationId);
  await db.delete(meetings).where(eq(meetings.id, meeting.id));
}

/** Adds a follow-up action to a meeting (whoever may edit the meeting). */
export async function addMeetingAction(db: Database, options: { context: LogContext; meetingId: string; input: ActionInput }) {
  const { context, input } = options;
  const meeting = await findMeeting(db, context.programme.id, options.meetingId);
  assertCanEdit(context, meeting.recordedByOrganizationId);
  const check = new ReferenceCheck(await loadRoster(db, context.programme.id));
  checkActionReferences(check, input);
  check.throwIfAny();
  await db.insert(meetingActions).values({ ...input, meetingId: meeting.id });
  return getMeeting(db, { context, meetingId: meeting.id });
}

/** Updates a follow-up action: the meeting's recorder, the owning organization (its status, say) or a manager. */
export async function updateMeetingAction(db: Database, options: { context: LogContext; meetingId: string; actionId: string; input: UpdateActionInput }) {
  const { context, input } = options;
  const meeting = await findMeeting(db, context.programme.id, options.meetingId);
  const [action] = await db.select().from(meetingActions).where(and(eq(meetingActions.id, options.actionId), eq(meetingActions.meetingId, meeting.id))).limit(1);
  if (!action) throw notFound('Action');
  if (!canEditRecord(context, meeting.recordedByOrganizationId)) assertCanEdit(context, action.ownerOrganizationId);
  const check = new ReferenceCheck(await loadRoster(db, context.programme.id));
  checkActionReferences(check, { ownerOrganizationId: input.ownerOrganizationId ?? action.ownerOrganizationId, ownerUserId: input.ownerUserId });
  check.throwIfAny();
  const { version, ...values } = input;
  await updateVersioned(db, { table: meetingActions, id: action.id, version, values, what: 'Action', scope: eq(meetingActions.meetingId, meeting.id) });
  return getMeeting(db, { context, meetingId: meeting.id });
}
