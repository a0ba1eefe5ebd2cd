import type { ConsortiumRole } from '../../db/schema/index.js';

/**
 * Default IATI OrganisationRole for each consortium role: the lead is Accountable (2) to the
 * donor, funders are Funding (1), and everyone who does the work is Implementing (4), vendors
 * included: a contractor implements part of the action even though it is paid for a service.
 * Extending (3) is never a default; a manager sets it for a member that passes funds on.
 */
export const defaultIatiRole: Record<ConsortiumRole, 1 | 2 | 3 | 4> = {
  lead: 2,
  partner: 4,
  'affiliated-entity': 4,
  associate: 4,
  vendor: 4,
  funder: 1,
};
