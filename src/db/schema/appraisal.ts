import { check, customType, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { programmes } from './programmes.js';
import { users } from './accounts.js';

/** Binary column: evidence files live in the database so that backups include them. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Text in the interface languages; at least one is present. */
export type LocalizedText = { en?: string; fr?: string };

export type TemplateScale = { min: number; max: number; labels?: { en?: string[]; fr?: string[] } };
export type TemplateCriterion = { key: string; title: LocalizedText; guidance?: LocalizedText; weight: number };
export type TemplateGroup = { key: string; title: LocalizedText; criteria: TemplateCriterion[] };
/** The scoring part of a template; an appraisal keeps a copy, so later edits do not change it. */
export type TemplateDefinition = { title: LocalizedText; description?: LocalizedText; scale: TemplateScale; groups: TemplateGroup[] };

export type CriterionScore = { score: number | null; evidence: string };

export const appraisalDecisions = ['select', 'select-with-support', 'do-not-select'] as const;
export type AppraisalDecision = (typeof appraisalDecisions)[number];

export const supportItemStatuses = ['planned', 'in-progress', 'done', 'cancelled'] as const;
export type SupportItemStatus = (typeof supportItemStatuses)[number];

/** An organization's own appraisal template (the built-in default lives in content/, not here). */
export const appraisalTemplates = pgTable(
  'appraisal_templates',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    definition: jsonb('definition').$type<TemplateDefinition>().notNull(),
    /** "default" or the id of the template it was copied from. */
    copiedFrom: text('copied_from'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('appraisal_templates_organization_index').on(table.organizationId)],
);

/** An organization's appraisal of a candidate partner, optionally for a programme. Private to the appraising organization unless shared. */
export const appraisals = pgTable(
  'appraisals',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    candidateOrganizationId: uuid('candidate_organization_id')
      .notNull()
      .references(() => organizations.id),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    /** The template it was started from: null for the built-in default. */
    templateId: uuid('template_id').references(() => appraisalTemplates.id, { onDelete: 'set null' }),
    template: jsonb('template').$type<TemplateDefinition>().notNull(),
    /** Scores and evidence by criterion key. */
    scores: jsonb('scores').$type<Record<string, CriterionScore>>().notNull().default({}),
    strengths: text('strengths').notNull().default(''),
    risks: text('risks').notNull().default(''),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    index('appraisals_organization_index').on(table.organizationId, table.createdAt),
    index('appraisals_candidate_index').on(table.candidateOrganizationId),
    index('appraisals_programme_index').on(table.programmeId),
  ],
);

/** Decisions on an appraisal, newest last: the latest one stands, earlier ones stay as history. */
export const appraisalDecisionRecords = pgTable(
  'appraisal_decisions',
  {
    id: id(),
    appraisalId: uuid('appraisal_id')
      .notNull()
      .references(() => appraisals.id, { onDelete: 'cascade' }),
    decision: text('decision', { enum: appraisalDecisions }).notNull(),
    reason: text('reason').notNull(),
    /** The weighted total when the decision was taken, for the record. */
    totalAtDecision: numeric('total_at_decision', { precision: 5, scale: 1 }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedByName: text('decided_by_name').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('appraisal_decisions_appraisal_index').on(table.appraisalId, table.decidedAt)],
);

/** Evidence files attached to an appraisal (or one of its criteria). */
export const appraisalFiles = pgTable(
  'appraisal_files',
  {
    id: id(),
    appraisalId: uuid('appraisal_id')
      .notNull()
      .references(() => appraisals.id, { onDelete: 'cascade' }),
    criterionKey: text('criterion_key'),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [index('appraisal_files_appraisal_index').on(table.appraisalId)],
);

/** Indicator ratings and evidence of one capacity domain. */
export type CapacityDomainEntry = { ratings: Record<string, number>; evidence: string };

/** A capacity assessment of an organization at a date: by itself or by another organization (a partner assessing the lead too). */
export const capacityAssessments = pgTable(
  'capacity_assessments',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    assessedOrganizationId: uuid('assessed_organization_id')
      .notNull()
      .references(() => organizations.id),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    assessedOn: date('assessed_on').notNull(),
    /** Key and version of the domain framework used (content/appraisal/capacity-domains.json). */
    framework: text('framework').notNull(),
    domains: jsonb('domains').$type<Record<string, CapacityDomainEntry>>().notNull().default({}),
    notes: text('notes').notNull().default(''),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    index('capacity_assessments_organization_index').on(table.organizationId, table.assessedOn),
    index('capacity_assessments_assessed_index').on(table.assessedOrganizationId, table.assessedOn),
  ],
);

/** A support-plan item, from an appraisal ("select with support plan") or a capacity assessment; private like its parent. */
export const supportPlanItems = pgTable(
  'support_plan_items',
  {
    id: id(),
    appraisalId: uuid('appraisal_id').references(() => appraisals.id, { onDelete: 'cascade' }),
    assessmentId: uuid('assessment_id').references(() => capacityAssessments.id, { onDelete: 'cascade' }),
    domainKey: text('domain_key'),
    description: text('description').notNull(),
    ownerOrganizationId: uuid('owner_organization_id').references(() => organizations.id),
    ownerPerson: text('owner_person'),
    dueOn: date('due_on'),
    status: text('status', { enum: supportItemStatuses }).notNull().default('planned'),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    index('support_plan_items_appraisal_index').on(table.appraisalId),
    index('support_plan_items_assessment_index').on(table.assessmentId),
    check('support_plan_items_one_parent', sql`num_nonnulls(${table.appraisalId}, ${table.assessmentId}) = 1`),
    check('support_plan_items_has_owner', sql`num_nonnulls(${table.ownerOrganizationId}, ${table.ownerPerson}) >= 1`),
  ],
);
