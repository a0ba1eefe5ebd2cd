import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { programmes } from './programmes.js';

export const taskStatuses = ['planned', 'in-progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** The RACI letters one organization holds on a task: the Accountable may also be Responsible ("AR"). */
export const raciValues = ['R', 'A', 'AR', 'C', 'I'] as const;
export type RaciValue = (typeof raciValues)[number];

/** A work package of the action plan: the top level of work packages → activities → tasks. */
export const workPackages = pgTable(
  'work_packages',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    code: text('code'),
    title: text('title').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
    leadOrganizationId: uuid('lead_organization_id').references(() => organizations.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('work_packages_programme_index').on(table.programmeId)],
);

/** An activity inside a work package. */
export const planActivities = pgTable(
  'plan_activities',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    workPackageId: uuid('work_package_id')
      .notNull()
      .references(() => workPackages.id, { onDelete: 'cascade' }),
    code: text('code'),
    title: text('title').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('plan_activities_work_package_index').on(table.workPackageId), index('plan_activities_programme_index').on(table.programmeId)],
);

/**
 * A task: the unit the RACI is about. The activity is optional because a bundle carries tasks
 * without the tree above them; `ref` is the task's stable name inside its programme.
 */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id').references(() => planActivities.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    locality: text('locality'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    deliverables: text('deliverables').array().notNull().default([]),
    status: text('status', { enum: taskStatuses }).notNull().default('planned'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    uniqueIndex('plan_tasks_ref_unique').on(table.programmeId, table.ref),
    index('plan_tasks_activity_index').on(table.activityId),
  ],
);

/** One organization's RACI letters on one task. */
export const taskAssignments = pgTable(
  'task_assignments',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    raci: text('raci', { enum: raciValues }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.taskId, table.organizationId] }), index('task_assignments_organization_index').on(table.organizationId)],
);

/** A milestone of the action plan, optionally tied to a work package. */
export const milestones = pgTable(
  'milestones',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    workPackageId: uuid('work_package_id').references(() => workPackages.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueDate: date('due_date').notNull(),
    achievedOn: date('achieved_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('milestones_programme_index').on(table.programmeId)],
);
