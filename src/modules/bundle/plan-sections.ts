import crypto from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { milestones, planActivities, planTasks, taskAssignments, workPackages, type RaciValue } from '../../db/schema/index.js';
import type { BundleSection } from './bundle-sections.js';
import { insertRows } from './insert-rows.js';
import type { BundleTask } from './schema.js';

/*
 * The action plan: work packages → activities → tasks (with RACI), and milestones. Work packages
 * and activities travel under refs made from their codes; tasks keep their own refs. Everything is
 * exported in plan order (work package, activity, position) and imported with that order as the
 * position, so export → import → export gives the same bundle.
 */

const day = (value: string | undefined) => (value === undefined ? null : value.slice(0, 10));

/** Gives each item a unique ref: its code when it has one, else a fallback, with "-2", "-3"... on clashes. */
function uniqueRefs<T>(items: T[], wanted: (item: T, index: number) => string): string[] {
  const used = new Set<string>();
  return items.map((item, index) => {
    const base = wanted(item, index);
    let ref = base;
    for (let suffix = 2; used.has(ref); suffix += 1) ref = `${base}-${suffix}`;
    used.add(ref);
    return ref;
  });
}

export const planSection: BundleSection = {
  name: 'plan',
  async importInto(db, context, bundle) {
    const orgId = (ref: string) => context.organizationIds.get(ref)!;
    const packageIds = new Map<string, string>();
    const packageRows = (bundle.workPackages ?? []).map((workPackage, index) => {
      const id = crypto.randomUUID();
      packageIds.set(workPackage.ref, id);
      return [id, context.programmeId, workPackage.ref, workPackage.title, workPackage.description ?? null, index, workPackage.lead === undefined ? null : orgId(workPackage.lead)];
    });
    const activityIds = new Map<string, string>();
    const activityRows = (bundle.activities ?? []).map((activity, index) => {
      const id = crypto.randomUUID();
      activityIds.set(activity.ref, id);
      return [id, context.programmeId, packageIds.get(activity.workPackage)!, activity.ref, activity.title, activity.description ?? null, index];
    });
    const taskRows: unknown[][] = [];
    const assignmentRows: unknown[][] = [];
    bundle.tasks.forEach((task, index) => {
      // Ids are made here so assignments can be inserted without reading the tasks back.
      const id = crypto.randomUUID();
      const activityId = task.activity === undefined ? null : activityIds.get(task.activity)!;
      taskRows.push([id, context.programmeId, activityId, task.ref, task.title, task.description ?? null, task.locality ?? null, day(task.start), day(task.end), task.deliverables ?? [], task.status ?? 'planned', index]);
      for (const [ref, letter] of Object.entries(task.raci ?? {})) assignmentRows.push([id, orgId(ref), letter]);
    });
    const milestoneRows = (bundle.milestones ?? []).map((milestone) => [
      context.programmeId,
      milestone.workPackage === undefined ? null : packageIds.get(milestone.workPackage)!,
      milestone.title,
      day(milestone.due),
      day(milestone.achieved),
    ]);
    await insertRows(db, 'work_packages', [['id', 'uuid'], ['programme_id', 'uuid'], ['code', 'text'], ['title', 'text'], ['description', 'text'], ['position', 'integer'], ['lead_organization_id', 'uuid']], packageRows);
    await insertRows(db, 'plan_activities', [['id', 'uuid'], ['programme_id', 'uuid'], ['work_package_id', 'uuid'], ['code', 'text'], ['title', 'text'], ['description', 'text'], ['position', 'integer']], activityRows);
    // Deliverables are a text[] per task: unnest would flatten an array of arrays, so they travel as JSON text.
    await insertTasks(db, taskRows);
    await insertRows(db, 'task_assignments', [['task_id', 'uuid'], ['organization_id', 'uuid'], ['raci', 'text']], assignmentRows);
    await insertRows(db, 'milestones', [['programme_id', 'uuid'], ['work_package_id', 'uuid'], ['title', 'text'], ['due_date', 'date'], ['achieved_on', 'date']], milestoneRows);
  },
  async exportFrom(db, context, bundle) {
    const packages = await db.select().from(workPackages).where(eq(workPackages.programmeId, context.programmeId)).orderBy(asc(workPackages.position), asc(workPackages.code), asc(workPackages.createdAt), asc(workPackages.id));
    const packageRefs = uniqueRefs(packages, (row, index) => row.code?.trim() || `WP${index + 1}`);
    const packageRef = new Map(packages.map((row, index) => [row.id, packageRefs[index]!]));
    const packagePosition = new Map(packages.map((row, index) => [row.id, index]));

    const activityRows = (await db.select().from(planActivities).where(eq(planActivities.programmeId, context.programmeId))).sort(
      (a, b) => packagePosition.get(a.workPackageId)! - packagePosition.get(b.workPackageId)! || a.position - b.position || (a.code ?? '').localeCompare(b.code ?? '') || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
    );
    const perPackage = new Map<string, number>();
    const activityRefs = uniqueRefs(activityRows, (row) => {
      const count = (perPackage.get(row.workPackageId) ?? 0) + 1;
      perPackage.set(row.workPackageId, count);
      return row.code?.trim() || `${packageRef.get(row.workPackageId)}.${count}`;
    });
    const activityRef = new Map(activityRows.map((row, index) => [row.id, activityRefs[index]!]));
    const activityPosition = new Map(activityRows.map((row, index) => [row.id, index]));

    const tasks = (await db.select().from(planTasks).where(eq(planTasks.programmeId, context.programmeId))).sort(
      (a, b) => (a.activityId === null ? -1 : activityPosition.get(a.activityId)!) - (b.activityId === null ? -1 : activityPosition.get(b.activityId)!) || a.position - b.position || a.ref.localeCompare(b.ref),
    );
    const assignments = await db
      .select({ taskId: taskAssignments.taskId, organizationId: taskAssignments.organizationId, raci: taskAssignments.raci })
      .from(taskAssignments)
      .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
      .where(eq(planTasks.programmeId, context.programmeId));
    const raciByTask = new Map<string, Array<[string, RaciValue]>>();
    for (const row of assignments) {
      const list = raciByTask.get(row.taskId) ?? [];
      list.push([row.organizationId, row.raci]);
      raciByTask.set(row.taskId, list);
    }
    const marks = await db.select().from(milestones).where(eq(milestones.programmeId, context.programmeId)).orderBy(asc(milestones.dueDate), asc(milestones.title), asc(milestones.id));

    if (packages.length > 0) {
      bundle.workPackages = packages.map((row) => ({
        ref: packageRef.get(row.id)!,
        title: row.title,
        ...(row.description ? { description: row.description } : {}),
        ...(row.leadOrganizationId ? { lead: context.refFor(row.leadOrganizationId) } : {}),
      }));
    }
    if (activityRows.length > 0) {
      bundle.activities = activityRows.map((row) => ({ ref: activityRef.get(row.id)!, workPackage: packageRef.get(row.workPackageId)!, title: row.title, ...(row.description ? { description: row.description } : {}) }));
    }
    bundle.tasks = tasks.map((task): BundleTask => {
      // An organization both Accountable and Responsible travels as "A" (the Accountable may do the work).
      const entries = (raciByTask.get(task.id) ?? [])
        .map(([organizationId, letters]) => [context.refFor(organizationId), letters === 'AR' ? 'A' : letters] as [string, 'R' | 'A' | 'C' | 'I'])
        .sort(([a], [b]) => a.localeCompare(b));
      return {
        ref: task.ref,
        title: task.title,
        ...(task.locality ? { locality: task.locality } : {}),
        ...(entries.length ? { raci: Object.fromEntries(entries) } : {}),
        ...(task.activityId ? { activity: activityRef.get(task.activityId)! } : {}),
        ...(task.description ? { description: task.description } : {}),
        ...(task.startDate ? { start: task.startDate } : {}),
        ...(task.endDate ? { end: task.endDate } : {}),
        ...(task.deliverables.length ? { deliverables: task.deliverables } : {}),
        ...(task.status !== 'planned' ? { status: task.status } : {}),
      };
    });
    if (marks.length > 0) {
      bundle.milestones = marks.map((row) => ({
        title: row.title,
        due: row.dueDate,
        ...(row.achievedOn ? { achieved: row.achievedOn } : {}),
        ...(row.workPackageId ? { workPackage: packageRef.get(row.workPackageId)! } : {}),
      }));
    }
  },
};

/** Inserts tasks in batches; deliverables (an array per row) go as JSON text and are unpacked by the database. */
async function insertTasks(db: Parameters<BundleSection['importInto']>[0], rows: unknown[][]): Promise<void> {
  const BATCH = 5_000;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const column = (index: number) => sql.param(batch.map((row) => row[index] ?? null));
    await db.execute(sql`insert into "plan_tasks" ("id", "programme_id", "activity_id", "ref", "title", "description", "locality", "start_date", "end_date", "deliverables", "status", "position")
      select t.id, t.programme_id, t.activity_id, t.ref, t.title, t.description, t.locality, t.start_date, t.end_date,
        coalesce((select array_agg(value order by ordinality) from jsonb_array_elements_text(t.deliverables::jsonb) with ordinality), '{}'::text[]), t.status, t.position
      from unnest(${column(0)}::uuid[], ${column(1)}::uuid[], ${column(2)}::uuid[], ${column(3)}::text[], ${column(4)}::text[], ${column(5)}::text[], ${column(6)}::text[], ${column(7)}::date[], ${column(8)}::date[], ${sql.param(batch.map((row) => JSON.stringify(row[9])))}::text[], ${column(10)}::text[], ${column(11)}::integer[])
        as t(id, programme_id, activity_id, ref, title, description, locality, start_date, end_date, deliverables, status, position)`);
  }
}
