import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { milestones, planActivities, workPackages } from '../../db/schema/index.js';
import { invalidField, notFound } from '../../lib/errors.js';
import { assertActiveMember } from './members.js';
import { updateVersioned } from './versioned-update.js';

type WorkPackageFields = { code?: string | null; title?: string; description?: string | null; position?: number; leadOrganizationId?: string | null };

async function assertWorkPackage(db: Database, programmeId: string, workPackageId: string, pointer: string): Promise<void> {
  const [row] = await db.select({ id: workPackages.id }).from(workPackages).where(and(eq(workPackages.id, workPackageId), eq(workPackages.programmeId, programmeId))).limit(1);
  if (!row) throw invalidField(pointer, 'no such work package in this programme', workPackageId);
}

/** Adds a work package to the action plan. */
export async function createWorkPackage(db: Database, options: { programmeId: string; input: WorkPackageFields & { title: string } }) {
  if (options.input.leadOrganizationId) await assertActiveMember(db, options.programmeId, options.input.leadOrganizationId, '/leadOrganizationId');
  const [row] = await db.insert(workPackages).values({ ...options.input, programmeId: options.programmeId }).returning();
  return row!;
}

/** Changes a work package (optimistic concurrency on its version). */
export async function updateWorkPackage(db: Database, options: { programmeId: string; id: string; input: WorkPackageFields & { version: number } }) {
  const { version, ...values } = options.input;
  if (values.leadOrganizationId) await assertActiveMember(db, options.programmeId, values.leadOrganizationId, '/leadOrganizationId');
  return updateVersioned(db, { table: workPackages, id: options.id, version, values, what: 'Work package', scope: eq(workPackages.programmeId, options.programmeId) });
}

/** Deletes a work package with its activities and their tasks. */
export async function deleteWorkPackage(db: Database, options: { programmeId: string; id: string }) {
  const rows = await db.delete(workPackages).where(and(eq(workPackages.id, options.id), eq(workPackages.programmeId, options.programmeId))).returning({ id: workPackages.id });
  if (rows.length === 0) throw notFound('Work package');
}

type ActivityFields = { workPackageId?: string; code?: string | null; title?: string; description?: string | null; position?: number };

/** Adds an activity under a work package of the same programme. */
export async function createActivity(db: Database, options: { programmeId: string; input: ActivityFields & { workPackageId: string; title: string } }) {
  await assertWorkPackage(db, options.programmeId, options.input.workPackageId, '/workPackageId');
  const [row] = await db.insert(planActivities).values({ ...options.input, programmeId: options.programmeId }).returning();
  return row!;
}

/** Changes an activity, possibly moving it to another work package of the programme. */
export async function updateActivity(db: Database, options: { programmeId: string; id: string; input: ActivityFields & { version: number } }) {
  const { version, ...values } = options.input;
  if (values.workPackageId) await assertWorkPackage(db, options.programmeId, values.workPackageId, '/workPackageId');
  return updateVersioned(db, { table: planActivities, id: options.id, version, values, what: 'Activity', scope: eq(planActivities.programmeId, options.programmeId) });
}

/** Deletes an activity and its tasks. */
export async function deleteActivity(db: Database, options: { programmeId: string; id: string }) {
  const rows = await db.delete(planActivities).where(and(eq(planActivities.id, options.id), eq(planActivities.programmeId, options.programmeId))).returning({ id: planActivities.id });
  if (rows.length === 0) throw notFound('Activity');
}

type MilestoneFields = { workPackageId?: string | null; title?: string; dueDate?: string; achievedOn?: string | null };

/** Adds a milestone, optionally tied to a work package. */
export async function createMilestone(db: Database, options: { programmeId: string; input: MilestoneFields & { title: string; dueDate: string } }) {
  if (options.input.workPackageId) await assertWorkPackage(db, options.programmeId, options.input.workPackageId, '/workPackageId');
  const [row] = await db.insert(milestones).values({ ...options.input, programmeId: options.programmeId }).returning();
  return row!;
}

/** Changes a milestone (marking it achieved, moving its date...). */
export async function updateMilestone(db: Database, options: { programmeId: string; id: string; input: MilestoneFields & { version: number } }) {
  const { version, ...values } = options.input;
  if (values.workPackageId) await assertWorkPackage(db, options.programmeId, values.workPackageId, '/workPackageId');
  return updateVersioned(db, { table: milestones, id: options.id, version, values, what: 'Milestone', scope: eq(milestones.programmeId, options.programmeId) });
}

/** Deletes a milestone. */
export async function deleteMilestone(db: Database, options: { programmeId: string; id: string }) {
  const rows = await db.delete(milestones).where(and(eq(milestones.id, options.id), eq(milestones.programmeId, options.programmeId))).returning({ id: milestones.id });
  if (rows.length === 0) throw notFound('Milestone');
}
