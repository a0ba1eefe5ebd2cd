import type { programmes, ConsortiumRole } from '../../db/schema/index.js';
import type { ProgrammeAccess } from './policy.js';
import type { MemberRow } from './members.js';
import { allowedTransitions } from './lifecycle.js';

/** A programme in lists: what it is, who leads it, and what the viewer is to it. */
export function presentProgrammeSummary(row: {
  programme: typeof programmes.$inferSelect;
  lead: { id: string; name: string } | null;
  myRole: ConsortiumRole | 'observer' | 'manager';
  organizationRole: ConsortiumRole | null;
}) {
  const { programme } = row;
  return {
    id: programme.id,
    ref: programme.ref,
    title: programme.title,
    status: programme.status,
    startDate: programme.startDate,
    endDate: programme.endDate,
    currency: programme.currency,
    countries: programme.countries,
    lead: row.lead,
    myRole: row.myRole,
    organizationRole: row.organizationRole,
  };
}


/** A programme in full, with what the viewer may do on it. */
export function presentProgramme(
  programme: typeof programmes.$inferSelect,
  lead: { id: string; name: string } | null,
  viewer: { organizationId: string; access: ProgrammeAccess; canManage: boolean; canContribute: boolean; canViewWholeBudget: boolean },
) {
  return {
    id: programme.id,
    ref: programme.ref,
    title: programme.title,
    summary: programme.summary,
    status: programme.status,
    allowedTransitions: allowedTransitions(programme.status),
    startDate: programme.startDate,
    endDate: programme.endDate,
    currency: programme.currency,
    countries: programme.countries,
    localities: programme.localities,
    sectors: programme.sectors,
    donors: programme.donors,
    budgetTransparent: programme.budgetTransparent,
    logframe: programme.logframe ?? null,
    version: programme.version,
    lead,
    me: {
      consortiumRole: viewer.access.consortiumRole,
      userRole: viewer.access.userRole,
      organizationId: viewer.organizationId,
      canManage: viewer.canManage,
      canContribute: viewer.canContribute,
      canViewWholeBudget: viewer.canViewWholeBudget,
    },
  };
}

/** A consortium member. */
export function presentMember(row: MemberRow) {
  return {
    id: row.member.id,
    organization: row.organization,
    role: row.member.role,
    iatiRole: row.member.iatiRole,
    joinedOn: row.member.joinedOn,
    leftOn: row.member.leftOn,
    active: Boolean(row.active),
    focalPoint: row.focalPoint?.id ? { id: row.focalPoint.id, name: row.focalPoint.name, email: row.focalPoint.email } : null,
    plannedShare: row.member.plannedShare === null ? null : Number(row.member.plannedShare),
    version: row.member.version,
  };
}
