// Pure mapping of one read IATI activity to what Consortia stores: the programme's fields and
// the consortium roles. No I/O here, so the rules are tested as functions.
import type { ConsortiumRole, ProgrammeStatus } from '../../db/schema/index.js';
import type { IatiActivity, IatiNarrative, IatiRoleCode } from './types.js';

/**
 * Consortium role for each IATI OrganisationRole. Accountable (2) is the organization answerable
 * for the activity: the lead. Funding (1) is a funder. Extending (3) manages the funds on the
 * funder's behalf and passes them on: in a consortium it is a partner, not the lead, because the
 * accountable organization answers for the action. Implementing (4) is a partner. The exact
 * IATI role is kept beside it (programme_members.iati_role, iati_participations.role).
 */
export const consortiumRoleOfIatiRole: Record<IatiRoleCode, ConsortiumRole> = { '1': 'funder', '2': 'lead', '3': 'partner', '4': 'partner' };

/** When one organization holds several roles in an activity, its membership takes the first of these. */
const rolePriority: IatiRoleCode[] = ['2', '1', '3', '4'];

/** The role an organization's single membership takes from all the roles it holds in the activity. */
export function membershipRole(roles: Iterable<IatiRoleCode>): IatiRoleCode {
  const held = new Set(roles);
  return rolePriority.find((role) => held.has(role)) ?? '4';
}

/** IATI ActivityStatus to the programme lifecycle; the exact code is kept in iati_activities. */
const statusOfActivityStatus: Record<string, ProgrammeStatus> = {
  '1': 'identification', // Pipeline/identification
  '2': 'implementation',
  '3': 'closure', // Finalisation
  '4': 'closed',
  '5': 'closed', // Cancelled
  '6': 'implementation', // Suspended
};

/** The programme status for an IATI activity-status code. */
export function programmeStatusOf(code: string | null): ProgrammeStatus {
  return (code && statusOfActivityStatus[code]) || 'identification';
}

/** The text to show from narratives: the activity's language, else English, else the first. */
export function pickNarrative(narratives: IatiNarrative[], lang: string | null): string | null {
  const usable = narratives.filter((narrative) => narrative.text.trim() !== '');
  const chosen = usable.find((n) => n.lang === lang) ?? usable.find((n) => n.lang === null) ?? usable.find((n) => n.lang === 'en') ?? usable[0];
  return chosen ? chosen.text.trim() : null;
}

/** A calendar date PostgreSQL accepts, or null (publishers write 2011-02-30 and 0001-01-01). */
export function validDate(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const year = Number(value.slice(0, 4));
  const parsed = new Date(`${value}T00:00:00Z`);
  if (year < 1900 || year > 2200 || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) return null;
  return value;
}

/** A finite number or null. */
export function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/** The last-updated datetime as an ISO instant, or null when missing or unreadable. */
export function lastUpdatedOf(activity: IatiActivity): string | null {
  if (!activity.lastUpdated) return null;
  const time = Date.parse(activity.lastUpdated);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** True when an incoming version of an activity should replace the stored one. */
export function isNewer(incoming: string | null, stored: string | null): boolean {
  if (incoming === null) return false;
  if (stored === null) return true;
  return Date.parse(incoming) > Date.parse(stored);
}

const currencyCode = /^[A-Z]{3}$/;

/** The programme's currency: the default currency, else the first value's currency, else USD. */
export function programmeCurrencyOf(activity: IatiActivity): string {
  const candidates = [activity.defaultCurrency, ...activity.budgets.map((b) => b.currency), ...activity.transactions.map((t) => t.currency)];
  return candidates.map((c) => c?.trim().toUpperCase()).find((c): c is string => Boolean(c && currencyCode.test(c))) ?? 'USD';
}

/** The programme row's fields from an activity (title, status, dates, currency, places, sectors). */
export function programmeFieldsOf(activity: IatiActivity) {
  const lang = activity.defaultLang;
  const dates = activity.dates;
  const funders = activity.participatingOrgs.filter((org) => org.role === '1').map((org) => pickNarrative(org.name, lang) ?? org.ref).filter((name): name is string => Boolean(name));
  return {
    title: pickNarrative(activity.title, lang) ?? activity.iatiIdentifier,
    summary: pickNarrative(activity.description, lang),
    status: programmeStatusOf(activity.activityStatus),
    startDate: validDate(dates.actualStart) ?? validDate(dates.plannedStart),
    endDate: validDate(dates.actualEnd) ?? validDate(dates.plannedEnd),
    currency: programmeCurrencyOf(activity),
    countries: [...new Set(activity.recipientCountries.map((c) => c.code.trim().toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)))],
    sectors: [...new Set(activity.sectors.map((s) => s.code.trim()).filter((c) => c !== ''))],
    donors: [...new Set(funders)],
  };
}
