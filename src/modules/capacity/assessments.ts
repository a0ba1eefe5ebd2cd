import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { capacityAssessments, organizations, programmes, type CapacityDomainEntry } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField, notFound, type ErrorDetail } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import { authorize, can } from '../../lib/policy.js';
import { visiblePrivateRecords } from '../appraisal/access.js';
import { checkProgrammeReference } from '../appraisal/appraisals.js';
import type { PrivateRecordResource } from '../appraisal/policy.js';
import { versionConflict } from '../appraisal/templates.js';
import { CAPACITY_FRAMEWORK_ID, capacityFramework } from './capacity-framework.js';

export type DomainInput = { key: string; ratings: Array<{ indicatorKey: string; rating: number | null }>; evidence?: string | undefined };

const assessor = alias(organizations, 'assessor');
const assessed = alias(organizations, 'assessed');

const visible = (actor: Actor) =>
  visiblePrivateRecords(actor, { owner: capacityAssessments.organizationId, subject: capacityAssessments.assessedOrganizationId, sharedAt: capacityAssessments.sharedAt });

/** The privacy resource of an assessment row. */
export function assessmentResource(row: { organizationId: string; assessedOrganizationId: string; sharedAt: Date | null }): PrivateRecordResource {
  return { kind: 'private-record', ownerOrganizationId: row.organizationId, subjectOrganizationId: row.assessedOrganizationId, shared: row.sharedAt !== null };
}

/** Merges domain ratings into the current ones, checking domains, indicators and the scale; a null rating removes it. */
export function applyDomainRatings(current: Record<string, CapacityDomainEntry>, changes: DomainInput[]): Record<string, CapacityDomainEntry> {
  const problems: ErrorDetail[] = [];
  const values = capacityFramework.scale.values;
  const next = structuredClone(current);
  changes.forEach((change, index) => {
    const domain = capacityFramework.domains.find((candidate) => candidate.key === change.key);
    if (!domain) {
      problems.push({ pointer: `/domains/${index}/key`, message: `is not a capacity domain (${capacityFramework.domains.map((known) => known.key).join(', ')})`, value: change.key });
      return;
    }
    const entry: CapacityDomainEntry = next[domain.key] ?? { ratings: {}, evidence: '' };
    change.ratings.forEach((rating, ratingIndex) => {
      const pointer = `/domains/${index}/ratings/${ratingIndex}`;
      if (!domain.indicators.some((indicator) => indicator.key === rating.indicatorKey)) {
        problems.push({ pointer: `${pointer}/indicatorKey`, message: `is not an indicator of the ${domain.key} domain`, value: rating.indicatorKey });
      } else if (rating.rating === null) {
        delete entry.ratings[rating.indicatorKey];
      } else if (!values.includes(rating.rating)) {
        problems.push({ pointer: `${pointer}/rating`, message: `must be one of ${values.join(', ')}, or null`, value: rating.rating });
      } else {
        entry.ratings[rating.indicatorKey] = rating.rating;
      }
    });
    if (change.evidence !== undefined) entry.evidence = change.evidence;
    next[domain.key] = entry;
  });
  if (problems.length > 0) throw new AppError('validation_failed', problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; '), { details: problems });
  return next;
}

/** Records a capacity assessment of an organization (the actor's own: a self-assessment) at a date. */
export async function createAssessment(
  db: Database,
  options: { actor: Actor; assessedOrganizationId: string; assessedOn: string; programmeId?: string | null | undefined; domains?: DomainInput[] | undefined; notes?: string | undefined; shared?: boolean | undefined },
): Promise<string> {
  const { actor } = options;
  const [organization] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, options.assessedOrganizationId), isNull(organizations.deletedAt)))
    .limit(1);
  if (!organization) throw invalidField('/assessedOrganizationId', 'is not an organization in the registry', options.assessedOrganizationId);
  if (options.programmeId) await checkProgrammeReference(db, actor, options.programmeId);
  const domains = applyDomainRatings({}, options.domains ?? []);
  const [row] = await db
    .insert(capacityAssessments)
    .values({
      organizationId: actor.organizationId,
      assessedOrganizationId: options.assessedOrganizationId,
      programmeId: options.programmeId ?? null,
      assessedOn: options.assessedOn,
      framework: CAPACITY_FRAMEWORK_ID,
      domains,
      notes: options.notes ?? '',
      sharedAt: options.shared ? new Date() : null,
      createdBy: actor.userId,
    })
    .returning({ id: capacityAssessments.id });
  return row!.id;
}

/** Loads an assessment the actor may read, or answers not found. */
export async function findVisibleAssessment(db: Database, actor: Actor, assessmentId: string) {
  const [row] = await db.select().from(capacityAssessments).where(and(eq(capacityAssessments.id, assessmentId), visible(actor))).limit(1);
  if (!row) throw notFound('Capacity assessment');
  return row;
}

const listColumns = {
  assessment: capacityAssessments,
  cursorTime: sql<string>`${capacityAssessments.createdAt}::text`,
  assessor: { id: assessor.id, name: assessor.name },
  assessed: { id: assessed.id, name: assessed.name, acronym: assessed.acronym },
  programme: { id: programmes.id, title: programmes.title },
};

function selectAssessments(db: Database) {
  return db
    .select(listColumns)
    .from(capacityAssessments)
    .innerJoin(assessor, eq(assessor.id, capacityAssessments.organizationId))
    .innerJoin(assessed, eq(assessed.id, capacityAssessments.assessedOrganizationId))
    .leftJoin(programmes, eq(programmes.id, capacityAssessments.programmeId));
}

/** One assessment with its organizations and programme, and whether the actor may change it. */
export async function getAssessmentDetail(db: Database, options: { actor: Actor; assessmentId: string }) {
  const [row] = await selectAssessments(db).where(and(eq(capacityAssessments.id, options.assessmentId), visible(options.actor))).limit(1);
  if (!row) throw notFound('Capacity assessment');
  return { row, canEdit: can(options.actor, 'private-record.edit', assessmentResource(row.assessment)) };
}

export type AssessmentRow = Awaited<ReturnType<typeof getAssessmentDetail>>['row'];

/** Assessments the actor may read, latest assessment date first. */
export async function listAssessments(
  db: Database,
  options: { actor: Actor; limit: number; cursor?: string | undefined; filter: { assessedOrganizationId?: string | undefined; scope?: 'mine' | 'about-us' | undefined } },
) {
  const { actor, filter } = options;
  const conditions: SQL[] = [visible(actor)];
  if (filter.assessedOrganizationId) conditions.push(eq(capacityAssessments.assessedOrganizationId, filter.assessedOrganizationId));
  if (filter.scope === 'mine') conditions.push(eq(capacityAssessments.organizationId, actor.organizationId));
  if (filter.scope === 'about-us') conditions.push(eq(capacityAssessments.assessedOrganizationId, actor.organizationId));
  const after = decodeCursor(options.cursor, 3);
  if (after) {
    const [assessedOn, createdAt, id] = after as [string, string, string];
    conditions.push(sql`(${capacityAssessments.assessedOn}, ${capacityAssessments.createdAt}, ${capacityAssessments.id}) < (${assessedOn}::date, ${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await selectAssessments(db)
    .where(and(...conditions))
    .orderBy(desc(capacityAssessments.assessedOn), desc(capacityAssessments.createdAt), desc(capacityAssessments.id))
    .limit(options.limit + 1);
  return paginate(rows, options.limit, (row) => [row.assessment.assessedOn, row.cursorTime, row.assessment.id]);
}

/** Every assessment of one organization the actor may read, oldest first (for the trend). */
export async function listAssessmentsOf(db: Database, options: { actor: Actor; organizationId: string }) {
  return selectAssessments(db)
    .where(and(visible(options.actor), eq(capacityAssessments.assessedOrganizationId, options.organizationId)))
    .orderBy(asc(capacityAssessments.assessedOn), asc(capacityAssessments.createdAt));
}

/** Changes an assessment's date, ratings, notes or sharing; refuses stale versions (409). */
export async function updateAssessment(
  db: Database,
  options: { actor: Actor; assessmentId: string; version: number; assessedOn?: string | undefined; programmeId?: string | null | undefined; domains?: DomainInput[] | undefined; notes?: string | undefined; shared?: boolean | undefined },
): Promise<void> {
  const row = await findVisibleAssessment(db, options.actor, options.assessmentId);
  authorize(options.actor, 'private-record.edit', assessmentResource(row));
  if (options.programmeId) await checkProgrammeReference(db, options.actor, options.programmeId);
  const changes: Partial<typeof capacityAssessments.$inferInsert> = { updatedAt: new Date() };
  if (options.domains) changes.domains = applyDomainRatings(row.domains, options.domains);
  if (options.assessedOn !== undefined) changes.assessedOn = options.assessedOn;
  if (options.programmeId !== undefined) changes.programmeId = options.programmeId;
  if (options.notes !== undefined) changes.notes = options.notes;
  if (options.shared !== undefined) changes.sharedAt = options.shared ? (row.sharedAt ?? new Date()) : null;
  const [updated] = await db
    .update(capacityAssessments)
    .set({ ...changes, version: sql`${capacityAssessments.version} + 1` })
    .where(and(eq(capacityAssessments.id, row.id), eq(capacityAssessments.version, options.version)))
    .returning({ id: capacityAssessments.id });
  if (!updated) throw versionConflict('capacity assessment', row.version);
}

/** Deletes an assessment and its support plan. */
export async function deleteAssessment(db: Database, options: { actor: Actor; assessmentId: string }): Promise<void> {
  const row = await findVisibleAssessment(db, options.actor, options.assessmentId);
  authorize(options.actor, 'private-record.edit', assessmentResource(row));
  await db.delete(capacityAssessments).where(eq(capacityAssessments.id, row.id));
}
