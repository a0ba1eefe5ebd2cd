import { z } from 'zod';
import { supportItemStatuses } from '../../db/schema/index.js';
import { pageQuery } from '../../lib/pagination.js';

export const idParams = z.object({ id: z.uuid() });

const isoDate = z.iso.date();

const domainInput = z.strictObject({
  key: z.string().min(1).max(64),
  ratings: z.array(z.strictObject({ indicatorKey: z.string().min(1).max(64), rating: z.number().nullable() })).max(20).default([]),
  evidence: z.string().max(10_000).optional(),
});

export const createAssessmentBody = z.strictObject({
  assessedOrganizationId: z.uuid(),
  assessedOn: isoDate,
  programmeId: z.uuid().nullable().optional(),
  domains: z.array(domainInput).max(20).optional(),
  notes: z.string().max(20_000).optional(),
  shared: z.boolean().optional(),
});

export const updateAssessmentBody = z.strictObject({
  version: z.number().int().positive(),
  assessedOn: isoDate.optional(),
  programmeId: z.uuid().nullable().optional(),
  domains: z.array(domainInput).max(20).optional(),
  notes: z.string().max(20_000).optional(),
  shared: z.boolean().optional(),
});

export const listAssessmentsQuery = pageQuery.extend({
  assessedOrganizationId: z.uuid().optional(),
  scope: z.enum(['mine', 'about-us']).optional(),
});

const supportItemFields = {
  domainKey: z.string().min(1).max(64).nullable().optional(),
  ownerOrganizationId: z.uuid().nullable().optional(),
  ownerPerson: z.string().trim().max(200).nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  status: z.enum(supportItemStatuses).optional(),
  notes: z.string().max(10_000).optional(),
};

export const createSupportItemBody = z.strictObject({ description: z.string().trim().min(1).max(2_000), ...supportItemFields });
export const updateSupportItemBody = z.strictObject({ version: z.number().int().positive(), description: z.string().trim().min(1).max(2_000).optional(), ...supportItemFields });
export const listSupportItemsQuery = z.object({ status: z.enum(supportItemStatuses).optional() });

const organizationRef = z.object({ id: z.uuid(), name: z.string() });

export const supportItem = z.object({
  id: z.uuid(),
  parent: z.object({ kind: z.enum(['appraisal', 'assessment']), id: z.uuid() }),
  subject: organizationRef.nullable(),
  domainKey: z.string().nullable(),
  description: z.string(),
  ownerOrganization: organizationRef.nullable(),
  ownerPerson: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(supportItemStatuses),
  notes: z.string(),
  canEdit: z.boolean(),
  version: z.number().int(),
});

export const domainResult = z.object({
  key: z.string(),
  score: z.number().nullable(),
  ratedIndicators: z.number().int(),
  totalIndicators: z.number().int(),
  ratings: z.array(z.object({ indicatorKey: z.string(), rating: z.number() })),
  evidence: z.string(),
});

export const assessmentSummary = z.object({
  id: z.uuid(),
  organization: organizationRef,
  assessedOrganization: organizationRef.extend({ acronym: z.string().nullable() }),
  kind: z.enum(['self', 'external']),
  programme: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  assessedOn: z.string(),
  overall: z.number().nullable(),
  domainScores: z.record(z.string(), z.number().nullable()),
  shared: z.boolean(),
  createdAt: z.iso.datetime(),
});

export const assessmentView = assessmentSummary.extend({
  framework: z.string(),
  domains: z.array(domainResult),
  notes: z.string(),
  sharedAt: z.iso.datetime().nullable(),
  supportItems: z.array(supportItem),
  canEdit: z.boolean(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});

const bilingualOut = z.object({ en: z.string(), fr: z.string() });
export const frameworkView = z.object({
  key: z.string(),
  version: z.number().int(),
  title: bilingualOut,
  description: bilingualOut,
  scale: z.object({ values: z.array(z.number().int()), labels: z.object({ en: z.array(z.string()), fr: z.array(z.string()) }) }),
  domains: z.array(z.object({ key: z.string(), title: bilingualOut, levels: z.array(z.object({ value: z.number().int(), text: bilingualOut })), indicators: z.array(z.object({ key: z.string(), text: bilingualOut })) })),
});

export const capacityTrend = z.object({
  organization: organizationRef,
  domains: z.array(
    z.object({
      key: z.string(),
      points: z.array(z.object({ assessmentId: z.uuid(), assessedOn: z.string(), score: z.number(), kind: z.enum(['self', 'external']), assessor: organizationRef })),
    }),
  ),
});
