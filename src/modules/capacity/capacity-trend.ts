import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { listAssessmentsOf } from './assessments.js';
import { capacityFramework } from './capacity-framework.js';
import { computeDomainScores } from './domain-scores.js';

/**
 * Each capacity domain of one organization over time: one point per assessment the actor may
 * read (made by the actor's organization, or shared with it), oldest first, marked self or by whom.
 */
export async function getCapacityTrend(db: Database, options: { actor: Actor; organizationId: string }) {
  const [organization] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, options.organizationId), isNull(organizations.deletedAt)))
    .limit(1);
  if (!organization) throw notFound('Organization');
  const rows = await listAssessmentsOf(db, options);
  const assessments = rows.map((row) => ({ row, scores: computeDomainScores(capacityFramework, row.assessment.domains) }));
  return {
    organization,
    domains: capacityFramework.domains.map((domain) => ({
      key: domain.key,
      points: assessments.flatMap(({ row, scores }) => {
        const score = scores.find((candidate) => candidate.key === domain.key)?.score ?? null;
        if (score === null) return [];
        return [
          {
            assessmentId: row.assessment.id,
            assessedOn: row.assessment.assessedOn,
            score,
            kind: row.assessment.organizationId === row.assessment.assessedOrganizationId ? ('self' as const) : ('external' as const),
            assessor: row.assessor,
          },
        ];
      }),
    })),
  };
}
