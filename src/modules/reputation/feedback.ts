import { and, asc, desc, eq, exists, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { feedbackRecords, organizations, programmeMembers, programmes, programmeUsers, stakeholders, type FeedbackChannel, type FollowUpStatus, type StakeholderKind } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { authorize } from '../../lib/policy.js';
import { activeMembership, getProgrammeAccess } from '../programmes/access.js';
import type { FeedbackResource } from './policy.js';

export type FeedbackRow = typeof feedbackRecords.$inferSelect;

/** The WHERE condition for feedback an actor may read: their organization's own, and shared records of programmes they take part in. */
export function visibleFeedback(actor: Actor): SQL {
  return or(
    eq(feedbackRecords.organizationId, actor.organizationId),
    and(
      eq(feedbackRecords.shared, true),
      or(
        exists(sql`(select 1 from ${programmeMembers} where ${programmeMembers.programmeId} = ${feedbackRecords.programmeId} and ${programmeMembers.organizationId} = ${actor.organizationId} and ${activeMembership()})`),
        exists(sql`(select 1 from ${programmeUsers} where ${programmeUsers.programmeId} = ${feedbackRecords.programmeId} and ${programmeUsers.userId} = ${actor.userId})`),
      ),
    ),
  )!;
}

/** The organization's stakeholders. */
export async function listStakeholders(db: Database, actor: Actor) {
  return db.select().from(stakeholders).where(eq(stakeholders.organizationId, actor.organizationId)).orderBy(asc(stakeholders.name));
}

async function checkLinkedOrganization(db: Database, linkedOrganizationId: string | null | undefined) {
  if (!linkedOrganizationId) return;
  const [found] = await db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.id, linkedOrganizationId), isNull(organizations.deletedAt))).limit(1);
  if (!found) throw invalidField('/linkedOrganizationId', 'is not an organization of the registry', linkedOrganizationId);
}

/** Adds a stakeholder to the actor's organization's list. */
export async function createStakeholder(db: Database, options: { actor: Actor; input: { name: string; kind: StakeholderKind; linkedOrganizationId?: string | null | undefined; notes?: string | null | undefined } }) {
  await checkLinkedOrganization(db, options.input.linkedOrganizationId);
  const [row] = await db
    .insert(stakeholders)
    .values({ organizationId: options.actor.organizationId, name: options.input.name, kind: options.input.kind, linkedOrganizationId: options.input.linkedOrganizationId ?? null, notes: options.input.notes ?? null })
    .returning();
  return row!;
}

export type StakeholderChanges = { version: number; name?: string | undefined; kind?: StakeholderKind | undefined; linkedOrganizationId?: string | null | undefined; notes?: string | null | undefined };

/** Changes one of the actor's organization's stakeholders (send the version you read); another organization's is "not found". */
export async function updateStakeholder(db: Database, options: { actor: Actor; stakeholderId: string; input: StakeholderChanges }) {
  const { version, ...changes } = options.input;
  const mine = and(eq(stakeholders.id, options.stakeholderId), eq(stakeholders.organizationId, options.actor.organizationId));
  const [existing] = await db.select({ version: stakeholders.version }).from(stakeholders).where(mine).limit(1);
  if (!existing) throw notFound('Stakeholder');
  await checkLinkedOrganization(db, changes.linkedOrganizationId);
  const [updated] = await db
    .update(stakeholders)
    .set({ ...changes, updatedAt: new Date(), version: existing.version + 1 })
    .where(and(mine, eq(stakeholders.version, version)))
    .returning();
  if (!updated) throw new AppError('version_conflict', 'The stakeholder was changed by someone else; reload it and try again', { details: [{ pointer: '/version', message: `expected ${existing.version}`, value: version }] });
  return updated;
}

export type FeedbackInput = {
  stakeholderId?: string | null | undefined;
  source: string;
  channel: FeedbackChannel;
  receivedOn: string;
  topic: string;
  sentiment: number;
  details?: string | null | undefined;
  programmeId?: string | null | undefined;
  followUp?: string | null | undefined;
  followUpStatus?: FollowUpStatus | undefined;
  shared?: boolean | undefined;
};

async function checkReferences(db: Database, actor: Actor, input: Partial<FeedbackInput>) {
  if (input.stakeholderId) {
    const [stakeholder] = await db.select({ id: stakeholders.id }).from(stakeholders).where(and(eq(stakeholders.id, input.stakeholderId), eq(stakeholders.organizationId, actor.organizationId))).limit(1);
    if (!stakeholder) throw invalidField('/stakeholderId', 'is not one of your stakeholders', input.stakeholderId);
  }
  if (input.programmeId) {
    const access = await getProgrammeAccess(db, actor, input.programmeId).catch(() => null);
    if (!access || access.consortiumRole === null) throw invalidField('/programmeId', 'is not a programme your organization takes part in', input.programmeId);
  }
}

/** Records feedback about the actor's organization. */
export async function createFeedback(db: Database, options: { actor: Actor; input: FeedbackInput }): Promise<FeedbackRow> {
  await checkReferences(db, options.actor, options.input);
  const { input } = options;
  const [row] = await db
    .insert(feedbackRecords)
    .values({
      organizationId: options.actor.organizationId,
      stakeholderId: input.stakeholderId ?? null,
      source: input.source,
      channel: input.channel,
      receivedOn: input.receivedOn,
      topic: input.topic,
      sentiment: input.sentiment,
      details: input.details ?? null,
      programmeId: input.programmeId ?? null,
      followUp: input.followUp ?? null,
      followUpStatus: input.followUpStatus ?? 'none',
      shared: input.shared ?? false,
      recordedBy: options.actor.userId,
    })
    .returning();
  return row!;
}

async function resourceOf(db: Database, actor: Actor, row: FeedbackRow): Promise<FeedbackResource> {
  let programmeMember = false;
  if (row.programmeId && row.shared && row.organizationId !== actor.organizationId) {
    const access = await getProgrammeAccess(db, actor, row.programmeId).catch(() => null);
    programmeMember = access !== null && (access.consortiumRole !== null || access.userRole !== null);
  }
  return { kind: 'feedback', organizationId: row.organizationId, shared: row.shared, linkedToProgramme: row.programmeId !== null, programmeMember };
}

/** One feedback record the actor may read (else "not found"). */
export async function getFeedback(db: Database, actor: Actor, feedbackId: string): Promise<{ row: FeedbackRow; resource: FeedbackResource }> {
  const [row] = await db.select().from(feedbackRecords).where(eq(feedbackRecords.id, feedbackId)).limit(1);
  if (!row) throw notFound('Feedback');
  const resource = await resourceOf(db, actor, row);
  authorize(actor, 'feedback.view', resource);
  return { row, resource };
}

/** Changes a record, typically its follow-up and status (send the version you read). */
export async function updateFeedback(db: Database, options: { actor: Actor; feedbackId: string; input: Partial<FeedbackInput> & { version: number } }): Promise<FeedbackRow> {
  const { row, resource } = await getFeedback(db, options.actor, options.feedbackId);
  authorize(options.actor, 'feedback.edit', resource);
  await checkReferences(db, options.actor, options.input);
  const { version, ...changes } = options.input;
  const [updated] = await db
    .update(feedbackRecords)
    .set({ ...changes, updatedAt: new Date(), version: row.version + 1 })
    .where(and(eq(feedbackRecords.id, row.id), eq(feedbackRecords.version, version)))
    .returning();
  if (!updated) throw new AppError('version_conflict', 'The record was changed by someone else; reload it and try again');
  return updated;
}

/** Which feedback a list covers: the organization's own, or (with a programme) that programme's shared and own records. */
function feedbackScope(options: { actor: Actor; programmeId?: string | undefined }): SQL {
  return and(
    visibleFeedback(options.actor),
    options.programmeId ? eq(feedbackRecords.programmeId, options.programmeId) : eq(feedbackRecords.organizationId, options.actor.organizationId),
  )!;
}

function selectFeedback(db: Database) {
  return db
    .select({ feedback: feedbackRecords, stakeholderName: stakeholders.name, stakeholderKind: stakeholders.kind, programmeTitle: programmes.title })
    .from(feedbackRecords)
    .leftJoin(stakeholders, eq(stakeholders.id, feedbackRecords.stakeholderId))
    .leftJoin(programmes, eq(programmes.id, feedbackRecords.programmeId));
}

export type ListedFeedback = Awaited<ReturnType<ReturnType<typeof selectFeedback>['execute']>>[number];

/** One page of the feedback the actor may read, newest first (by date received, then id). */
export async function listFeedback(db: Database, options: { actor: Actor; programmeId?: string | undefined; limit: number; cursor?: string | undefined }) {
  const conditions = [feedbackScope(options)];
  const after = decodeCursor(options.cursor, 2);
  if (after) {
    const [receivedOn, id] = after as [string, string];
    conditions.push(or(lt(feedbackRecords.receivedOn, receivedOn), and(eq(feedbackRecords.receivedOn, receivedOn), lt(feedbackRecords.id, id)))!);
  }
  const rows = await selectFeedback(db)
    .where(and(...conditions))
    .orderBy(desc(feedbackRecords.receivedOn), desc(feedbackRecords.id))
    .limit(options.limit + 1);
  return paginate(rows, options.limit, (row) => [row.feedback.receivedOn, row.feedback.id]);
}

/** One feedback record with its stakeholder and programme names (the caller has checked it may be read). */
export async function getListedFeedback(db: Database, feedbackId: string): Promise<ListedFeedback> {
  const [row] = await selectFeedback(db).where(eq(feedbackRecords.id, feedbackId)).limit(1);
  if (!row) throw notFound('Feedback');
  return row;
}

/** The summary by quarter of every record a list covers (all pages), computed in the database. */
export async function summariseFeedback(db: Database, options: { actor: Actor; programmeId?: string | undefined }): Promise<QuarterSummary[]> {
  const quarter = sql<string>`to_char(${feedbackRecords.receivedOn}, 'YYYY-"Q"Q')`;
  const rows = await db
    .select({
      quarter,
      records: sql<number>`count(*)::int`,
      sum: sql<number>`sum(${feedbackRecords.sentiment})::int`,
      positive: sql<number>`(count(*) filter (where ${feedbackRecords.sentiment} > 0))::int`,
      negative: sql<number>`(count(*) filter (where ${feedbackRecords.sentiment} < 0))::int`,
      open: sql<number>`(count(*) filter (where ${feedbackRecords.followUpStatus} in ('open', 'in-progress')))::int`,
    })
    .from(feedbackRecords)
    .where(feedbackScope(options))
    .groupBy(quarter)
    .orderBy(quarter);
  return rows.map((row) => ({
    quarter: row.quarter,
    records: Number(row.records),
    meanSentiment: Math.round((Number(row.sum) / Number(row.records)) * 100) / 100,
    positive: Number(row.positive),
    negative: Number(row.negative),
    openFollowUps: Number(row.open),
  }));
}

export type QuarterSummary = { quarter: string; records: number; meanSentiment: number; positive: number; negative: number; openFollowUps: number };

/** Sentiment by quarter ("2025-Q1"): number of records, mean sentiment, positive and negative counts, follow-ups still open (pure). */
export function summariseByQuarter(rows: ReadonlyArray<Pick<FeedbackRow, 'receivedOn' | 'sentiment' | 'followUpStatus'>>): QuarterSummary[] {
  const quarters = new Map<string, { sum: number; records: number; positive: number; negative: number; open: number }>();
  for (const row of rows) {
    const quarter = `${row.receivedOn.slice(0, 4)}-Q${Math.floor((Number(row.receivedOn.slice(5, 7)) - 1) / 3) + 1}`;
    const entry = quarters.get(quarter) ?? { sum: 0, records: 0, positive: 0, negative: 0, open: 0 };
    entry.sum += row.sentiment;
    entry.records += 1;
    if (row.sentiment > 0) entry.positive += 1;
    if (row.sentiment < 0) entry.negative += 1;
    if (row.followUpStatus === 'open' || row.followUpStatus === 'in-progress') entry.open += 1;
    quarters.set(quarter, entry);
  }
  return [...quarters.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, entry]) => ({ quarter, records: entry.records, meanSentiment: Math.round((entry.sum / entry.records) * 100) / 100, positive: entry.positive, negative: entry.negative, openFollowUps: entry.open }));
}

/** Checks a programme can be summarised by the actor (they see it); "not found" otherwise. */
export async function requireProgrammeSight(db: Database, actor: Actor, programmeId: string) {
  const access = await getProgrammeAccess(db, actor, programmeId);
  authorize(actor, 'programme.view', { kind: 'programme', access });
}
