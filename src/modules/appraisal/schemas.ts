import { z } from 'zod';
import { appraisalDecisions } from '../../db/schema/index.js';
import { pageQuery } from '../../lib/pagination.js';
import { localizedText, templateDefinition, templateGroup, templateScale } from './template-definition.js';

const localizedOut = z.object({ en: z.string().optional(), fr: z.string().optional() });
const criterionOut = z.object({ key: z.string(), title: localizedOut, guidance: localizedOut.optional(), weight: z.number() });
const groupOut = z.object({ key: z.string(), title: localizedOut, criteria: z.array(criterionOut) });
const scaleOut = z.object({ min: z.number(), max: z.number(), labels: z.object({ en: z.array(z.string()).optional(), fr: z.array(z.string()).optional() }).optional() });
const definitionOut = z.object({ title: localizedOut, description: localizedOut.optional(), scale: scaleOut, groups: z.array(groupOut) });

export const templateIdParams = z.object({ id: z.string().min(1).max(64) });
export const idParams = z.object({ id: z.uuid() });
export const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** A template: the built-in default (id "default", read-only) or one of the organization's own. */
export const appraisalTemplate = definitionOut.extend({
  id: z.string(),
  builtIn: z.boolean(),
  editable: z.boolean(),
  copiedFrom: z.string().nullable(),
  totalWeight: z.number(),
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
});

export const createTemplateBody = templateDefinition;
export const updateTemplateBody = z.strictObject({
  version: z.number().int().positive(),
  title: localizedText(300).optional(),
  description: localizedText(4000).optional(),
  scale: templateScale.optional(),
  groups: z.array(templateGroup).min(1).max(30).optional(),
});

const scoreInput = z.strictObject({
  criterionKey: z.string().min(1).max(64),
  score: z.number().nullable(),
  evidence: z.string().max(10_000).optional(),
});

const longText = z.string().max(20_000);

export const createAppraisalBody = z.strictObject({
  candidateOrganizationId: z.uuid(),
  programmeId: z.uuid().nullable().optional(),
  templateId: z.string().min(1).max(64).default('default'),
  scores: z.array(scoreInput).max(200).optional(),
  strengths: longText.optional(),
  risks: longText.optional(),
  shared: z.boolean().optional(),
});

export const updateAppraisalBody = z.strictObject({
  version: z.number().int().positive(),
  programmeId: z.uuid().nullable().optional(),
  scores: z.array(scoreInput).max(200).optional(),
  strengths: longText.optional(),
  risks: longText.optional(),
  shared: z.boolean().optional(),
});

export const decisionBody = z.strictObject({
  version: z.number().int().positive(),
  decision: z.enum(appraisalDecisions),
  reason: z.string().trim().min(1, 'give the reason for the decision').max(10_000),
});

export const listAppraisalsQuery = pageQuery.extend({
  programmeId: z.uuid().optional(),
  candidateOrganizationId: z.uuid().optional(),
  scope: z.enum(['mine', 'about-us']).optional(),
});

export const compareQuery = z.object({ programmeId: z.uuid() });

export const fileUploadQuery = z.object({
  name: z.string().trim().min(1).max(255),
  criterionKey: z.string().min(1).max(64).optional(),
});

const organizationRef = z.object({ id: z.uuid(), name: z.string() });
const candidateRef = organizationRef.extend({ acronym: z.string().nullable(), country: z.string().nullable() });
const programmeRef = z.object({ id: z.uuid(), title: z.string() });

export const decisionOut = z.object({
  decision: z.enum(appraisalDecisions),
  reason: z.string(),
  totalAtDecision: z.number().nullable(),
  decidedBy: z.object({ id: z.uuid().nullable(), name: z.string() }),
  decidedAt: z.iso.datetime(),
});

export const resultOut = z.object({
  total: z.number().nullable(),
  completeness: z.number(),
  scoredCriteria: z.number().int(),
  totalCriteria: z.number().int(),
  groups: z.array(z.object({ key: z.string(), total: z.number().nullable(), completeness: z.number() })),
});

export const appraisalFile = z.object({
  id: z.uuid(),
  criterionKey: z.string().nullable(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.iso.datetime(),
});

export const appraisalSummary = z.object({
  id: z.uuid(),
  organization: organizationRef,
  candidate: candidateRef,
  programme: programmeRef.nullable(),
  total: z.number().nullable(),
  completeness: z.number(),
  shared: z.boolean(),
  decision: decisionOut.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const appraisalView = appraisalSummary.extend({
  templateId: z.string().nullable(),
  template: definitionOut,
  scores: z.array(z.object({ criterionKey: z.string(), score: z.number().nullable(), evidence: z.string() })),
  result: resultOut,
  strengths: z.string(),
  risks: z.string(),
  sharedAt: z.iso.datetime().nullable(),
  decisions: z.array(decisionOut),
  files: z.array(appraisalFile),
  canEdit: z.boolean(),
  version: z.number().int(),
});

export const comparison = z.object({
  programme: programmeRef,
  sameTemplate: z.boolean(),
  groups: z.array(groupOut),
  candidates: z.array(
    z.object({
      appraisalId: z.uuid(),
      candidate: candidateRef,
      total: z.number().nullable(),
      completeness: z.number(),
      groups: z.array(z.object({ key: z.string(), total: z.number().nullable() })),
      scores: z.record(z.string(), z.number().nullable()),
      weights: z.record(z.string(), z.number()),
      scale: scaleOut,
      strengths: z.string(),
      risks: z.string(),
      decision: z.object({ decision: z.enum(appraisalDecisions), reason: z.string(), decidedAt: z.iso.datetime() }).nullable(),
    }),
  ),
});
