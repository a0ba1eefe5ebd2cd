import type { Actor } from '../../lib/actor.js';
import type { ProgrammeAccess } from '../programmes/policy.js';

/**
 * A record of a programme's working log (meeting, decision, interaction, learning, rating), with
 * the organization that recorded it (null when it came from a bundle: only managers edit it).
 */
export type LogRecordResource = { kind: 'log-record'; access: ProgrammeAccess; recordedByOrganizationId: string | null };

/** A programme seen from one organization's own entries in the log (desired levels, contests). */
export type LogOwnEntryResource = { kind: 'log-own-entry'; access: ProgrammeAccess; organizationId: string };

const isManager = (actor: Actor, access: ProgrammeAccess) => access.userRole === 'manager' || (access.consortiumRole === 'lead' && actor.role === 'org-admin');
const isMember = (access: ProgrammeAccess) => access.consortiumRole !== null;

/** Working-log rules: members record, each organization edits what it recorded, managers edit all, observers only read. */
export const worklogRules = {
  'log-record.edit': (actor: Actor, record: LogRecordResource) =>
    isManager(actor, record.access) || (isMember(record.access) && record.recordedByOrganizationId === actor.organizationId),
  /** Desired levels and contests belong to the organization that entered them, managers included. */
  'log-own-entry.edit': (actor: Actor, entry: LogOwnEntryResource) => isMember(entry.access) && entry.organizationId === actor.organizationId,
};
