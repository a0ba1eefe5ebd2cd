// Writes programmes as an IATI 2.03 `iati-activities` document. The element order below is the
// order of the 2.03 schema's xsd:sequence for iati-activity; changing it breaks validation.
import type { IatiNarrative, IatiRoleCode } from './types.js';

/** Text in the activity's default language, or narratives in several languages. */
export type IatiExportText = string | IatiNarrative[];

export type IatiExportParty = { ref?: string | null; type?: string | null; name?: IatiExportText; activityId?: string | null };

export type IatiExportActivity = {
  iatiIdentifier: string;
  /** When the activity last changed (ISO date-time); omitted when unknown. */
  lastUpdated?: string | null;
  defaultCurrency: string;
  /** ISO 639-1; 'en' when not given. */
  defaultLang?: string;
  reportingOrg: { ref: string; type: string; name: IatiExportText };
  title: IatiExportText;
  description: IatiExportText;
  /** ActivityStatus code ('1' pipeline .. '6' suspended). */
  activityStatus: string;
  dates: { plannedStart?: string | null; actualStart?: string | null; plannedEnd?: string | null; actualEnd?: string | null };
  participatingOrgs: { ref?: string | null; role: IatiRoleCode; type?: string | null; name: IatiExportText; activityId?: string | null }[];
  recipientCountries?: { code: string; percentage?: number | null }[];
  sectors?: { code: string; vocabulary?: string | null; percentage?: number | null }[];
  budgets?: {
    type?: string | null;
    status?: string | null;
    periodStart: string;
    periodEnd: string;
    value: number;
    currency?: string | null;
    valueDate?: string | null;
  }[];
  transactions?: {
    type: string;
    date: string;
    value: number;
    currency?: string | null;
    valueDate?: string | null;
    description?: IatiExportText | null;
    providerOrg?: IatiExportParty | null;
    receiverOrg?: IatiExportParty | null;
  }[];
  relatedActivities?: { ref: string; type: string }[];
};

/** A programme that cannot be written as valid IATI, with the field at fault. */
export class IatiExportError extends Error {
  override readonly name = 'IatiExportError';
  readonly field: string;
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.field = field;
  }
}

// XML 1.0 forbids most control characters even when escaped; publishers' text sometimes has them.
const forbiddenCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeText(value: string): string {
  return value.replace(forbiddenCharacters, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Tabs and line breaks in attributes are written as references so that parsers keep them.
function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function attributes(values: Record<string, string | number | null | undefined>): string {
  let result = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') continue;
    result += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return result;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(field: string, value: string): string {
  if (!isoDate.test(value) || Number.isNaN(Date.parse(value))) throw new IatiExportError(field, `"${value}" is not a date (YYYY-MM-DD)`);
  return value;
}

// xsd:decimal has no exponent: 1e21 must be written out in full.
function decimal(field: string, value: number): string {
  if (!Number.isFinite(value)) throw new IatiExportError(field, 'is not a finite number');
  const text = String(value);
  return /e/i.test(text) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

function narratives(field: string, text: IatiExportText | null | undefined, defaultLang: string, required: boolean): string {
  const list: IatiNarrative[] = typeof text === 'string' ? [{ lang: null, text }] : (text ?? []);
  const kept = list.filter((narrative) => narrative.text.trim() !== '');
  if (required && kept.length === 0) throw new IatiExportError(field, 'needs a text in at least one language');
  return kept
    .map((narrative) => {
      const lang = narrative.lang && narrative.lang.toLowerCase() !== defaultLang ? attributes({ 'xml:lang': narrative.lang.toLowerCase() }) : '';
      return `<narrative${lang}>${escapeText(narrative.text)}</narrative>`;
    })
    .join('');
}

function element(name: string, attrs: string, children: string): string {
  return children === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}

function activityDates(activity: IatiExportActivity, at: string): string[] {
  const types: [keyof IatiExportActivity['dates'], string][] = [['plannedStart', '1'], ['actualStart', '2'], ['plannedEnd', '3'], ['actualEnd', '4']];
  const lines = types.flatMap(([key, type]) => {
    const value = activity.dates[key];
    return value ? [`<activity-date${attributes({ type, 'iso-date': checkDate(`${at}.dates.${key}`, value) })}/>`] : [];
  });
  if (lines.length === 0) throw new IatiExportError(`${at}.dates`, 'needs at least one date');
  return lines;
}

function party(name: 'provider-org' | 'receiver-org', field: string, value: IatiExportParty | null | undefined, lang: string): string {
  if (!value) return '';
  const idName = name === 'provider-org' ? 'provider-activity-id' : 'receiver-activity-id';
  return element(name, attributes({ ref: value.ref, type: value.type, [idName]: value.activityId }), narratives(field, value.name, lang, false));
}

function activityXml(activity: IatiExportActivity, at: string): string {
  const lang = (activity.defaultLang ?? 'en').toLowerCase();
  const currency = activity.defaultCurrency;
  if (!activity.iatiIdentifier.trim()) throw new IatiExportError(`${at}.iatiIdentifier`, 'is empty');
  if (activity.participatingOrgs.length === 0) throw new IatiExportError(`${at}.participatingOrgs`, 'needs at least one organisation');
  const reporting = activity.reportingOrg;
  const lines = [
    `<iati-identifier>${escapeText(activity.iatiIdentifier.trim())}</iati-identifier>`,
    element('reporting-org', attributes({ ref: reporting.ref, type: reporting.type }), narratives(`${at}.reportingOrg.name`, reporting.name, lang, true)),
    `<title>${narratives(`${at}.title`, activity.title, lang, true)}</title>`,
    `<description${attributes({ type: '1' })}>${narratives(`${at}.description`, activity.description, lang, true)}</description>`,
    ...activity.participatingOrgs.map((organisation, index) =>
      element(
        'participating-org',
        attributes({ ref: organisation.ref, role: organisation.role, type: organisation.type, 'activity-id': organisation.activityId }),
        narratives(`${at}.participatingOrgs[${index}].name`, organisation.name, lang, false),
      ),
    ),
    `<activity-status${attributes({ code: activity.activityStatus })}/>`,
    ...activityDates(activity, at),
    ...(activity.recipientCountries ?? []).map((country, index) =>
      `<recipient-country${attributes({ code: country.code, percentage: country.percentage == null ? null : decimal(`${at}.recipientCountries[${index}].percentage`, country.percentage) })}/>`,
    ),
    ...(activity.sectors ?? []).map((sector, index) =>
      `<sector${attributes({ vocabulary: sector.vocabulary ?? '1', code: sector.code, percentage: sector.percentage == null ? null : decimal(`${at}.sectors[${index}].percentage`, sector.percentage) })}/>`,
    ),
    ...(activity.budgets ?? []).map((budget, index) => {
      const field = `${at}.budgets[${index}]`;
      const start = checkDate(`${field}.periodStart`, budget.periodStart);
      return (
        `<budget${attributes({ type: budget.type ?? '1', status: budget.status })}>` +
        `<period-start iso-date="${start}"/><period-end iso-date="${checkDate(`${field}.periodEnd`, budget.periodEnd)}"/>` +
        `<value${attributes({ currency: budget.currency && budget.currency !== currency ? budget.currency : null, 'value-date': checkDate(`${field}.valueDate`, budget.valueDate ?? start) })}>${decimal(`${field}.value`, budget.value)}</value>` +
        '</budget>'
      );
    }),
    ...(activity.transactions ?? []).map((transaction, index) => {
      const field = `${at}.transactions[${index}]`;
      const date = checkDate(`${field}.date`, transaction.date);
      const description = transaction.description ? narratives(`${field}.description`, transaction.description, lang, false) : '';
      return (
        '<transaction>' +
        `<transaction-type${attributes({ code: transaction.type })}/>` +
        `<transaction-date iso-date="${date}"/>` +
        `<value${attributes({ currency: transaction.currency && transaction.currency !== currency ? transaction.currency : null, 'value-date': checkDate(`${field}.valueDate`, transaction.valueDate ?? date) })}>${decimal(`${field}.value`, transaction.value)}</value>` +
        (description ? `<description>${description}</description>` : '') +
        party('provider-org', `${field}.providerOrg.name`, transaction.providerOrg, lang) +
        party('receiver-org', `${field}.receiverOrg.name`, transaction.receiverOrg, lang) +
        '</transaction>'
      );
    }),
    ...(activity.relatedActivities ?? []).map((related) => `<related-activity${attributes({ ref: related.ref, type: related.type })}/>`),
  ];
  const head = attributes({ 'last-updated-datetime': activity.lastUpdated, 'xml:lang': lang, 'default-currency': currency });
  return `  <iati-activity${head}>\n${lines.map((line) => `    ${line}\n`).join('')}  </iati-activity>\n`;
}

/** Writes activities as an IATI 2.03 document that validates against the official schema;
 * throws IatiExportError naming the field when a programme lacks what the schema requires. */
export function buildIatiXml(activities: IatiExportActivity[], options: { generatedAt?: Date } = {}): string {
  const generatedAt = (options.generatedAt ?? new Date()).toISOString();
  const body = activities.map((activity, index) => activityXml(activity, `activities[${index}]`)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${generatedAt}">\n${body}</iati-activities>\n`;
}
