import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { budgetLines, programmeMembers, programmeTeamMembers } from '../../db/schema/index.js';
import { defaultIatiRole } from '../programmes/iati-roles.js';
import type { BundleSection } from './bundle-sections.js';
import { insertRows } from './insert-rows.js';
import type { BundleMember } from './schema.js';
import { emailsByUserId, userIdFor, userIdsByEmail } from './user-emails.js';
import { activeMembership } from '../programmes/access.js';

/**
 * Consortium members with their roles, dates, IATI role (left out when it is the role's default),
 * planned share and focal point (by e-mail). Organizations that have left go to `formerMembers`,
 * so that `members` stays the current consortium the analysis reads.
 */
export const membersSection: BundleSection = {
  name: 'members',
  async importInto(db, context, bundle) {
    const all = [...bundle.members, ...(bundle.formerMembers ?? [])];
    const focalPoints = await userIdsByEmail(db, all.map((member) => member.focalPoint));
    const rows = all.map((member) => [
      context.programmeId,
      context.organizationIds.get(member.org)!,
      member.role,
      member.iatiRole ?? defaultIatiRole[member.role],
      member.joined?.slice(0, 10) ?? context.programmeStart,
      member.left?.slice(0, 10) ?? null,
      member.plannedShare === undefined ? null : String(member.plannedShare),
      userIdFor(focalPoints, member.focalPoint),
    ]);
    await insertRows(
      db,
      'programme_members',
      [['programme_id', 'uuid'], ['organization_id', 'uuid'], ['role', 'text'], ['iati_role', 'integer'], ['joined_on', 'date'], ['left_on', 'date'], ['planned_share', 'numeric'], ['focal_point_user_id', 'uuid']],
      rows,
    );
  },
  async exportFrom(db, context, bundle) {
    const rows = await db
      .select({
        organizationId: programmeMembers.organizationId,
        role: programmeMembers.role,
        iatiRole: programmeMembers.iatiRole,
        joinedOn: programmeMembers.joinedOn,
        leftOn: programmeMembers.leftOn,
        plannedShare: programmeMembers.plannedShare,
        focalPointUserId: programmeMembers.focalPointUserId,
        current: sql<boolean>`${activeMembership()}`,
      })
      .from(programmeMembers)
      .where(eq(programmeMembers.programmeId, context.programmeId));
    const emails = await emailsByUserId(db, rows.map((row) => row.focalPointUserId));
    const toBundle = (row: (typeof rows)[number]): BundleMember => ({
      org: context.refFor(row.organizationId),
      role: row.role,
      ...(row.iatiRole !== defaultIatiRole[row.role] ? { iatiRole: row.iatiRole } : {}),
      ...(row.joinedOn && row.joinedOn !== bundle.programme.start ? { joined: row.joinedOn } : {}),
      ...(row.leftOn ? { left: row.leftOn } : {}),
      ...(row.plannedShare !== null ? { plannedShare: Number(row.plannedShare) } : {}),
      ...(row.focalPointUserId && emails.has(row.focalPointUserId) ? { focalPoint: emails.get(row.focalPointUserId)! } : {}),
    });
    const byOrg = (a: BundleMember, b: BundleMember) => a.org.localeCompare(b.org);
    bundle.members = rows.filter((row) => row.current).map(toBundle).sort(byOrg);
    const former = rows.filter((row) => !row.current).map(toBundle).sort(byOrg);
    if (former.length > 0) bundle.formerMembers = former;
  },
};

/** The programme team: people by name and programme role, linked to a user of the instance by e-mail. */
export const teamSection: BundleSection = {
  name: 'team',
  async importInto(db, context, bundle) {
    const team = bundle.team ?? [];
    const userIds = await userIdsByEmail(db, team.map((person) => person.email));
    const rows = team.map((person) => [context.programmeId, context.organizationIds.get(person.org)!, userIdFor(userIds, person.email), person.name, person.email ?? null, person.role]);
    await insertRows(db, 'programme_team_members', [['programme_id', 'uuid'], ['organization_id', 'uuid'], ['user_id', 'uuid'], ['name', 'text'], ['email', 'text'], ['programme_role', 'text']], rows);
  },
  async exportFrom(db, context, bundle) {
    const rows = await db.select().from(programmeTeamMembers).where(eq(programmeTeamMembers.programmeId, context.programmeId));
    if (rows.length === 0) return;
    const emails = await emailsByUserId(db, rows.map((row) => row.userId));
    bundle.team = rows
      .map((row) => {
        const email = row.email ?? (row.userId ? emails.get(row.userId) : undefined);
        return { org: context.refFor(row.organizationId), name: row.name, ...(email ? { email } : {}), role: row.programmeRole };
      })
      .sort((a, b) => a.org.localeCompare(b.org) || a.name.localeCompare(b.name) || a.role.localeCompare(b.role) || (a.email ?? '').localeCompare(b.email ?? ''));
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
