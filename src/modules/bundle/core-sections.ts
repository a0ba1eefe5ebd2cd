import crypto from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { agreements, budgetLines, planTasks, programmeMembers, taskAssignments, type RaciValue } from '../../db/schema/index.js';
import { defaultIatiRole } from '../programmes/iati-roles.js';
import type { BundleSection } from './bundle-sections.js';
import { insertRows } from './insert-rows.js';
import type { BundleAgreement } from './schema.js';

/** Consortium members: the bundle carries the organization and its role; the IATI role follows the default mapping. */
export const membersSection: BundleSection = {
  name: 'members',
  async importInto(db, context, bundle) {
    const rows = bundle.members.map((member) => [context.programmeId, context.organizationIds.get(member.org)!, member.role, defaultIatiRole[member.role], context.programmeStart]);
    await insertRows(db, 'programme_members', [['programme_id', 'uuid'], ['organization_id', 'uuid'], ['role', 'text'], ['iati_role', 'integer'], ['joined_on', 'date']], rows);
  },
  async exportFrom(db, context, bundle) {
    const rows = await db
      .select({ organizationId: programmeMembers.organizationId, role: programmeMembers.role })
      .from(programmeMembers)
      .where(sql`${programmeMembers.programmeId} = ${context.programmeId} and (${programmeMembers.leftOn} is null or ${programmeMembers.leftOn} > current_date)`);
    bundle.members = rows.map((row) => ({ org: context.refFor(row.organizationId), role: row.role })).sort((a, b) => a.org.localeCompare(b.org));
  },
};

/** Tasks with their RACI; an organization both Accountable and Responsible travels as "A" (the Accountable may do the work). */
export const tasksSection: BundleSection = {
  name: 'tasks',
  async importInto(db, context, bundle) {
    const taskRows: unknown[][] = [];
    const assignmentRows: unknown[][] = [];
    bundle.tasks.forEach((task, index) => {
      // Ids are made here so assignments can be inserted without reading the tasks back.
      const id = crypto.randomUUID();
      taskRows.push([id, context.programmeId, task.ref, task.title, task.locality ?? null, index]);
      for (const [ref, letter] of Object.entries(task.raci ?? {})) assignmentRows.push([id, context.organizationIds.get(ref)!, letter]);
    });
    await insertRows(db, 'plan_tasks', [['id', 'uuid'], ['programme_id', 'uuid'], ['ref', 'text'], ['title', 'text'], ['locality', 'text'], ['position', 'integer']], taskRows);
    await insertRows(db, 'task_assignments', [['task_id', 'uuid'], ['organization_id', 'uuid'], ['raci', 'text']], assignmentRows);
  },
  async exportFrom(db, context, bundle) {
    const tasks = await db
      .select({ id: planTasks.id, ref: planTasks.ref, title: planTasks.title, locality: planTasks.locality })
      .from(planTasks)
      .where(eq(planTasks.programmeId, context.programmeId))
      .orderBy(asc(planTasks.ref));
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
    bundle.tasks = tasks.map((task) => {
      const entries = (raciByTask.get(task.id) ?? [])
        .map(([organizationId, letters]) => [context.refFor(organizationId), letters === 'AR' ? 'A' : letters] as [string, 'R' | 'A' | 'C' | 'I'])
        .sort(([a], [b]) => a.localeCompare(b));
      return {
        ref: task.ref,
        title: task.title,
        ...(task.locality ? { locality: task.locality } : {}),
        ...(entries.length ? { raci: Object.fromEntries(entries) } : {}),
      };
    });
  },
};

/** Budget lines; an own contribution equal to the whole line travels as `true`, a part as its amount. */
export const budgetSection: BundleSection = {
  name: 'budget',
  async importInto(db, context, bundle) {
    const rows = bundle.budget.map((line, index) => {
      const own = line.ownContribution === true ? line.amount : line.ownContribution === false || line.ownContribution === undefined ? 0 : line.ownContribution;
      return [context.programmeId, context.organizationIds.get(line.org)!, line.category ?? null, String(line.amount), String(line.indirectCosts ?? 0), String(own), index];
    });
    await insertRows(db, 'budget_lines', [['programme_id', 'uuid'], ['organization_id', 'uuid'], ['category', 'text'], ['amount', 'numeric'], ['indirect_costs', 'numeric'], ['own_contribution', 'numeric'], ['position', 'integer']], rows);
  },
  async exportFrom(db, context, bundle) {
    const lines = await db
      .select()
      .from(budgetLines)
      .where(context.budgetOrganizationId === null ? eq(budgetLines.programmeId, context.programmeId) : sql`${budgetLines.programmeId} = ${context.programmeId} and ${budgetLines.organizationId} = ${context.budgetOrganizationId}`)
      .orderBy(asc(budgetLines.position), asc(budgetLines.createdAt), asc(budgetLines.id));
    bundle.budget = lines.map((line) => {
      const amount = Number(line.amount);
      const own = Number(line.ownContribution);
      const indirect = Number(line.indirectCosts);
      return {
        org: context.refFor(line.organizationId),
        amount,
        ...(line.category ? { category: line.category } : {}),
        ...(own > 0 ? { ownContribution: own === amount ? true : own } : {}),
        ...(indirect > 0 ? { indirectCosts: indirect } : {}),
      };
    });
  },
};

/** What a bundle's `true` stands for when the clause itself is not given. */
const standardClauses = {
  partnershipStatement: 'The members declare that they enter into a partnership: they pursue shared objectives, each bringing its own competence and area of influence.',
  sharedObjectives: 'The members share the objectives and agenda of the programme.',
  expectationsClause: 'Each member states what it contributes and what it expects from the partnership.',
  transparency: 'The members are transparent to one another on processes, finances and accountability.',
  mutualLearning: 'The members commit to learn from one another.',
} as const;

const ingredientColumns = {
  isPartnership: 'partnershipStatement',
  sharedObjectives: 'sharedObjectives',
  expectationsBothWays: 'expectationsClause',
  transparency: 'transparency',
  mutualLearning: 'mutualLearning',
} as const;

/** The agreement's essential ingredients: a clause's text, or true/false when only its presence is known. */
export const agreementSection: BundleSection = {
  name: 'agreement',
  async importInto(db, context, bundle) {
    if (!bundle.agreement) return;
    const values: Record<string, string | null> = {};
    for (const [key, column] of Object.entries(ingredientColumns) as Array<[keyof BundleAgreement, keyof typeof standardClauses]>) {
      const value = bundle.agreement[key];
      values[column] = value === true ? standardClauses[column] : value === false ? null : value;
    }
    await db.insert(agreements).values({ programmeId: context.programmeId, ...values });
  },
  async exportFrom(db, context, bundle) {
    const [agreement] = await db.select().from(agreements).where(eq(agreements.programmeId, context.programmeId)).limit(1);
    if (!agreement) return;
    const entries = Object.entries(ingredientColumns).map(([key, column]) => {
      const text = agreement[column];
      return [key, text && text.trim() ? text : false] as const;
    });
    if (entries.every(([, value]) => value === false)) return;
    bundle.agreement = Object.fromEntries(entries) as BundleAgreement;
  },
};
