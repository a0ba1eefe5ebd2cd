import type { milestones, planActivities, planTasks, RaciValue, workPackages } from '../../db/schema/index.js';

/** A work package as the API answers it (never the row as stored). */
export function presentWorkPackage(row: typeof workPackages.$inferSelect) {
  return { id: row.id, code: row.code, title: row.title, description: row.description, position: row.position, leadOrganizationId: row.leadOrganizationId, version: row.version };
}

/** An activity as the API answers it. */
export function presentActivity(row: typeof planActivities.$inferSelect) {
  return { id: row.id, workPackageId: row.workPackageId, code: row.code, title: row.title, description: row.description, position: row.position, version: row.version };
}

/** A task with its RACI (organization id → letters). */
export function presentTask(task: typeof planTasks.$inferSelect & { raci: Record<string, RaciValue> }) {
  return {
    id: task.id,
    ref: task.ref,
    activityId: task.activityId,
    title: task.title,
    description: task.description,
    locality: task.locality,
    startDate: task.startDate,
    endDate: task.endDate,
    deliverables: task.deliverables,
    status: task.status,
    raci: task.raci,
    version: task.version,
  };
}

/** A milestone as the API answers it. */
export function presentMilestone(row: typeof milestones.$inferSelect) {
  return { id: row.id, workPackageId: row.workPackageId, title: row.title, dueDate: row.dueDate, achievedOn: row.achievedOn, version: row.version };
}
