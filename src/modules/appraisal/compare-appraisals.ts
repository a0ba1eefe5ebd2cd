import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { appraisals, organizations, programmes, type TemplateGroup } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { authorize } from '../../lib/policy.js';
import { getProgrammeAccess } from '../programmes/access.js';
import { latestDecisions } from './appraisals.js';
import { computeWeightedTotal } from './compute-weighted-total.js';

/**
 * The actor's organization's appraisals of candidates for one programme, side by side: the
 * criteria as rows (union over the templates used), a column per candidate, best total first.
 */
export async function compareAppraisals(db: Database, options: { actor: Actor; programmeId: string }) {
  const { actor } = options;
  const access = await getProgrammeAccess(db, actor, options.programmeId);
  authorize(actor, 'programme.view', { kind: 'programme', access });
  const [programme] = await db.select({ id: programmes.id, title: programmes.title }).from(programmes).where(eq(programmes.id, options.programmeId));
  if (!programme) throw notFound('Programme');

  const rows = await db
    .select({ appraisal: appraisals, candidate: { id: organizations.id, name: organizations.name, acronym: organizations.acronym, country: organizations.country } })
    .from(appraisals)
    .innerJoin(organizations, eq(organizations.id, appraisals.candidateOrganizationId))
    .where(and(eq(appraisals.programmeId, options.programmeId), eq(appraisals.organizationId, actor.organizationId)))
    .orderBy(desc(appraisals.createdAt));
  const decisions = await latestDecisions(db, rows.map((row) => row.appraisal.id));

  // Rows of the table: every criterion of every template used, in the order first met.
  const groups: TemplateGroup[] = [];
  for (const { appraisal } of rows) {
    for (const group of appraisal.template.groups) {
      let target = groups.find((candidateGroup) => candidateGroup.key === group.key);
      if (!target) {
        target = { key: group.key, title: group.title, criteria: [] };
        groups.push(target);
      }
      for (const criterion of group.criteria) {
        if (!target.criteria.some((known) => known.key === criterion.key)) target.criteria.push(criterion);
      }
    }
  }
  const templates = new Set(rows.map((row) => JSON.stringify({ scale: row.appraisal.template.scale, groups: row.appraisal.template.groups.map((group) => group.criteria.map((criterion) => [criterion.key, criterion.weight])) })));

  const candidates = rows.map(({ appraisal, candidate }) => {
    const result = computeWeightedTotal(appraisal.template, appraisal.scores);
    const decision = decisions.get(appraisal.id);
    return {
      appraisalId: appraisal.id,
      candidate,
      total: result.total,
      completeness: result.completeness,
      groups: result.groups.map((group) => ({ key: group.key, total: group.total })),
      scores: Object.fromEntries(Object.entries(appraisal.scores).map(([key, value]) => [key, value.score])),
      weights: Object.fromEntries(appraisal.template.groups.flatMap((group) => group.criteria.map((criterion) => [criterion.key, criterion.weight]))),
      scale: appraisal.template.scale,
      strengths: appraisal.strengths,
      risks: appraisal.risks,
      decision: decision ? { decision: decision.decision, reason: decision.reason, decidedAt: decision.decidedAt.toISOString() } : null,
    };
  });
  candidates.sort((a, b) => (b.total ?? -1) - (a.total ?? -1));
  return { programme, sameTemplate: templates.size <= 1, groups, candidates };
}
