// Turns a read activity into the rows the import writes, before the database is asked anything:
// every value checked, every text chosen, every narrative list serialized, every organisation
// reference reduced to its matching key. The import prepares the next batch this way while the
// database writes the previous one; what is left for write time (programme id, organization ids)
// is a few look-ups per row.
import { arrayLiteral } from './raw-sql.js';
import { finiteOrNull, lastUpdatedOf, pickNarrative, programmeFieldsOf } from './map-activity.js';
import { organizationKeyOf, type OrganizationKey } from './resolve-organizations.js';
import type { IatiActivity, IatiTransactionParty } from './types.js';

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The same answer as validDate (map-activity.ts), without a Date or a regular expression per call. */
export function storableDate(value: string | null | undefined): string | null {
  if (!value || value.length !== 10) return null;
  for (let index = 0; index < 10; index++) {
    const code = value.charCodeAt(index);
    if (index === 4 || index === 7 ? code !== 45 : code < 48 || code > 57) return null;
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : daysInMonth[month - 1]!) ? value : null;
}

/**
 * A participation before its organization is known: the key, then the row, whose first two
 * columns (programme id, organization id) are filled at write time.
 */
export type PreparedParticipation = { key: OrganizationKey | null; role: string | null; row: unknown[] };
/** A transaction before its parties are known: the row's first three columns (programme, provider, receiver ids) are filled at write time. */
export type PreparedTransaction = { provider: OrganizationKey | null; receiver: OrganizationKey | null; row: unknown[] };

export type PreparedActivity = {
  identifier: string;
  lastUpdated: string | null;
  /** The programmes row (columns as in writeActivityBatch); id, ref and created_by are filled at write time. */
  programme: unknown[];
  reporting: OrganizationKey | null;
  /** The iati_activities row; programme id, reporting organization id and import id are filled at write time. */
  details: unknown[];
  participations: PreparedParticipation[];
  transactions: PreparedTransaction[];
  /** Rows whose first column, the programme id, is filled at write time. */
  budgets: unknown[][];
  related: unknown[][];
  countries: unknown[][];
  sectors: unknown[][];
};

function partyKey(party: IatiTransactionParty | null, lang: string | null): OrganizationKey | null {
  return party ? organizationKeyOf({ ref: party.ref, type: null, name: party.name }, lang) : null;
}

/** Prepares one activity's rows (pure: no database, no shared state but a bounded name cache). */
export function prepareActivity(activity: IatiActivity): PreparedActivity {
  const lang = activity.defaultLang;
  const fields = programmeFieldsOf(activity);
  const reporting = activity.reportingOrg;
  const lastUpdated = lastUpdatedOf(activity);
  return {
    identifier: activity.iatiIdentifier,
    lastUpdated,
    programme: [null, null, fields.title, fields.summary, fields.status, fields.startDate, fields.endDate, fields.currency, arrayLiteral(fields.countries), arrayLiteral(fields.sectors), arrayLiteral(fields.donors), null],
    reporting: reporting ? organizationKeyOf(reporting, lang) : null,
    details: [
      null, activity.iatiIdentifier, reporting?.ref ?? null, reporting?.type ?? null, lastUpdated, activity.version, activity.activityStatus, activity.defaultCurrency, lang,
      activity.hierarchy, JSON.stringify(activity.title), JSON.stringify(activity.description), JSON.stringify(activity.dates), null, null,
    ],
    participations: activity.participatingOrgs.map((org, position) => ({
      key: organizationKeyOf(org, lang),
      role: org.role,
      row: [null, null, position, org.ref, org.role, org.type, JSON.stringify(org.name), org.activityId],
    })),
    transactions: activity.transactions.map((t, position) => ({
      provider: partyKey(t.providerOrg, lang),
      receiver: partyKey(t.receiverOrg, lang),
      row: [
        null, null, null, position, t.type, storableDate(t.date), finiteOrNull(t.value), t.currency, storableDate(t.valueDate),
        t.providerOrg?.ref ?? null, t.providerOrg ? pickNarrative(t.providerOrg.name, lang) : null, t.providerOrg?.activityId ?? null,
        t.receiverOrg?.ref ?? null, t.receiverOrg ? pickNarrative(t.receiverOrg.name, lang) : null, t.receiverOrg?.activityId ?? null,
      ],
    })),
    budgets: activity.budgets.map((b, position) => [null, position, b.type, b.status, storableDate(b.periodStart), storableDate(b.periodEnd), finiteOrNull(b.value), b.currency]),
    related: activity.relatedActivities.map((r) => [null, r.ref, r.type]),
    countries: activity.recipientCountries.map((c) => [null, c.code, finiteOrNull(c.percentage)]),
    sectors: activity.sectors.map((s) => [null, s.code, s.vocabulary, finiteOrNull(s.percentage)]),
  };
}
