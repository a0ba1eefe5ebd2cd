import type { Database } from '../../db/client.js';
import { programmes } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { computeAuthenticity, computeAuthenticityTrend } from '../analytics/compute-authenticity.js';
import { computePortfolio } from '../analytics/compute-portfolio.js';
import type { AuthenticityProfile } from '../analytics/types.js';
import { exportBundleWithRefs } from '../bundle/export-bundle.js';
import type { ProgrammeBundle } from '../bundle/schema.js';
import type { SurveyRating } from '../analytics/context.js';
import { programmeSurveyAggregates } from '../surveys/results.js';
import { visibleProgrammes } from '../programmes/access.js';
import { loadThresholds } from './thresholds-setting.js';
import { buildEvidence } from './build-evidence.js';
import type { ProfileCache } from './profile-cache.js';
import { profileSchema } from './schemas.js';

export type AnalysisInput = { bundle: ProgrammeBundle; surveyRatings: SurveyRating[] };

/**
 * The programme's data in bundle shape, whole, and the aggregates of its closed survey rounds
 * (groups of at least k only): the profile is computed from everything the programme records,
 * whoever asks, so that partners see the same evidence as the lead.
 */
async function loadAnalysisInput(db: Database, programmeId: string, minGroupSize: number): Promise<AnalysisInput & { organizationIds: string[] }> {
  const { bundle, refOf } = await exportBundleWithRefs(db, { programmeId });
  const surveys = await programmeSurveyAggregates(db, { programmeId, instanceMinGroupSize: minGroupSize, refOf: (id) => refOf.get(id) ?? id });
  const respondentsByRound = new Map(surveys.respondents.map((entry) => [entry.round, entry.respondents]));
  const surveyRatings = surveys.ratings.map((rating) => ({
    ...(rating.date ? { date: rating.date } : {}),
    rater: rating.rater,
    ratee: rating.ratee,
    trust: rating.trust,
    value: rating.value,
    respondents: rating.date ? (respondentsByRound.get(rating.date) ?? 0) : 0,
  }));
  return { bundle, surveyRatings, organizationIds: [...refOf.keys()] };
}

/** The authenticity profile of one programme, optionally as it stood at a date. */
export async function getProgrammeAuthenticity(db: Database, options: { programmeId: string; minGroupSize: number; at?: string }): Promise<AuthenticityProfile> {
  const [input, thresholds] = await Promise.all([loadAnalysisInput(db, options.programmeId, options.minGroupSize), loadThresholds(db)]);
  return computeAuthenticity(input.bundle, { thresholds, surveyRatings: input.surveyRatings, ...(options.at ? { at: options.at } : {}) });
}

/**
 * The profile of one programme as the API sends it (JSON checked against the response schema),
 * from the in-process cache when nothing it depends on has changed (see profile-cache.ts).
 * The caller has checked the reader's access: the profile is the same for every reader.
 */
export async function getProgrammeAuthenticityJson(db: Database, cache: ProfileCache, options: { programmeId: string; minGroupSize: number; at?: string }): Promise<string> {
  const cached = await cache.get(db, options, async () => {
    const [input, thresholds] = await Promise.all([loadAnalysisInput(db, options.programmeId, options.minGroupSize), loadThresholds(db)]);
    const profile = computeAuthenticity(input.bundle, { thresholds, surveyRatings: input.surveyRatings, ...(options.at ? { at: options.at } : {}) });
    return { json: JSON.stringify(profileSchema.parse(profile)), organizationIds: input.organizationIds };
  });
  return cached.json;
}

/** The profile at the end of each quarter of the programme. */
export async function getProgrammeAuthenticityTrend(db: Database, options: { programmeId: string; minGroupSize: number }) {
  const [input, thresholds] = await Promise.all([loadAnalysisInput(db, options.programmeId, options.minGroupSize), loadThresholds(db)]);
  return { points: computeAuthenticityTrend(input.bundle, { thresholds, surveyRatings: input.surveyRatings }) };
}

/** The records behind the dashboard's charts. */
export async function getProgrammeAuthenticityEvidence(db: Database, options: { programmeId: string; amountsVisible: boolean }) {
  const { bundle } = await exportBundleWithRefs(db, { programmeId: options.programmeId });
  return buildEvidence(bundle, { amountsVisible: options.amountsVisible });
}

/** Profiles of every programme the actor can see, side by side, with the portfolio summary. */
export async function getAuthenticityPortfolio(db: Database, options: { actor: Actor; minGroupSize: number; limit?: number }) {
  const rows = await db
    .select({ id: programmes.id, ref: programmes.ref, title: programmes.title })
    .from(programmes)
    .where(visibleProgrammes(options.actor))
    .orderBy(programmes.title)
    .limit(options.limit ?? 200);
  const thresholds = await loadThresholds(db);
  const entries: Array<{ id: string; ref: string; title: string; profile: AuthenticityProfile }> = [];
  for (const row of rows) {
    const input = await loadAnalysisInput(db, row.id, options.minGroupSize);
    entries.push({ ...row, profile: computeAuthenticity(input.bundle, { thresholds, surveyRatings: input.surveyRatings }) });
  }
  const summary = computePortfolio(entries.map((entry) => ({ programme: entry.ref, title: entry.title, profile: entry.profile })));
  return {
    programmes: entries.map((entry) => ({ id: entry.id, ref: entry.ref, title: entry.title, verdict: entry.profile.verdict, confidence: entry.profile.confidence })),
    summary: {
      programmes: summary.programmes,
      verdicts: summary.verdicts,
      meanConfidence: summary.meanConfidence,
      dimensions: summary.dimensions,
      weakestDimension: summary.weakestDimension,
      flags: summary.flags,
    },
  };
}
