import { aliasedTable, desc, eq, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { learningExchanges, organizations, programmes } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { getCapacityTrend } from '../capacity/capacity-trend.js';

/**
 * The actor's organization's own development: what it learned and shared, with whom, in which
 * programme (the working log's learning records), and how its assessed capacity changed (the
 * capacity trend, from assessments it made or that were shared with it).
 */
export async function getDevelopment(db: Database, actor: Actor) {
  const self = actor.organizationId;
  const fromOrganization = aliasedTable(organizations, 'from_organization');
  const toOrganization = aliasedTable(organizations, 'to_organization');
  const rows = await db
    .select({ record: learningExchanges, fromName: fromOrganization.name, toName: toOrganization.name, programmeTitle: programmes.title })
    .from(learningExchanges)
    .innerJoin(fromOrganization, eq(fromOrganization.id, learningExchanges.fromOrganizationId))
    .innerJoin(toOrganization, eq(toOrganization.id, learningExchanges.toOrganizationId))
    .innerJoin(programmes, eq(programmes.id, learningExchanges.programmeId))
    .where(or(eq(learningExchanges.toOrganizationId, self), eq(learningExchanges.fromOrganizationId, self)))
    .orderBy(desc(learningExchanges.date), desc(learningExchanges.id))
    .limit(500);
  const trend = await getCapacityTrend(db, { actor, organizationId: self });
  return {
    learning: rows.map(({ record, fromName, toName, programmeTitle }) => {
      const learned = record.toOrganizationId === self;
      return {
        id: record.id,
        date: record.date,
        direction: learned ? ('learned' as const) : ('shared' as const),
        topic: record.topic,
        description: record.description,
        kind: record.kind,
        counterpart: learned ? { id: record.fromOrganizationId, name: fromName } : { id: record.toOrganizationId, name: toName },
        programme: { id: record.programmeId, title: programmeTitle },
      };
    }),
    capacity: trend.domains.map((domain) => ({
      key: domain.key,
      points: domain.points.map((point) => ({ assessedOn: point.assessedOn, score: point.score, kind: point.kind, assessor: assessorName(point.assessor) })),
    })),
  };
}

function assessorName(assessor: unknown): string | null {
  if (assessor && typeof assessor === 'object' && 'name' in assessor && typeof assessor.name === 'string') return assessor.name;
  return typeof assessor === 'string' ? assessor : null;
}
