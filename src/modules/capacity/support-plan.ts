import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { appraisals, capacityAssessments, organizations, supportPlanItems, type SupportItemStatus } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { invalidField, notFound } from '../../lib/errors.js';
import { authorize, can } from '../../lib/policy.js';
import { visiblePrivateRecords } from '../appraisal/access.js';
import { appraisalResource, findVisibleAppraisal } from '../appraisal/appraisals.js';
import { versionConflict } from '../appraisal/templates.js';
import { assessmentResource, findVisibleAssessment } from './assessments.js';
import { capacityFramework } from './capacity-framework.js';

export type SupportParent = { kind: 'appraisal' | 'assessment'; id: string };

export type SupportItemInput = {
  description?: string | undefined;
  domainKey?: string | null | undefined;
  ownerOrganizationId?: string | null | undefined;
  ownerPerson?: string | null | undefined;
  dueOn?: string | null | undefined;
  status?: SupportItemStatus | undefined;
  notes?: string | undefined;
};

/** Loads a parent the actor may read, with the privacy resource that governs its support plan. */
async function loadParent(db: Database, actor: Actor, parent: SupportParent) {
  if (parent.kind === 'appraisal') {
    const row = await findVisibleAppraisal(db, actor, parent.id);
    return { resource: appraisalResource(row), subjectOrganizationId: row.candidateOrganizationId };
  }
  const row = await findVisibleAssessment(db, actor, parent.id);
  return { resource: assessmentResource(row), subjectOrganizationId: row.assessedOrganizationId };
}

async function checkItem(db: Database, item: SupportItemInput, merged: { ownerOrganizationId: string | null; ownerPerson: string | null }) {
  if (item.domainKey && !capacityFramework.domains.some((domain) => domain.key === item.domainKey)) {
    throw invalidField('/domainKey', 'is not a capacity domain', item.domainKey);
  }
  if (!merged.ownerOrganizationId && !merged.ownerPerson) throw invalidField('/ownerPerson', 'name an owner: a person, an organization, or both');
  if (item.ownerOrganizationId) {
    const [organization] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, item.ownerOrganizationId)).limit(1);
    if (!organization) throw invalidField('/ownerOrganizationId', 'is not an organization in the registry', item.ownerOrganizationId);
  }
}

/** Adds a support-plan item (what, owner, due date, status) to an appraisal or a capacity assessment. */
export async function createSupportItem(db: Database, options: { actor: Actor; parent: SupportParent; item: SupportItemInput & { description: string } }) {
  const { resource } = await loadParent(db, options.actor, options.parent);
  authorize(options.actor, 'private-record.edit', resource);
  const { item } = options;
  const ownerOrganizationId = item.ownerOrganizationId ?? null;
  const ownerPerson = item.ownerPerson?.trim() || null;
  await checkItem(db, item, { ownerOrganizationId, ownerPerson });
  const [row] = await db
    .insert(supportPlanItems)
    .values({
      appraisalId: options.parent.kind === 'appraisal' ? options.parent.id : null,
      assessmentId: options.parent.kind === 'assessment' ? options.parent.id : null,
      domainKey: item.domainKey ?? null,
      description: item.description,
      ownerOrganizationId,
      ownerPerson,
      dueOn: item.dueOn ?? null,
      status: item.status ?? 'planned',
      notes: item.notes ?? '',
    })
    .returning({ id: supportPlanItems.id });
  return row!.id;
}

/** The condition selecting support items whose parent the actor may read. */
function visibleItems(actor: Actor): SQL {
  const appraisalIds = sql`(select ${appraisals.id} from ${appraisals} where ${visiblePrivateRecords(actor, { owner: appraisals.organizationId, subject: appraisals.candidateOrganizationId, sharedAt: appraisals.sharedAt })})`;
  const assessmentIds = sql`(select ${capacityAssessments.id} from ${capacityAssessments} where ${visiblePrivateRecords(actor, { owner: capacityAssessments.organizationId, subject: capacityAssessments.assessedOrganizationId, sharedAt: capacityAssessments.sharedAt })})`;
  return or(
    and(isNotNull(supportPlanItems.appraisalId), sql`${supportPlanItems.appraisalId} in ${appraisalIds}`),
    and(isNotNull(supportPlanItems.assessmentId), sql`${supportPlanItems.assessmentId} in ${assessmentIds}`),
  )!;
}

/** Support-plan items the actor may read, with their owner and what they belong to, by due date. */
export async function listSupportItems(db: Database, options: { actor: Actor; parent?: SupportParent | undefined; status?: SupportItemStatus | undefined; itemId?: string | undefined }) {
  // A parent the actor may not read is not found, rather than an empty plan.
  if (options.parent) await loadParent(db, options.actor, options.parent);
  const conditions: SQL[] = [visibleItems(options.actor)];
  if (options.parent?.kind === 'appraisal') conditions.push(eq(supportPlanItems.appraisalId, options.parent.id));
  if (options.parent?.kind === 'assessment') conditions.push(eq(supportPlanItems.assessmentId, options.parent.id));
  if (options.status) conditions.push(eq(supportPlanItems.status, options.status));
  if (options.itemId) conditions.push(eq(supportPlanItems.id, options.itemId));
  const rows = await db
    .select({ item: supportPlanItems, owner: { id: organizations.id, name: organizations.name } })
    .from(supportPlanItems)
    .leftJoin(organizations, eq(organizations.id, supportPlanItems.ownerOrganizationId))
    .where(and(...conditions))
    .orderBy(sql`${supportPlanItems.dueOn} asc nulls last`, asc(supportPlanItems.createdAt))
    .limit(500);
  const subjects = await subjectsOf(db, rows.map((row) => row.item));
  return rows.map((row) => {
    const subject = subjects.get(row.item.appraisalId ?? row.item.assessmentId ?? '');
    return {
      ...row,
      subject: subject ?? null,
      canEdit: subject ? can(options.actor, 'private-record.edit', subject.resource) : false,
    };
  });
}

/** For each parent, who the plan is about and the privacy resource. */
async function subjectsOf(db: Database, items: Array<typeof supportPlanItems.$inferSelect>) {
  const result = new Map<string, { organization: { id: string; name: string }; resource: ReturnType<typeof appraisalResource> }>();
  const appraisalIds = items.map((item) => item.appraisalId).filter((id): id is string => id !== null);
  const assessmentIds = items.map((item) => item.assessmentId).filter((id): id is string => id !== null);
  if (appraisalIds.length > 0) {
    const rows = await db
      .select({ id: appraisals.id, organizationId: appraisals.organizationId, candidateOrganizationId: appraisals.candidateOrganizationId, sharedAt: appraisals.sharedAt, name: organizations.name })
      .from(appraisals)
      .innerJoin(organizations, eq(organizations.id, appraisals.candidateOrganizationId))
      .where(inArray(appraisals.id, appraisalIds));
    for (const row of rows) result.set(row.id, { organization: { id: row.candidateOrganizationId, name: row.name }, resource: appraisalResource(row) });
  }
  if (assessmentIds.length > 0) {
    const rows = await db
      .select({ id: capacityAssessments.id, organizationId: capacityAssessments.organizationId, assessedOrganizationId: capacityAssessments.assessedOrganizationId, sharedAt: capacityAssessments.sharedAt, name: organizations.name })
      .from(capacityAssessments)
      .innerJoin(organizations, eq(organizations.id, capacityAssessments.assessedOrganizationId))
      .where(inArray(capacityAssessments.id, assessmentIds));
    for (const row of rows) result.set(row.id, { organization: { id: row.assessedOrganizationId, name: row.name }, resource: assessmentResource(row) });
  }
  return result;
}

async function findVisibleItem(db: Database, actor: Actor, itemId: string) {
  const [row] = await db.select().from(supportPlanItems).where(and(eq(supportPlanItems.id, itemId), visibleItems(actor))).limit(1);
  if (!row) throw notFound('Support-plan item');
  const parent: SupportParent = row.appraisalId ? { kind: 'appraisal', id: row.appraisalId } : { kind: 'assessment', id: row.assessmentId! };
  const { resource } = await loadParent(db, actor, parent);
  return { row, resource };
}

/** Changes a support-plan item (status, owner, due date...); refuses stale versions (409). */
export async function updateSupportItem(db: Database, options: { actor: Actor; itemId: string; version: number; changes: SupportItemInput }) {
  const { row, resource } = await findVisibleItem(db, options.actor, options.itemId);
  authorize(options.actor, 'private-record.edit', resource);
  const { changes } = options;
  const merged = {
    ownerOrganizationId: changes.ownerOrganizationId !== undefined ? changes.ownerOrganizationId : row.ownerOrganizationId,
    ownerPerson: changes.ownerPerson !== undefined ? changes.ownerPerson?.trim() || null : row.ownerPerson,
  };
  await checkItem(db, changes, merged);
  const set: Partial<typeof supportPlanItems.$inferInsert> = { ...merged, updatedAt: new Date() };
  if (changes.description !== undefined) set.description = changes.description;
  if (changes.domainKey !== undefined) set.domainKey = changes.domainKey;
  if (changes.dueOn !== undefined) set.dueOn = changes.dueOn;
  if (changes.status !== undefined) set.status = changes.status;
  if (changes.notes !== undefined) set.notes = changes.notes;
  const [updated] = await db
    .update(supportPlanItems)
    .set({ ...set, version: sql`${supportPlanItems.version} + 1` })
    .where(and(eq(supportPlanItems.id, row.id), eq(supportPlanItems.version, options.version)))
    .returning({ id: supportPlanItems.id });
  if (!updated) throw versionConflict('support-plan item', row.version);
}

/** Removes a support-plan item. */
export async function deleteSupportItem(db: Database, options: { actor: Actor; itemId: string }): Promise<void> {
  const { row, resource } = await findVisibleItem(db, options.actor, options.itemId);
  authorize(options.actor, 'private-record.edit', resource);
  await db.delete(supportPlanItems).where(eq(supportPlanItems.id, row.id));
}
