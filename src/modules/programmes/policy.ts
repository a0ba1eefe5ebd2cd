import type { Actor } from '../../lib/actor.js';
import type { ConsortiumRole, ProgrammeUserRole } from '../../db/schema/index.js';

/** What one actor is to one programme: their organization's consortium role and their own programme role. */
export type ProgrammeAccess = {
  programmeId: string;
  /** Role of the actor's organization while it is a member (not after it left); null otherwise. */
  consortiumRole: ConsortiumRole | null;
  /** The actor's own role on the programme (manager, or read-only observer such as donor staff). */
  userRole: ProgrammeUserRole | null;
  budgetTransparent: boolean;
  /** An imported IATI activity: public data every signed-in user reads, changed only by a new import. */
  publicData?: boolean;
};

type ProgrammeResource = { kind: 'programme'; access: ProgrammeAccess };

const canView = (_actor: Actor, { access }: ProgrammeResource) => access.consortiumRole !== null || access.userRole !== null || access.publicData === true;

const canManage = (actor: Actor, { access }: ProgrammeResource) =>
  access.publicData !== true && (access.userRole === 'manager' || (access.consortiumRole === 'lead' && actor.role === 'org-admin'));

/** Programme rules: membership gives sight, managers change structure, every member records its own part. */
export const programmeRules = {
  'programme.view': canView,
  'programme.manage': canManage,
  'programme.contribute': (actor: Actor, resource: ProgrammeResource) =>
    canManage(actor, resource) || (resource.access.consortiumRole !== null && resource.access.publicData !== true),
  'programme.view-budget': (actor: Actor, resource: ProgrammeResource) =>
    canManage(actor, resource) ||
    (resource.access.budgetTransparent && canView(actor, resource) && resource.access.consortiumRole !== 'vendor'),
};
