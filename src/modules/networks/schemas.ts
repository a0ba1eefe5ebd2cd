import { z } from 'zod';
import { pageQuery } from '../../lib/pagination.js';
import { membershipRoles, networkKinds, signatoryStatuses, statementStatuses } from '../../db/schema/index.js';

const isoDate = z.iso.date();
const versionField = z.number().int().min(1);

export const idParams = z.object({ id: z.uuid() });
export const membershipParams = z.object({ id: z.uuid(), membershipId: z.uuid() });

export const markNetworkBody = z.strictObject({
  organizationId: z.uuid(),
  kind: z.enum(networkKinds),
  description: z.string().max(5_000).nullable().optional(),
});

export const addMemberBody = z.strictObject({
  organizationId: z.uuid(),
  role: z.enum(membershipRoles).default('member'),
  joinedOn: isoDate.nullable().optional(),
  leftOn: isoDate.nullable().optional(),
});

export const updateMemberBody = z.strictObject({
  version: versionField,
  role: z.enum(membershipRoles).optional(),
  joinedOn: isoDate.nullable().optional(),
  leftOn: isoDate.nullable().optional(),
});

const organizationRef = z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() });

export const networkSummary = z.object({
  id: z.uuid(),
  organization: organizationRef.extend({ country: z.string().nullable() }),
  kind: z.enum(networkKinds),
  description: z.string().nullable(),
  members: z.number().int(),
});

export const membership = z.object({
  id: z.uuid(),
  organization: organizationRef.extend({ country: z.string().nullable() }),
  role: z.enum(membershipRoles),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  current: z.boolean(),
  version: z.number().int(),
});

export const networkDetail = networkSummary.extend({ memberships: z.array(membership), canManage: z.boolean() });

export const organizationMembership = z.object({
  id: z.uuid(),
  network: z.object({ id: z.uuid(), organizationId: z.uuid(), name: z.string(), acronym: z.string().nullable(), kind: z.enum(networkKinds) }),
  role: z.enum(membershipRoles),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  current: z.boolean(),
});

export const listStatementsQuery = pageQuery.extend({ networkId: z.uuid().optional() });

export const createStatementBody = z.strictObject({
  networkId: z.uuid().nullable().optional(),
  title: z.string().trim().min(1).max(300),
  body: z.string().min(1).max(50_000),
  invite: z.array(z.uuid()).max(200).default([]),
});

export const reviseStatementBody = z.strictObject({ version: versionField, title: z.string().trim().min(1).max(300), body: z.string().min(1).max(50_000) });
export const inviteBody = z.strictObject({ organizationIds: z.array(z.uuid()).min(1).max(200) });
export const respondBody = z.strictObject({
  answer: z.enum(['signed', 'declined']),
  /** The text version the organization read and answers for. */
  version: versionField,
  comment: z.string().max(2_000).nullable().optional(),
});
export const publishBody = z.strictObject({ version: versionField });

export const statementSummary = z.object({
  id: z.uuid(),
  status: z.enum(statementStatuses),
  title: z.string(),
  networkId: z.uuid().nullable(),
  draftingOrganization: z.object({ id: z.uuid(), name: z.string() }),
  publishedAt: z.string().nullable(),
  signed: z.number().int(),
  declined: z.number().int(),
  invited: z.number().int(),
  updatedAt: z.string(),
});

export const statementDetail = z.object({
  id: z.uuid(),
  status: z.enum(statementStatuses),
  networkId: z.uuid().nullable(),
  draftingOrganization: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  body: z.string(),
  html: z.string(),
  textVersion: z.number().int(),
  publishedAt: z.string().nullable(),
  /** Organizations that signed the text shown; never those that declined. */
  signatories: z.array(z.object({ organizationId: z.uuid(), name: z.string(), signedAt: z.string() })),
  /** Every invitation and its answer: shown to the parties of the draft only. */
  invitations: z.array(z.object({ organizationId: z.uuid(), name: z.string(), status: z.enum(signatoryStatuses), respondedVersion: z.number().int().nullable(), respondedAt: z.string().nullable(), comment: z.string().nullable() })).nullable(),
  myAnswer: z.enum(signatoryStatuses).nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
  canInvite: z.boolean(),
  canPublish: z.boolean(),
  canRespond: z.boolean(),
});

export const statementVersion = z.object({ number: z.number().int(), title: z.string(), body: z.string(), authorName: z.string(), createdAt: z.string() });
