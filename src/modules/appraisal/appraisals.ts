import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import {
  appraisalDecisionRecords,
  appraisalFiles,
  appraisals,
  organizations,
  programmes,
  type CriterionScore,
  type TemplateDefinition,
} from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField, notFound, type ErrorDetail } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { authorize, can } from '../../lib/policy.js';
import { getProgrammeAccess } from '../programmes/access.js';
import { visiblePrivateRecords } from './access.js';
import type { PrivateRecordResource } from './policy.js';
import { resolveTemplateReference, versionConflict } from './templates.js';

export type ScoreInput = { criterionKey: string; score: number | null; evidence?: string | undefined };

const candidate = alias(organizations, 'candidate');
const appraiser = alias(organizations, 'appraiser');

/** The privacy resource of an appraisal row. */
export function appraisalResource(row: { organizationId: string; candidateOrganizationId: string; sharedAt: Date | null }): PrivateRecordResource {
  return { kind: 'private-record', ownerOrganizationId: row.organizationId, subjectOrganizationId: row.candidateOrganizationId, shared: row.sharedAt !== null };
}

/** Merges score changes into the current scores, checking each against the template's criteria and scale. */
export function applyScores(template: TemplateDefinition, current: Record<string, CriterionScore>, changes: ScoreInput[]): Record<string, CriterionScore> {
  const keys = new Set(template.groups.flatMap((group) => group.criteria.map((criterion) => criterion.key)));
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  const next = { ...current };
  changes.forEach((change, index) => {
    if (!keys.has(change.criterionKey)) {
      problems.push({ pointer: `/scores/${index}/criterionKey`, message: 'is not a criterion of this appraisal\'s template', value: change.criterionKey });
      return;
    }
    if (seen.has(change.criterionKey)) problems.push({ pointer: `/scores/${index}/criterionKey`, message: 'is scored twice', value: change.criterionKey });
    seen.add(change.criterionKey);
    const { min, max } = template.scale;
    if (change.score !== null && (!Number.isInteger(change.score) || change.score < min || change.score > max)) {
      problems.push({ pointer: `/scores/${index}/score`, message: `must be a whole number from ${min} to ${max}, or null`, value: change.score });
    }
    next[change.criterionKey] = { score: change.score, evidence: change.evidence ?? current[change.criterionKey]?.evidence ?? '' };
  });
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; '), { details: problems });
  }
  return next;
}

async function checkCandidate(db: Database, actor: Actor, organizationId: string): Promise<void> {
  if (organizationId === actor.organizationId) {
    throw invalidField('/candidateOrganizationId', 'is your own organization: use a capacity self-assessment instead', organizationId);
  }
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.id, organizationId), isNull(organizations.deletedAt))).limit(1);
  if (!row) throw invalidField('/candidateOrganizationId', 'is not an organization in the registry', organizationId);
}

/** Checks that a programme named in a body exists and that the actor's organization takes part in it. */
export async function checkProgrammeReference(db: Database, actor: Actor, programmeId: string, pointer = '/programmeId'): Promise<void> {
  try {
    const access = await getProgrammeAccess(db, actor, programmeId);
    if (can(actor, 'programme.view', { kind: 'programme', access })) return;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'not_found')) throw error;
  }
  throw invalidField(pointer, 'is not a programme your organization takes part in', programmeId);
}

/** Starts an appraisal of a candidate organization with a template (copied into the appraisal). */
export async function createAppraisal(
  db: Database,
  options: {
    actor: Actor;
    candidateOrganizationId: string;
    programmeId?: string | null | undefined;
    templateId: string;
    scores?: ScoreInput[] | undefined;
    strengths?: string | undefined;
    risks?: string | undefined;
    shared?: boolean | undefined;
  },
): Promise<string> {
  const { actor } = options;
  await checkCandidate(db, actor, options.candidateOrganizationId);
  if (options.programmeId) await checkProgrammeReference(db, actor, options.programmeId);
  const template = await resolveTemplateReference(db, actor, options.templateId, '/templateId');
  const scores = applyScores(template.definition, {}, options.scores ?? []);
  const [row] = await db
    .insert(appraisals)
    .values({
      organizationId: actor.organizationId,
      candidateOrganizationId: options.candidateOrganizationId,
      programmeId: options.programmeId ?? null,
      templateId: template.organizationId === null ? null : template.id,
      template: template.definition,
      scores,
      strengths: options.strengths ?? '',
      risks: options.risks ?? '',
      sharedAt: options.shared ? new Date() : null,
      createdBy: actor.userId,
    })
    .returning({ id: appraisals.id });
  return row!.id;
}

/** Loads an appraisal the actor may read, or answers not found. */
export async function findVisibleAppraisal(db: Database, actor: Actor, appraisalId: string) {
  const [row] = await db
    .select()
    .from(appraisals)
    .where(and(eq(appraisals.id, appraisalId), visiblePrivateRecords(actor, { owner: appraisals.organizationId, subject: appraisals.candidateOrganizationId, sharedAt: appraisals.sharedAt })))
    .limit(1);
  if (!row) throw notFound('Appraisal');
  return row;
}

/** An appraisal with its organizations, programme, decisions (latest last) and file list. */
export async function getAppraisalDetail(db: Database, options: { actor: Actor; appraisalId: string }) {
  const row = await findVisibleAppraisal(db, options.actor, options.appraisalId);
  const [names] = await db
    .select({ appraiser: { id: appraiser.id, name: appraiser.name }, candidate: { id: candidate.id, name: candidate.name, acronym: candidate.acronym, country: candidate.country } })
    .from(appraiser)
    .innerJoin(candidate, eq(candidate.id, row.candidateOrganizationId))
    .where(eq(appraiser.id, row.organizationId));
  const programme = row.programmeId
    ? ((await db.select({ id: programmes.id, title: programmes.title }).from(programmes).where(eq(programmes.id, row.programmeId)).limit(1))[0] ?? null)
    : null;
  const decisions = await db.select().from(appraisalDecisionRecords).where(eq(appraisalDecisionRecords.appraisalId, row.id)).orderBy(appraisalDecisionRecords.decidedAt, appraisalDecisionRecords.id);
  const files = await db
    .select({ id: appraisalFiles.id, criterionKey: appraisalFiles.criterionKey, name: appraisalFiles.name, contentType: appraisalFiles.contentType, sizeBytes: appraisalFiles.sizeBytes, createdAt: appraisalFiles.createdAt })
    .from(appraisalFiles)
    .where(eq(appraisalFiles.appraisalId, row.id))
    .orderBy(appraisalFiles.createdAt, appraisalFiles.id);
  return { row, appraiser: names!.appraiser, candidate: names!.candidate, programme, decisions, files, canEdit: can(options.actor, 'private-record.edit', appraisalResource(row)) };
}

export type AppraisalDetail = Awaited<ReturnType<typeof getAppraisalDetail>>;

/** Changes scores, evidence, strengths, risks or sharing; refuses stale versions (409). */
export async function updateAppraisal(
  db: Database,
  options: {
    actor: Actor;
    appraisalId: string;
    version: number;
    scores?: ScoreInput[] | undefined;
    strengths?: string | undefined;
    risks?: string | undefined;
    programmeId?: string | null | undefined;
    shared?: boolean | undefined;
  },
): Promise<void> {
  const row = await findVisibleAppraisal(db, options.actor, options.appraisalId);
  authorize(options.actor, 'private-record.edit', appraisalResource(row));
  if (options.programmeId) await checkProgrammeReference(db, options.actor, options.programmeId);
  const changes: Partial<typeof appraisals.$inferInsert> = { updatedAt: new Date() };
  if (options.scores) changes.scores = applyScores(row.template, row.scores, options.scores);
  if (options.strengths !== undefined) changes.strengths = options.strengths;
  if (options.risks !== undefined) changes.risks = options.risks;
  if (options.programmeId !== undefined) changes.programmeId = options.programmeId;
  if (options.shared !== undefined) changes.sharedAt = options.shared ? (row.sharedAt ?? new Date()) : null;
  const [updated] = await db
    .update(appraisals)
    .set({ ...changes, version: sql`${appraisals.version} + 1` })
    .where(and(eq(appraisals.id, row.id), eq(appraisals.version, options.version)))
    .returning({ id: appraisals.id });
  if (!updated) throw versionConflict('appraisal', row.version);
}

/** Deletes an appraisal with its decisions, files and support plan. */
export async function deleteAppraisal(db: Database, options: { actor: Actor; appraisalId: string }): Promise<void> {
  const row = await findVisibleAppraisal(db, options.actor, options.appraisalId);
  authorize(options.actor, 'private-record.edit', appraisalResource(row));
  await db.delete(appraisals).where(eq(appraisals.id, row.id));
}

export type AppraisalListFilter = {
  programmeId?: string | undefined;
  candidateOrganizationId?: string | undefined;
  /** "mine": made by the actor's organization; "about-us": shared with it. Both when absent. */
  scope?: 'mine' | 'about-us' | undefined;
};

/** Appraisals the actor may read, newest first, with names and the latest decision. */
export async function listAppraisals(db: Database, options: { actor: Actor; limit: number; cursor?: string | undefined; filter: AppraisalListFilter }) {
  const { actor, filter } = options;
  const conditions: SQL[] = [visiblePrivateRecords(actor, { owner: appraisals.organizationId, subject: appraisals.candidateOrganizationId, sharedAt: appraisals.sharedAt })];
  if (filter.programmeId) conditions.push(eq(appraisals.programmeId, filter.programmeId));
  if (filter.candidateOrganizationId) conditions.push(eq(appraisals.candidateOrganizationId, filter.candidateOrganizationId));
  if (filter.scope === 'mine') conditions.push(eq(appraisals.organizationId, actor.organizationId));
  if (filter.scope === 'about-us') conditions.push(eq(appraisals.candidateOrganizationId, actor.organizationId));
  const after = decodeCursor(options.cursor, 2);
  if (after) {
    const [createdAt, id] = after as [string, string];
    // The cursor keeps the timestamp as PostgreSQL wrote it: microseconds do not survive a JavaScript Date.
    conditions.push(sql`(${appraisals.createdAt}, ${appraisals.id}) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select({ appraisal: appraisals, cursorTime: sql<string>`${appraisals.createdAt}::text`, appraiser: { id: appraiser.id, name: appraiser.name }, candidate: { id: candidate.id, name: candidate.name, acronym: candidate.acronym, country: candidate.country }, programme: { id: programmes.id, title: programmes.title } })
    .from(appraisals)
    .innerJoin(appraiser, eq(appraiser.id, appraisals.organizationId))
    .innerJoin(candidate, eq(candidate.id, appraisals.candidateOrganizationId))
    .leftJoin(programmes, eq(programmes.id, appraisals.programmeId))
    .where(and(...conditions))
    .orderBy(desc(appraisals.createdAt), desc(appraisals.id))
    .limit(options.limit + 1);
  const page = paginate(rows, options.limit, (row) => [row.cursorTime, row.appraisal.id]);
  const latest = await latestDecisions(db, page.items.map((row) => row.appraisal.id));
  return { items: page.items.map((row) => ({ ...row, decision: latest.get(row.appraisal.id) ?? null })), nextCursor: page.nextCursor };
}

/** The standing (latest) decision of each appraisal. */
export async function latestDecisions(db: Database, appraisalIds: string[]) {
  const latest = new Map<string, typeof appraisalDecisionRecords.$inferSelect>();
  if (appraisalIds.length === 0) return latest;
  const rows = await db
    .select()
    .from(appraisalDecisionRecords)
    .where(inArray(appraisalDecisionRecords.appraisalId, appraisalIds))
    .orderBy(appraisalDecisionRecords.decidedAt, appraisalDecisionRecords.id);
  for (const row of rows) latest.set(row.appraisalId, row);
  return latest;
}
