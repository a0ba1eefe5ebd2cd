import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { planActivities, planTasks, taskAssignments, type RaciValue } from '../../db/schema/index.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { assertActiveMember } from './members.js';
import { checkRaci, isResponsibleOrAccountable } from './raci.js';
import type { CreateTaskInput, UpdateTaskInput } from './schemas.js';
import { updateVersioned } from './versioned-update.js';

type TaskEditor = { organizationId: string; canManage: boolean };

async function validateTask(db: Database, programmeId: string, input: Partial<CreateTaskInput>): Promise<void> {
  if (input.raci !== undefined) {
    const problems = checkRaci(input.raci);
    if (problems.length > 0) throw new AppError('validation_failed', problems[0]!.message, { details: problems });
    for (const organizationId of Object.keys(input.raci)) await assertActiveMember(db, programmeId, organizationId, `/raci/${organizationId}`);
  }
  if (input.activityId) {
    const [activity] = await db.select({ id: planActivities.id }).from(planActivities).where(and(eq(planActivities.id, input.activityId), eq(planActivities.programmeId, programmeId))).limit(1);
    if (!activity) throw invalidField('/activityId', 'no such activity in this programme', input.activityId);
  }
  if (input.startDate && input.endDate && input.endDate < input.startDate) throw invalidField('/endDate', 'ends before it starts', input.endDate);
}

async function writeRaci(db: Database, taskId: string, raci: Record<string, RaciValue>): Promise<void> {
  await db.delete(taskAssignments).where(eq(taskAssignments.taskId, taskId));
  const rows = Object.entries(raci).map(([organizationId, letters]) => ({ taskId, organizationId, raci: letters }));
  if (rows.length > 0) await db.insert(taskAssignments).values(rows);
}

async function nextTaskRef(db: Database, programmeId: string): Promise<string> {
  const [row] = await db.select({ total: count() }).from(planTasks).where(eq(planTasks.programmeId, programmeId));
  let number = Number(row?.total ?? 0) + 1;
  for (;;) {
    const ref = `T-${number}`;
    const [taken] = await db.select({ id: planTasks.id }).from(planTasks).where(and(eq(planTasks.programmeId, programmeId), eq(planTasks.ref, ref))).limit(1);
    if (!taken) return ref;
    number += 1;
  }
}

/**
 * Adds a task with its RACI (exactly one Accountable). Managers add any task; a member
 * organization adds the tasks it is itself Responsible or Accountable for.
 */
export async function createTask(db: Database, options: { programmeId: string; editor: TaskEditor; input: CreateTaskInput }) {
  const { input, editor } = options;
  if (!editor.canManage && !isResponsibleOrAccountable(input.raci[editor.organizationId])) {
    throw new AppError('forbidden', 'You may add only tasks your organization is Responsible or Accountable for', {
      details: [{ pointer: `/raci/${editor.organizationId}`, message: 'must be R, A or AR for your own organization' }],
    });
  }
  return db.transaction(async (tx) => {
    await validateTask(tx, options.programmeId, input);
    const ref = input.ref ?? (await nextTaskRef(tx, options.programmeId));
    const [taken] = await tx.select({ id: planTasks.id }).from(planTasks).where(and(eq(planTasks.programmeId, options.programmeId), eq(planTasks.ref, ref))).limit(1);
    if (taken) throw new AppError('conflict', `Task reference ${ref} is already used in this programme`, { details: [{ pointer: '/ref', message: 'is already used', value: ref }] });
    const { raci, ...fields } = input;
    const [task] = await tx.insert(planTasks).values({ ...fields, ref, programmeId: options.programmeId }).returning();
    await writeRaci(tx, task!.id, raci);
    return { ...task!, raci };
  });
}

async function loadTask(db: Database, programmeId: string, taskId: string) {
  const [task] = await db.select().from(planTasks).where(and(eq(planTasks.id, taskId), eq(planTasks.programmeId, programmeId))).limit(1);
  if (!task) throw notFound('Task');
  const assignments = await db.select().from(taskAssignments).where(eq(taskAssignments.taskId, taskId));
  const raci: Record<string, RaciValue> = Object.fromEntries(assignments.map((row) => [row.organizationId, row.raci]));
  return { ...task, raci };
}

/**
 * Changes a task. A member that is Responsible or Accountable for it may update its progress
 * (dates, deliverables, status, locality, description); only managers restructure it (RACI, place, title).
 */
export async function updateTask(db: Database, options: { programmeId: string; taskId: string; editor: TaskEditor; input: UpdateTaskInput }) {
  const { editor, input } = options;
  return db.transaction(async (tx) => {
    const task = await loadTask(tx, options.programmeId, options.taskId);
    if (!editor.canManage) {
      if (!isResponsibleOrAccountable(task.raci[editor.organizationId])) throw new AppError('forbidden', 'Only managers and the organizations Responsible or Accountable for this task may change it');
      for (const field of ['raci', 'activityId', 'ref', 'title', 'position'] as const) {
        if (input[field] !== undefined) throw new AppError('forbidden', `Only managers may change ${field}`, { details: [{ pointer: `/${field}`, message: 'only managers may change it' }] });
      }
    }
    await validateTask(tx, options.programmeId, {
      ...input,
      startDate: input.startDate === undefined ? task.startDate : input.startDate,
      endDate: input.endDate === undefined ? task.endDate : input.endDate,
    });
    if (input.ref !== undefined && input.ref !== task.ref) {
      const [taken] = await tx.select({ id: planTasks.id }).from(planTasks).where(and(eq(planTasks.programmeId, options.programmeId), eq(planTasks.ref, input.ref))).limit(1);
      if (taken) throw new AppError('conflict', `Task reference ${input.ref} is already used in this programme`, { details: [{ pointer: '/ref', message: 'is already used', value: input.ref }] });
    }
    const { version, raci, ...values } = input;
    const updated = await updateVersioned(tx, { table: planTasks, id: task.id, version, values, what: 'Task', scope: eq(planTasks.programmeId, options.programmeId) });
    if (raci !== undefined) await writeRaci(tx, task.id, raci);
    return { ...updated, raci: raci ?? task.raci };
  });
}

/** Deletes a task (managers only). */
export async function deleteTask(db: Database, options: { programmeId: string; taskId: string }) {
  const rows = await db.delete(planTasks).where(and(eq(planTasks.id, options.taskId), eq(planTasks.programmeId, options.programmeId))).returning({ id: planTasks.id });
  if (rows.length === 0) throw notFound('Task');
}
