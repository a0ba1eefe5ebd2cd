import type { ProgrammeBundle } from '../bundle/schema.js';
import { isIsoDate } from '../bundle/schema.js';
import { bundleAt, buildContext, dayOf, type SurveyRating } from './context.js';
import { scoreAgreement } from './dimension-agreement.js';
import { scoreCommunication } from './dimension-communication.js';
import { scoreLearning } from './dimension-learning.js';
import { scorePerception } from './dimension-perception.js';
import { scorePower } from './dimension-power.js';
import { scoreResources } from './dimension-resources.js';
import { scoreResponsibility } from './dimension-responsibility.js';
import { scoreSubsidiarity } from './dimension-subsidiarity.js';
import { resolveThresholds, type ThresholdOverride } from './thresholds.js';
import type { AuthenticityProfile, DimensionKey, Verdict } from './types.js';
import { confidenceOf, decideVerdict, detectSubcontracting, insufficientDataFlag, overallScore, sortFlags } from './verdict.js';

export type AuthenticityOptions = {
  /** Only records dated on or before this day (YYYY-MM-DD) count. */
  at?: string;
  /** An administrator's partial override of the default thresholds and weights. */
  thresholds?: ThresholdOverride;
  /** Aggregates of anonymous survey rounds (never individual answers): they feed `perception` beside open ratings. */
  surveyRatings?: readonly SurveyRating[];
};

/** The profile with the overall score behind the verdict, for trends and dashboards. */
export type DetailedProfile = { profile: AuthenticityProfile; overall: number | null };

/** Computes the profile and keeps the overall weighted score the verdict rests on. */
export function computeAuthenticityDetailed(bundle: ProgrammeBundle, options: AuthenticityOptions = {}): DetailedProfile {
  if (options.at !== undefined && !isIsoDate(options.at)) throw new RangeError(`'at' must be an ISO date, got '${options.at}'`);
  const thresholds = resolveThresholds(options.thresholds);
  const surveyRatings = (options.surveyRatings ?? []).filter((rating) => options.at === undefined || rating.date === undefined || dayOf(rating.date) <= options.at);
  const context = buildContext(bundleAt(bundle, options.at), thresholds, surveyRatings);
  const results = [
    scoreResources(context),
    scoreResponsibility(context),
    scorePower(context),
    scoreSubsidiarity(context),
    scoreCommunication(context),
    scoreLearning(context),
    scorePerception(context),
    scoreAgreement(context),
  ];
  const flags = results.flatMap((result) => result.flags);
  const subcontracting = detectSubcontracting(context, results);
  if (subcontracting !== null) flags.push(subcontracting);
  const overall = overallScore(context, results);
  const confidence = confidenceOf(context, results);
  if (confidence < thresholds.verdict.verdictMinConfidence) flags.push(insufficientDataFlag(results, confidence));
  const verdict = decideVerdict(context, results, overall, confidence, flags);
  return {
    profile: { verdict, confidence, dimensions: results.map((result) => result.dimension), flags: sortFlags(flags) },
    overall,
  };
}

/** Computes a programme's partnership authenticity profile from its bundle (pure, no I/O). */
export function computeAuthenticity(bundle: ProgrammeBundle, options: AuthenticityOptions = {}): AuthenticityProfile {
  return computeAuthenticityDetailed(bundle, options).profile;
}

export type TrendPoint = {
  quarter: number;
  start: string;
  end: string;
  verdict: Verdict;
  confidence: number;
  overall: number | null;
  scores: Record<DimensionKey, number | null>;
  flags: string[];
};

/** Adds whole months to a YYYY-MM-DD day, keeping the day of month where the month allows it. */
function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, lastDay));
  return first.toISOString().slice(0, 10);
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The profile at the end of each quarter of the programme, from its start to the quarter
 * holding its last dated record (or its end, whichever comes first).
 */
export function computeAuthenticityTrend(bundle: ProgrammeBundle, options: Omit<AuthenticityOptions, 'at'> = {}): TrendPoint[] {
  const start = dayOf(bundle.programme.start);
  const end = dayOf(bundle.programme.end);
  let last = start;
  for (const list of [bundle.meetings, bundle.decisions, bundle.interactions, bundle.learning, bundle.ratings]) {
    for (const record of list) if (record.date !== undefined && dayOf(record.date) > last) last = dayOf(record.date);
  }
  const horizon = last < end ? last : end;
  const points: TrendPoint[] = [];
  for (let quarter = 1, from = start; from <= horizon; quarter += 1) {
    const next = addMonths(start, quarter * 3);
    const to = dayBefore(next) < end ? dayBefore(next) : end;
    const { profile, overall } = computeAuthenticityDetailed(bundle, { ...options, at: to });
    points.push({
      quarter,
      start: from,
      end: to,
      verdict: profile.verdict,
      confidence: profile.confidence,
      overall,
      scores: Object.fromEntries(profile.dimensions.map((dimension) => [dimension.key, dimension.score])) as Record<DimensionKey, number | null>,
      flags: profile.flags.map((entry) => entry.key),
    });
    from = next;
  }
  return points;
}
