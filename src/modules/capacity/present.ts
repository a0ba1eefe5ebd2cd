import type { supportPlanItems } from '../../db/schema/index.js';
import type { AssessmentRow } from './assessments.js';
import { capacityFramework } from './capacity-framework.js';
import { computeDomainScores, overallScore } from './domain-scores.js';

/** An assessment in lists: who assessed whom, when, and the domain scores. */
export function presentAssessmentSummary(row: AssessmentRow) {
  const { assessment } = row;
  const scores = computeDomainScores(capacityFramework, assessment.domains);
  return {
    id: assessment.id,
    organization: row.assessor,
    assessedOrganization: row.assessed,
    kind: assessment.organizationId === assessment.assessedOrganizationId ? ('self' as const) : ('external' as const),
    programme: row.programme?.id ? row.programme : null,
    assessedOn: assessment.assessedOn,
    overall: overallScore(scores),
    domainScores: Object.fromEntries(scores.map((score) => [score.key, score.score])),
    shared: assessment.sharedAt !== null,
    createdAt: assessment.createdAt.toISOString(),
  };
}

/** A support-plan item with its owner and what it is about. */
export function presentSupportItem(row: {
  item: typeof supportPlanItems.$inferSelect;
  owner: { id: string; name: string } | null;
  subject: { organization: { id: string; name: string } } | null;
  canEdit: boolean;
}) {
  const { item } = row;
  return {
    id: item.id,
    parent: item.appraisalId ? { kind: 'appraisal' as const, id: item.appraisalId } : { kind: 'assessment' as const, id: item.assessmentId! },
    subject: row.subject?.organization ?? null,
    domainKey: item.domainKey,
    description: item.description,
    ownerOrganization: row.owner?.id ? row.owner : null,
    ownerPerson: item.ownerPerson,
    dueOn: item.dueOn,
    status: item.status,
    notes: item.notes,
    canEdit: row.canEdit,
    version: item.version,
  };
}

/** An assessment in full: every domain with its ratings, evidence and score, and its support plan. */
export function presentAssessment(detail: { row: AssessmentRow; canEdit: boolean }, supportItems: Parameters<typeof presentSupportItem>[0][]) {
  const { assessment } = detail.row;
  const scores = computeDomainScores(capacityFramework, assessment.domains);
  return {
    ...presentAssessmentSummary(detail.row),
    framework: assessment.framework,
    domains: scores.map((score) => {
      const entry = assessment.domains[score.key];
      return {
        ...score,
        ratings: Object.entries(entry?.ratings ?? {}).map(([indicatorKey, rating]) => ({ indicatorKey, rating })),
        evidence: entry?.evidence ?? '',
      };
    }),
    notes: assessment.notes,
    sharedAt: assessment.sharedAt?.toISOString() ?? null,
    supportItems: supportItems.map(presentSupportItem),
    canEdit: detail.canEdit,
    version: assessment.version,
    updatedAt: assessment.updatedAt.toISOString(),
  };
}
