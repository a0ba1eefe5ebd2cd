import { isDeepStrictEqual } from 'node:util';
import type { Actor } from '../../lib/actor.js';
import { can } from '../../lib/policy.js';
import type { appraisalDecisionRecords, appraisals } from '../../db/schema/index.js';
import type { AppraisalDetail } from './appraisals.js';
import { computeWeightedTotal } from './compute-weighted-total.js';
import { DEFAULT_TEMPLATE_ID, defaultTemplate } from './content.js';
import { totalWeight } from './template-definition.js';
import type { TemplateRecord } from './templates.js';

// jsonb does not keep key order, so the copy is compared by value.
const isDefaultCopy = (definition: unknown) => isDeepStrictEqual(definition, defaultTemplate.definition);

/** A template for the API, with whether the viewer may change it. */
export function presentTemplate(template: TemplateRecord, actor: Actor) {
  return {
    id: template.id,
    builtIn: template.organizationId === null,
    editable: can(actor, 'appraisal-template.edit', { kind: 'appraisal-template', ownerOrganizationId: template.organizationId }),
    copiedFrom: template.copiedFrom,
    ...template.definition,
    totalWeight: totalWeight(template.definition),
    version: template.version,
    updatedAt: template.updatedAt?.toISOString() ?? null,
  };
}

/** A recorded decision. */
export function presentDecision(row: typeof appraisalDecisionRecords.$inferSelect) {
  return {
    decision: row.decision,
    reason: row.reason,
    totalAtDecision: row.totalAtDecision === null ? null : Number(row.totalAtDecision),
    decidedBy: { id: row.decidedBy, name: row.decidedByName },
    decidedAt: row.decidedAt.toISOString(),
  };
}

/** An appraisal in lists. */
export function presentAppraisalSummary(row: {
  appraisal: typeof appraisals.$inferSelect;
  appraiser: { id: string; name: string };
  candidate: { id: string; name: string; acronym: string | null; country: string | null };
  programme: { id: string; title: string } | null;
  decision: typeof appraisalDecisionRecords.$inferSelect | null;
}) {
  const result = computeWeightedTotal(row.appraisal.template, row.appraisal.scores);
  return {
    id: row.appraisal.id,
    organization: row.appraiser,
    candidate: row.candidate,
    programme: row.programme?.id ? row.programme : null,
    total: result.total,
    completeness: result.completeness,
    shared: row.appraisal.sharedAt !== null,
    decision: row.decision ? presentDecision(row.decision) : null,
    createdAt: row.appraisal.createdAt.toISOString(),
    updatedAt: row.appraisal.updatedAt.toISOString(),
  };
}

/** An appraisal in full: template copy, scores with evidence, result, decisions, files. */
export function presentAppraisal(detail: AppraisalDetail) {
  const { row } = detail;
  const criteria = row.template.groups.flatMap((group) => group.criteria);
  return {
    ...presentAppraisalSummary({ appraisal: row, appraiser: detail.appraiser, candidate: detail.candidate, programme: detail.programme, decision: detail.decisions.at(-1) ?? null }),
    // Null when the organization's template it started from has since been deleted (its copy remains).
    templateId: row.templateId ?? (isDefaultCopy(row.template) ? DEFAULT_TEMPLATE_ID : null),
    template: row.template,
    scores: criteria.map((criterion) => ({ criterionKey: criterion.key, score: row.scores[criterion.key]?.score ?? null, evidence: row.scores[criterion.key]?.evidence ?? '' })),
    result: computeWeightedTotal(row.template, row.scores),
    strengths: row.strengths,
    risks: row.risks,
    sharedAt: row.sharedAt?.toISOString() ?? null,
    decisions: detail.decisions.map(presentDecision),
    files: detail.files.map((file) => ({ ...file, createdAt: file.createdAt.toISOString() })),
    canEdit: detail.canEdit,
    version: row.version,
  };
}
