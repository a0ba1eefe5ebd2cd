import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { budgetLines, decisionInvolvements, decisions, interactions, organizations, people, planTasks, programmeMembers, programmes, taskAssignments } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { authorize, can } from '../../lib/policy.js';
import { organizationColumns, organizationToRecord } from '../organizations/import-organizations.js';
import { organizationFilters } from '../organizations/list-organizations.js';
import { personColumns, personToRecord } from '../people/import-people.js';
import { getProgrammeAccess, visibleProgrammes } from '../programmes/access.js';

export const exportLists = ['organizations', 'people', 'programmes', 'members', 'tasks', 'budget-lines', 'decisions', 'interactions'] as const;
export type ExportList = (typeof exportLists)[number];

export type ExportTable = { columns: string[]; rows: Array<Record<string, string>>; sheet: string };

/** Past this many rows an export stops: filter by programme first. */
const EXPORT_LIMIT = 100_000;

const text = (value: unknown): string => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join('; ') : String(value));

/** The programmes an export covers: the one asked for (404 unless the actor sees it), or every programme the actor sees. */
async function programmesInScope(db: Database, actor: Actor, programmeId: string | undefined): Promise<Array<{ id: string; ref: string }>> {
  if (programmeId) {
    authorize(actor, 'programme.view', { kind: 'programme', access: await getProgrammeAccess(db, actor, programmeId) });
    return db.select({ id: programmes.id, ref: programmes.ref }).from(programmes).where(eq(programmes.id, programmeId));
  }
  return db.select({ id: programmes.id, ref: programmes.ref }).from(programmes).where(visibleProgrammes(actor)).orderBy(asc(programmes.ref)).limit(EXPORT_LIMIT);
}

/**
 * One of the main lists as a table, holding only what the actor may see: the registry for every
 * signed-in user, programme lists for the programmes they see, budget lines whole only where the
 * programme's budget is visible to them (otherwise their own organization's lines).
 */
export async function exportList(db: Database, actor: Actor, options: { list: ExportList; programmeId?: string }): Promise<ExportTable> {
  const { list } = options;
  if (list === 'organizations') {
    const rows = await db.select().from(organizations).where(and(...organizationFilters(actor, {}))).orderBy(asc(organizations.name), asc(organizations.id)).limit(EXPORT_LIMIT);
    return { columns: [...organizationColumns], rows: rows.map(organizationToRecord), sheet: 'Organizations' };
  }
  if (list === 'people') {
    const rows = await db
      .select({ person: people, organization: { id: organizations.id, name: organizations.name }, identifier: organizations.identifier })
      .from(people)
      .leftJoin(organizations, eq(organizations.id, people.organizationId))
      .where(isNull(people.deletedAt))
      .orderBy(asc(people.name), asc(people.id))
      .limit(EXPORT_LIMIT);
    return { columns: [...personColumns], rows: rows.map(personToRecord), sheet: 'People' };
  }

  const scope = await programmesInScope(db, actor, options.programmeId);
  const ids = scope.map((programme) => programme.id);
  const refOf = new Map(scope.map((programme) => [programme.id, programme.ref]));
  const inScope = (column: Parameters<typeof inArray>[0]): SQL => (ids.length > 0 ? inArray(column, ids) : sql`false`);
  const orgName = (id: string | null, names: Map<string, string>) => (id ? (names.get(id) ?? id) : '');
  const namesOf = async (organizationIds: Array<string | null>): Promise<Map<string, string>> => {
    const wanted = [...new Set(organizationIds.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, wanted));
    return new Map(rows.map((row) => [row.id, row.name]));
  };

  if (list === 'programmes') {
    const rows = await db.select().from(programmes).where(inScope(programmes.id)).orderBy(asc(programmes.ref));
    return {
      columns: ['id', 'ref', 'title', 'status', 'start_date', 'end_date', 'currency', 'countries', 'localities', 'donors', 'budget_transparent'],
      rows: rows.map((row) => ({ id: row.id, ref: row.ref, title: row.title, status: row.status, start_date: text(row.startDate), end_date: text(row.endDate), currency: row.currency, countries: text(row.countries), localities: text(row.localities), donors: text(row.donors), budget_transparent: text(row.budgetTransparent) })),
      sheet: 'Programmes',
    };
  }
  if (list === 'members') {
    const rows = await db.select().from(programmeMembers).where(inScope(programmeMembers.programmeId)).orderBy(asc(programmeMembers.programmeId), asc(programmeMembers.role));
    const names = await namesOf(rows.map((row) => row.organizationId));
    return {
      columns: ['programme', 'organization', 'role', 'iati_role', 'joined_on', 'left_on', 'planned_share'],
      rows: rows.map((row) => ({ programme: refOf.get(row.programmeId) ?? '', organization: orgName(row.organizationId, names), role: row.role, iati_role: text(row.iatiRole), joined_on: text(row.joinedOn), left_on: text(row.leftOn), planned_share: text(row.plannedShare) })),
      sheet: 'Members',
    };
  }
  if (list === 'tasks') {
    const rows = await db.select().from(planTasks).where(inScope(planTasks.programmeId)).orderBy(asc(planTasks.programmeId), asc(planTasks.position), asc(planTasks.ref));
    const assignments = rows.length > 0 ? await db.select().from(taskAssignments).where(inArray(taskAssignments.taskId, rows.map((row) => row.id))) : [];
    const names = await namesOf(assignments.map((row) => row.organizationId));
    return {
      columns: ['programme', 'ref', 'title', 'status', 'locality', 'start_date', 'end_date', 'raci'],
      rows: rows.map((row) => ({
        programme: refOf.get(row.programmeId) ?? '',
        ref: row.ref,
        title: row.title,
        status: row.status,
        locality: text(row.locality),
        start_date: text(row.startDate),
        end_date: text(row.endDate),
        raci: assignments.filter((assignment) => assignment.taskId === row.id).map((assignment) => `${orgName(assignment.organizationId, names)}: ${assignment.raci}`).join('; '),
      })),
      sheet: 'Tasks',
    };
  }
  if (list === 'budget-lines') {
    // Budget transparency decides per programme: the whole budget, or the reader's own lines.
    const conditions: SQL[] = [];
    for (const id of ids) {
      const access = await getProgrammeAccess(db, actor, id);
      const whole = can(actor, 'programme.view-budget', { kind: 'programme', access });
      conditions.push(whole ? eq(budgetLines.programmeId, id) : and(eq(budgetLines.programmeId, id), eq(budgetLines.organizationId, actor.organizationId))!);
    }
    const rows = conditions.length > 0 ? await db.select().from(budgetLines).where(sql.join(conditions.map((condition) => sql`(${condition})`), sql` or `)).orderBy(asc(budgetLines.programmeId), asc(budgetLines.position)).limit(EXPORT_LIMIT) : [];
    const names = await namesOf(rows.map((row) => row.organizationId));
    return {
      columns: ['programme', 'organization', 'category', 'description', 'amount', 'indirect_costs', 'own_contribution'],
      rows: rows.map((row) => ({ programme: refOf.get(row.programmeId) ?? '', organization: orgName(row.organizationId, names), category: text(row.category), description: text(row.description), amount: text(row.amount), indirect_costs: text(row.indirectCosts), own_contribution: text(row.ownContribution) })),
      sheet: 'Budget lines',
    };
  }
  if (list === 'decisions') {
    const rows = await db.select().from(decisions).where(inScope(decisions.programmeId)).orderBy(asc(decisions.programmeId), asc(decisions.date)).limit(EXPORT_LIMIT);
    const involvement = rows.length > 0 ? await db.select().from(decisionInvolvements).where(inArray(decisionInvolvements.decisionId, rows.map((row) => row.id))) : [];
    const names = await namesOf(involvement.map((row) => row.organizationId));
    return {
      columns: ['programme', 'date', 'title', 'scope', 'locality', 'topic', 'involvement'],
      rows: rows.map((row) => ({
        programme: refOf.get(row.programmeId) ?? '',
        date: text(row.date),
        title: row.title,
        scope: row.scope,
        locality: text(row.locality),
        topic: text(row.topic),
        involvement: involvement.filter((entry) => entry.decisionId === row.id).map((entry) => `${orgName(entry.organizationId, names)}: ${entry.level}`).join('; '),
      })),
      sheet: 'Decisions',
    };
  }
  const from = alias(organizations, 'from_organization');
  const rows = await db
    .select({ interaction: interactions, from: from.name, to: organizations.name })
    .from(interactions)
    .leftJoin(from, eq(from.id, interactions.fromOrganizationId))
    .leftJoin(organizations, eq(organizations.id, interactions.toOrganizationId))
    .where(inScope(interactions.programmeId))
    .orderBy(asc(interactions.programmeId), asc(interactions.date))
    .limit(EXPORT_LIMIT);
  return {
    columns: ['programme', 'date', 'from', 'to', 'channel', 'subject'],
    rows: rows.map((row) => ({ programme: refOf.get(row.interaction.programmeId) ?? '', date: text(row.interaction.date), from: text(row.from), to: text(row.to), channel: text(row.interaction.channel), subject: text(row.interaction.subject) })),
    sheet: 'Interactions',
  };
}
