import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { milestones, organizations, planActivities, planTasks, programmes, taskAssignments, workPackages, type RaciValue } from '../../db/schema/index.js';
import { listMembers } from './members.js';
import { presentMilestone, presentTask } from './present-plan.js';

/** Loads a programme's whole action plan: work packages, activities, tasks with their RACI, milestones. */
export async function loadPlan(db: Database, programmeId: string) {
  const [packages, activities, tasks, marks] = await Promise.all([
    db.select().from(workPackages).where(eq(workPackages.programmeId, programmeId)).orderBy(asc(workPackages.position), asc(workPackages.createdAt)),
    db.select().from(planActivities).where(eq(planActivities.programmeId, programmeId)).orderBy(asc(planActivities.position), asc(planActivities.createdAt)),
    db.select().from(planTasks).where(eq(planTasks.programmeId, programmeId)).orderBy(asc(planTasks.position), asc(planTasks.ref)),
    db.select().from(milestones).where(eq(milestones.programmeId, programmeId)).orderBy(asc(milestones.dueDate)),
  ]);
  const assignments =
    tasks.length === 0
      ? []
      : await db
          .select({ taskId: taskAssignments.taskId, organizationId: taskAssignments.organizationId, raci: taskAssignments.raci })
          .from(taskAssignments)
          .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
          .where(eq(planTasks.programmeId, programmeId));
  const raciByTask = new Map<string, Record<string, RaciValue>>();
  for (const assignment of assignments) {
    const raci = raciByTask.get(assignment.taskId) ?? {};
    raci[assignment.organizationId] = assignment.raci;
    raciByTask.set(assignment.taskId, raci);
  }
  return { packages, activities, tasks: tasks.map((task) => ({ ...task, raci: raciByTask.get(task.id) ?? {} })), milestones: marks };
}

export type Plan = Awaited<ReturnType<typeof loadPlan>>;
export type PlanTask = Plan['tasks'][number];

/** The action plan as a tree: work packages → activities → tasks, plus tasks outside any activity and milestones. */
export function buildPlanTree(plan: Plan) {
  const tasksByActivity = new Map<string | null, PlanTask[]>();
  for (const task of plan.tasks) {
    const list = tasksByActivity.get(task.activityId) ?? [];
    list.push(task);
    tasksByActivity.set(task.activityId, list);
  }
  return {
    workPackages: plan.packages.map((workPackage) => ({
      id: workPackage.id,
      code: workPackage.code,
      title: workPackage.title,
      description: workPackage.description,
      leadOrganizationId: workPackage.leadOrganizationId,
      version: workPackage.version,
      activities: plan.activities
        .filter((activity) => activity.workPackageId === workPackage.id)
        .map((activity) => ({
          id: activity.id,
          code: activity.code,
          title: activity.title,
          description: activity.description,
          version: activity.version,
          tasks: (tasksByActivity.get(activity.id) ?? []).map(presentTask),
        })),
    })),
    unplacedTasks: (tasksByActivity.get(null) ?? []).map(presentTask),
    milestones: plan.milestones.map(presentMilestone),
  };
}

type Span = { start: string | null; end: string | null };
function spanOf(spans: Span[]): Span {
  const starts = spans.map((span) => span.start).filter((value): value is string => value !== null).sort();
  const ends = spans.map((span) => span.end).filter((value): value is string => value !== null).sort();
  return { start: starts[0] ?? null, end: ends.at(-1) ?? null };
}

export type TimelineRow = {
  id: string;
  kind: 'work-package' | 'activity' | 'task' | 'milestone';
  parentId: string | null;
  title: string;
  start: string | null;
  end: string | null;
  locality: string | null;
  accountableOrganizationId: string | null;
  status: string | null;
};

/** Gantt rows in display order; a work package or activity spans its tasks' dates. */
export function buildTimeline(plan: Plan, programme: { startDate: string | null; endDate: string | null }) {
  const rows: TimelineRow[] = [];
  const taskRow = (task: PlanTask, parentId: string | null): TimelineRow => ({
    id: task.id,
    kind: 'task',
    parentId,
    title: task.title,
    start: task.startDate,
    end: task.endDate,
    locality: task.locality,
    accountableOrganizationId: Object.entries(task.raci).find(([, letters]) => letters.includes('A'))?.[0] ?? null,
    status: task.status,
  });
  for (const workPackage of plan.packages) {
    const activityRows: TimelineRow[] = [];
    for (const activity of plan.activities.filter((candidate) => candidate.workPackageId === workPackage.id)) {
      const tasks = plan.tasks.filter((task) => task.activityId === activity.id).map((task) => taskRow(task, activity.id));
      const span = spanOf(tasks);
      activityRows.push({ id: activity.id, kind: 'activity', parentId: workPackage.id, title: activity.title, ...span, locality: null, accountableOrganizationId: null, status: null }, ...tasks);
    }
    const span = spanOf(activityRows.filter((row) => row.kind === 'activity'));
    rows.push(
      { id: workPackage.id, kind: 'work-package', parentId: null, title: workPackage.title, ...span, locality: null, accountableOrganizationId: workPackage.leadOrganizationId, status: null },
      ...activityRows,
    );
  }
  for (const task of plan.tasks.filter((candidate) => candidate.activityId === null)) rows.push(taskRow(task, null));
  for (const milestone of plan.milestones) {
    rows.push({ id: milestone.id, kind: 'milestone', parentId: milestone.workPackageId, title: milestone.title, start: milestone.dueDate, end: milestone.dueDate, locality: null, accountableOrganizationId: null, status: milestone.achievedOn ? 'done' : 'planned' });
  }
  const dated = spanOf(rows);
  return { start: programme.startDate ?? dated.start, end: programme.endDate ?? dated.end, rows };
}

/** The RACI matrix: organizations (members, and any other organization assigned) × tasks, with counts per organization. */
export async function buildRaciMatrix(db: Database, programmeId: string, plan: Plan) {
  const members = await listMembers(db, programmeId);
  const organizationIds = new Set(members.map((member) => member.organization.id));
  const extraIds = [...new Set(plan.tasks.flatMap((task) => Object.keys(task.raci)))].filter((id) => !organizationIds.has(id));
  const extras = extraIds.length
    ? await db.select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym }).from(organizations).where(inArray(organizations.id, extraIds))
    : [];
  const columns = [...members.map((member) => ({ id: member.organization.id, name: member.organization.name, acronym: member.organization.acronym, role: member.member.role as string | null })), ...extras.map((extra) => ({ ...extra, role: null }))];
  const counts = Object.fromEntries(columns.map((column) => [column.id, { R: 0, A: 0, C: 0, I: 0 }]));
  for (const task of plan.tasks) {
    for (const [organizationId, letters] of Object.entries(task.raci)) {
      for (const letter of letters) counts[organizationId]![letter as 'R' | 'A' | 'C' | 'I'] += 1;
    }
  }
  return {
    organizations: columns.map((column) => ({ ...column, counts: counts[column.id]! })),
    tasks: plan.tasks.map((task) => ({ id: task.id, ref: task.ref, title: task.title, locality: task.locality, raci: task.raci })),
  };
}

/** The programme's dates, for the timeline. */
export async function programmeDates(db: Database, programmeId: string) {
  const [row] = await db.select({ startDate: programmes.startDate, endDate: programmes.endDate }).from(programmes).where(eq(programmes.id, programmeId)).limit(1);
  return row ?? { startDate: null, endDate: null };
}
