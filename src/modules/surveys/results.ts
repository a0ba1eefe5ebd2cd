import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, surveyAnswers, surveyComments, surveyRounds, type ConsortiumRole } from '../../db/schema/index.js';
import { aggregateRound, type GroupFigures, type RoundAggregates } from './aggregate-round.js';
import { surveyAggregatesForAnalysis, type SurveyAggregatesForAnalysis } from './aggregates-for-analysis.js';
import { effectiveMinGroupSize } from './disclosure.js';
import { respondentOrganizations } from './recipients.js';
import { roundStatus, type RoundRow } from './rounds.js';

/** Aggregates one round under the anonymity rules; individual answers never leave this function. */
export async function computeRoundAggregates(db: Database, options: { round: RoundRow; instanceMinGroupSize: number }): Promise<RoundAggregates> {
  const { round } = options;
  const k = effectiveMinGroupSize(round.minGroupSize, options.instanceMinGroupSize);
  const isOpen = roundStatus(round) !== 'closed';
  // An open round's figures would move with each submission and give away the latest answer: none until it closes.
  const rows = isOpen
    ? []
    : await db
        .select({ respondentOrganizationId: surveyAnswers.respondentOrganizationId, targetOrganizationId: surveyAnswers.targetOrganizationId, values: surveyAnswers.values })
        .from(surveyAnswers)
        .where(eq(surveyAnswers.roundId, round.id));
  const comments = isOpen || !round.commentsEnabled ? [] : (await db.select({ text: surveyComments.text }).from(surveyComments).where(eq(surveyComments.roundId, round.id))).map((row) => row.text);
  const roles = new Map<string, ConsortiumRole>();
  if (round.programmeId) {
    for (const [id, member] of await respondentOrganizations(db, round)) roles.set(id, member.role as ConsortiumRole);
  }
  return aggregateRound({ definition: round.definition, k, rows, comments, commentsEnabled: round.commentsEnabled, roles, isOpen });
}

/** Earlier and later closed rounds of the same instrument in the same programme (or organization), for a trend. */
export async function roundsOfSameSeries(db: Database, round: RoundRow): Promise<RoundRow[]> {
  const scope = round.programmeId ? eq(surveyRounds.programmeId, round.programmeId) : and(isNull(surveyRounds.programmeId), eq(surveyRounds.organizationId, round.organizationId));
  const rows = await db
    .select()
    .from(surveyRounds)
    .where(and(scope, eq(surveyRounds.instrumentId, round.instrumentId)))
    .orderBy(asc(surveyRounds.closesAt));
  return rows.filter((row) => roundStatus(row) === 'closed');
}

/** Organization names for the groups of a result, by id. */
export async function organizationNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every organization id a result names, so that names can be looked up once. */
export function organizationIdsIn(aggregates: RoundAggregates): string[] {
  const groups: GroupFigures[] = [...(aggregates.givenBy?.groups ?? []), ...(aggregates.receivedBy?.groups ?? [])];
  return [...new Set(groups.map((group) => group.key))];
}

/**
 * The survey aggregates of a programme's closed rating rounds (organizations rating each other),
 * in the form the authenticity profile's perception dimension takes: groups of at least k only.
 */
export async function programmeSurveyAggregates(db: Database, options: { programmeId: string; instanceMinGroupSize: number; refOf?: (organizationId: string) => string }): Promise<SurveyAggregatesForAnalysis> {
  const rounds = (await db.select().from(surveyRounds).where(eq(surveyRounds.programmeId, options.programmeId))).filter((round) => round.definition.perTarget && roundStatus(round) === 'closed');
  const analysed = await Promise.all(
    rounds.map(async (round) => ({ closedOn: (round.closedAt ?? round.closesAt).toISOString().slice(0, 10), aggregates: await computeRoundAggregates(db, { round, instanceMinGroupSize: options.instanceMinGroupSize }) })),
  );
  return surveyAggregatesForAnalysis(analysed, options.refOf);
}
