import { z } from 'zod';
import { organizationScopes } from '../../db/schema/index.js';
import { relationshipKeys } from '../relationships/types.js';
import { countryCodes, organisationTypeCodes, sectorCodes } from './codes.js';
import { checkIdentifier } from './identifiers.js';

/** Forms send "" for an empty field: it means "no value", like null. */
const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToNull, schema.nullable()).optional();
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const textList = (max: number) => z.array(text(max).min(1, 'must not be empty')).max(100, 'has more than 100 entries');

export const organizationTypeCode = z
  .string()
  .trim()
  .refine((code) => organisationTypeCodes.has(code), 'is not an IATI OrganisationType code (e.g. "21" International NGO)');
export const countryCode = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .refine((code) => countryCodes.has(code), 'is not an ISO 3166-1 alpha-2 country code (e.g. "NE")');
export const sectorCode = z.string().trim().refine((code) => sectorCodes.has(code), 'is not a DAC sector code (5 digits) or category (3 digits)');
export const identifier = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const check = checkIdentifier(value);
    if (!check.ok) context.addIssue({ code: 'custom', message: check.message });
  });
export const website = text(500).refine((value) => /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value), 'must be a web address starting with http:// or https://');

const profileFields = {
  otherNames: textList(300).optional(),
  acronym: optional(text(50)),
  identifier: optional(identifier),
  type: optional(organizationTypeCode),
  country: optional(countryCode),
  scope: optional(z.enum(organizationScopes)),
  sectors: z.array(sectorCode).max(100).optional(),
  competences: textList(200).optional(),
  areasOfInfluence: textList(200).optional(),
  mission: optional(text(5000)),
  values: optional(text(5000)),
  website: optional(website),
  notes: optional(text(10000)),
};

export const createOrganizationBody = z.strictObject({ name: text(300).min(1, 'is required'), ...profileFields });
export type CreateOrganizationInput = z.infer<typeof createOrganizationBody>;

export const updateOrganizationBody = z.strictObject({
  name: text(300).min(1, 'is required').optional(),
  ...profileFields,
  version: z.number().int().positive(),
});
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationBody>;

export const versionBody = z.strictObject({ version: z.number().int().positive() });

export const organizationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(512).optional(),
  q: z.string().trim().max(200).optional(),
  type: organizationTypeCode.optional(),
  country: countryCode.optional(),
  scope: z.enum(organizationScopes).optional(),
  sector: sectorCode.optional(),
  /** A relationship type read from the listed organization's side: "funds", "funded-by", "member-of", "has-member"... */
  relationship: z.enum(relationshipKeys).optional(),
  /** With relationship: only ties to this organization. */
  relatedTo: z.uuid().optional(),
  /** true lists deleted organizations the actor may restore. */
  deleted: z.enum(['true', 'false']).optional(),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuery>;

export const warning = z.object({ pointer: z.string(), message: z.string() });

export const organizationSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  acronym: z.string().nullable(),
  identifier: z.string().nullable(),
  type: z.string().nullable(),
  country: z.string().nullable(),
  scope: z.enum(organizationScopes).nullable(),
  sectors: z.array(z.string()),
  deletedAt: z.iso.datetime().nullable(),
});

export const organization = organizationSummary.extend({
  otherNames: z.array(z.string()),
  competences: z.array(z.string()),
  areasOfInfluence: z.array(z.string()),
  mission: z.string().nullable(),
  values: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});

export const organizationSaved = organization.extend({ warnings: z.array(warning) });

export const duplicateQuery = z.object({
  name: z.string().trim().max(300).optional(),
  identifier: z.string().trim().max(200).optional(),
  excludeId: z.uuid().optional(),
});
export const duplicateCandidate = z.object({
  organization: organizationSummary,
  reasons: z.array(z.enum(['identifier', 'name'])),
  similarity: z.number(),
});
export const duplicatePair = z.object({
  first: organizationSummary,
  second: organizationSummary,
  reasons: z.array(z.enum(['identifier', 'name'])),
  similarity: z.number(),
});
export const mergeBody = z.strictObject({ into: z.uuid() });
export const mergeResult = z.object({
  mergeId: z.uuid(),
  survivor: organization,
  mergedId: z.uuid(),
  moved: z.record(z.string(), z.number()),
});

export const idParams = z.object({ id: z.uuid() });

const registryNote = z.object({
  id: z.uuid(),
  subjectOrganizationId: z.uuid().nullable(),
  relationshipId: z.uuid().nullable(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  author: z.string().nullable(),
  body: z.string(),
  shared: z.boolean(),
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});

export const organizationProfile = z.object({
  organization,
  permissions: z.object({ canEdit: z.boolean(), canDelete: z.boolean(), canMerge: z.boolean() }),
  relationships: z.array(
    z.object({
      id: z.uuid(),
      type: z.string(),
      /** The label key read from this organization's side ("funded-by" on the funded one's profile). */
      label: z.string(),
      other: z.object({ id: z.uuid(), name: z.string() }),
      startedOn: z.string().nullable(),
      endedOn: z.string().nullable(),
      notes: z.string().nullable(),
      version: z.number().int(),
      annotations: z.array(registryNote),
    }),
  ),
  people: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      position: z.string().nullable(),
      contacts: z.array(z.object({ kind: z.string(), value: z.string() })),
      languages: z.array(z.string()),
      deletedAt: z.iso.datetime().nullable(),
      version: z.number().int(),
    }),
  ),
  programmes: z.array(z.object({ id: z.uuid(), ref: z.string(), title: z.string(), role: z.string() })),
  notes: z.array(registryNote),
});
