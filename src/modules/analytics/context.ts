import type { BundleOrganization, ProgrammeBundle } from '../bundle/schema.js';
import type { Thresholds } from './thresholds.js';

/**
 * What every dimension reads: the bundle as it stood at the date asked for, and who is who in
 * the consortium.
 */
export type AnalysisContext = {
  bundle: ProgrammeBundle;
  thresholds: Thresholds;
  /** Organizations that take part in the partnership: leads, partners, affiliated entities, associates. */
  actors: string[];
  actorSet: Set<string>;
  leads: Set<string>;
  /** Actors that are not leads. */
  partners: Set<string>;
  /** Actors that count as local or national actors (see isLocalActor). */
  localActors: Set<string>;
  /** Aggregated trust and value from anonymous survey rounds (groups of at least k only), kept apart from open ratings. */
  surveyRatings: SurveyRating[];
};

/** The mean trust and value one organization's group of respondents gave another in a closed survey round. */
export type SurveyRating = { date?: string; rater: string; ratee: string; trust: number; value: number; respondents: number };

const PARTNERSHIP_ROLES = new Set(['lead', 'partner', 'affiliated-entity', 'associate']);

// IATI OrganisationType codes: 10 Government, 11 Local Government, 15 Other Public Sector,
// 22 National NGO, 23 Regional NGO, 24 Partner Country based NGO.
const PUBLIC_SECTOR_TYPES = new Set(['10', '11', '15']);
const COUNTRY_BOUND_NGO_TYPES = new Set(['22', '23']);

/**
 * Whether an organization is a local or national actor of the programme. An explicit scope
 * wins ('local' and 'national' yes, 'regional' and 'international' no). Otherwise the IATI type
 * decides: a partner-country based NGO (24) always is; a national (22) or regional (23) NGO, or
 * a government or public body (10, 11, 15), is when its country is one of the programme's.
 */
export function isLocalActor(organization: BundleOrganization, programmeCountries: readonly string[]): boolean {
  if (organization.scope !== undefined) return organization.scope === 'local' || organization.scope === 'national';
  if (organization.type === undefined) return false;
  const type = String(organization.type);
  if (type === '24') return true;
  const inProgrammeCountry = organization.country !== undefined && programmeCountries.includes(organization.country);
  return inProgrammeCountry && (COUNTRY_BOUND_NGO_TYPES.has(type) || PUBLIC_SECTOR_TYPES.has(type));
}

/** The calendar day of an ISO date or date-time, which is what `at` compares against. */
export function dayOf(date: string): string {
  return date.slice(0, 10);
}

/** Keeps only the records dated on or before `at` (undated ratings always count). */
export function bundleAt(bundle: ProgrammeBundle, at: string | undefined): ProgrammeBundle {
  if (at === undefined) return bundle;
  const day = dayOf(at);
  const onOrBefore = (record: { date?: string | undefined }): boolean =>
    record.date === undefined || dayOf(record.date) <= day;
  return {
    ...bundle,
    meetings: bundle.meetings.filter(onOrBefore),
    decisions: bundle.decisions.filter(onOrBefore),
    interactions: bundle.interactions.filter(onOrBefore),
    learning: bundle.learning.filter(onOrBefore),
    ratings: bundle.ratings.filter(onOrBefore),
  };
}

/** Builds the analysis context; without members, every organization is treated as a partner. */
export function buildContext(bundle: ProgrammeBundle, thresholds: Thresholds, surveyRatings: readonly SurveyRating[] = []): AnalysisContext {
  const actors =
    bundle.members.length > 0
      ? bundle.members.filter((member) => PARTNERSHIP_ROLES.has(member.role)).map((member) => member.org)
      : bundle.organizations.map((organization) => organization.ref);
  const actorSet = new Set(actors);
  const leads = new Set(bundle.members.filter((member) => member.role === 'lead').map((member) => member.org));
  const partners = new Set(actors.filter((actor) => !leads.has(actor)));
  const localActors = new Set(
    bundle.organizations
      .filter((organization) => actorSet.has(organization.ref) && isLocalActor(organization, bundle.programme.countries))
      .map((organization) => organization.ref),
  );
  return { bundle, thresholds, actors, actorSet, leads, partners, localActors, surveyRatings: [...surveyRatings] };
}
