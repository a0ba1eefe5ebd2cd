// A programme written as IATI 2.03: its consortium, budgets and, for an imported programme, its
// transactions, mapped onto the export input of buildIatiXml. Access is checked by the caller.
import type { Database } from '../../db/client.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { buildIatiXml, IatiExportError, type IatiExportActivity } from './build-iati-xml.js';
import { rawQuery } from '../../db/raw-query.js';
import type { IatiNarrative, IatiRoleCode } from './types.js';

type ProgrammeRow = { id: string; ref: string; title: string; summary: string | null; status: string; start_date: string | null; end_date: string | null; currency: string; countries: string[]; sectors: string[]; updated_at: Date | string };
type MemberRow = { organization_id: string; name: string; identifier: string | null; type: string | null; role: string; iati_role: number };
type ImportedRow = { iati_identifier: string; reporting_org_ref: string | null; reporting_org_type: string | null; reporting_name: string | null; reporting_type: string | null; last_updated: Date | string | null; activity_status: string | null; default_lang: string | null; title: IatiNarrative[]; description: IatiNarrative[]; dates: Record<string, string | null> };

const activityStatusOfProgramme: Record<string, string> = { identification: '1', formulation: '1', contracting: '1', implementation: '2', closure: '3', closed: '4' };

const dateText = (value: unknown): string | null => (value === null || value === undefined ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
const instant = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/** Builds the IATI export input of one programme; throws a 400 naming what is missing. */
export async function programmeToIatiActivity(db: Database, programmeId: string): Promise<IatiExportActivity> {
  const query = rawQuery(db);
  const [programme] = await query<ProgrammeRow>(
    `select id, ref, title, summary, status, start_date::text, end_date::text, currency, countries, sectors, updated_at from programmes where id = $1`,
    [programmeId],
  );
  if (!programme) throw notFound('Programme');
  const members = await query<MemberRow>(
    `select m.organization_id, o.name, o.identifier, o.type, m.role, m.iati_role from programme_members m join organizations o on o.id = m.organization_id
     where m.programme_id = $1 order by m.iati_role, o.name`,
    [programmeId],
  );
  const [imported] = await query<ImportedRow>(
    `select a.iati_identifier, a.reporting_org_ref, a.reporting_org_type, o.name as reporting_name, o.type as reporting_type, a.last_updated, a.activity_status, a.default_lang, a.title, a.description, a.dates
     from iati_activities a left join organizations o on o.id = a.reporting_organization_id where a.programme_id = $1`,
    [programmeId],
  );
  const lead = members.find((member) => member.role === 'lead');
  const participatingOrgs = members.map((member) => ({ ref: member.identifier, role: String(member.iati_role) as IatiRoleCode, type: member.type, name: member.name }));

  let identifier: string;
  let reportingOrg: IatiExportActivity['reportingOrg'];
  if (imported) {
    identifier = imported.iati_identifier;
    const ref = imported.reporting_org_ref ?? lead?.identifier;
    const type = imported.reporting_org_type ?? imported.reporting_type ?? lead?.type;
    if (!ref) throw invalidField('/reportingOrg/identifier', 'the reporting organisation has no IATI organisation identifier');
    if (!type) throw invalidField('/reportingOrg/type', 'the reporting organisation has no IATI organisation type');
    reportingOrg = { ref, type, name: imported.reporting_name ?? lead?.name ?? ref };
  } else {
    if (!lead) throw invalidField('/members', 'the programme has no lead organization to report it');
    if (!lead.identifier) throw invalidField('/lead/identifier', `the lead organization "${lead.name}" has no IATI organisation identifier`);
    if (!lead.type) throw invalidField('/lead/type', `the lead organization "${lead.name}" has no IATI organisation type`);
    identifier = `${lead.identifier}-${programme.ref}`;
    reportingOrg = { ref: lead.identifier, type: lead.type, name: lead.name };
  }

  const status = imported?.activity_status ?? activityStatusOfProgramme[programme.status] ?? '2';
  const started = status !== '1';
  const ended = status === '3' || status === '4';
  const dates = imported
    ? { plannedStart: imported.dates.plannedStart, actualStart: imported.dates.actualStart, plannedEnd: imported.dates.plannedEnd, actualEnd: imported.dates.actualEnd }
    : {
        [started ? 'actualStart' : 'plannedStart']: dateText(programme.start_date),
        [ended ? 'actualEnd' : 'plannedEnd']: dateText(programme.end_date),
      };

  const activity: IatiExportActivity = {
    iatiIdentifier: identifier,
    lastUpdated: instant(imported?.last_updated ?? programme.updated_at),
    defaultCurrency: programme.currency,
    defaultLang: imported?.default_lang ?? 'en',
    reportingOrg,
    title: imported && imported.title.length > 0 ? imported.title : programme.title,
    description: imported && imported.description.length > 0 ? imported.description : (programme.summary ?? programme.title),
    activityStatus: status,
    dates,
    participatingOrgs,
    recipientCountries: programme.countries.map((code) => ({ code })),
    sectors: programme.sectors.filter((code) => /^\d{5}$/.test(code)).map((code) => ({ code, vocabulary: '1' })),
  };
  if (imported) {
    // An imported activity keeps every participating-org as published, one organization in several roles included.
    const participations = await query<{ ref: string | null; role: string | null; type: string | null; name: IatiNarrative[]; activity_id: string | null; organization_name: string | null }>(
      `select p.ref, p.role, p.type, p.name, p.activity_id, o.name as organization_name from iati_participations p left join organizations o on o.id = p.organization_id
       where p.programme_id = $1 and p.role is not null order by p.position`,
      [programmeId],
    );
    if (participations.length > 0) {
      activity.participatingOrgs = participations.map((p) => ({ ref: p.ref, role: p.role as IatiRoleCode, type: p.type, name: p.name.length > 0 ? p.name : (p.organization_name ?? ''), activityId: p.activity_id }));
    }
    await addImportedDetails(db, programmeId, activity);
  }
  else await addBudgetLines(db, programme, activity);
  return activity;
}

// Imported programmes keep their IATI budgets, transactions, countries and sectors as read.
async function addImportedDetails(db: Database, programmeId: string, activity: IatiExportActivity): Promise<void> {
  const query = rawQuery(db);
  const budgets = await query<{ type: string | null; status: string | null; period_start: string | null; period_end: string | null; value: string | null; currency: string | null }>(
    'select type, status, period_start::text, period_end::text, value::text, currency from iati_budgets where programme_id = $1 order by position', [programmeId]);
  activity.budgets = budgets.filter((b) => b.period_start && b.period_end && b.value !== null).map((b) => ({ type: b.type, status: b.status, periodStart: b.period_start!, periodEnd: b.period_end!, value: Number(b.value), currency: b.currency }));
  const transactions = await query<Record<string, string | null>>(
    `select type, date::text, value::text, currency, value_date::text, provider_ref, provider_name, provider_activity_id, receiver_ref, receiver_name, receiver_activity_id
     from iati_transactions where programme_id = $1 order by position`, [programmeId]);
  activity.transactions = transactions.filter((t) => t.type && t.date && t.value !== null).map((t) => ({
    type: t.type!, date: t.date!, value: Number(t.value), currency: t.currency, valueDate: t.value_date,
    providerOrg: t.provider_ref || t.provider_name || t.provider_activity_id ? { ref: t.provider_ref, name: t.provider_name ?? '', activityId: t.provider_activity_id } : null,
    receiverOrg: t.receiver_ref || t.receiver_name || t.receiver_activity_id ? { ref: t.receiver_ref, name: t.receiver_name ?? '', activityId: t.receiver_activity_id } : null,
  }));
  const countries = await query<{ code: string; percentage: string | null }>('select code, percentage::text from iati_activity_countries where programme_id = $1 order by id', [programmeId]);
  activity.recipientCountries = countries.filter((c) => /^[A-Z]{2}$/.test(c.code)).map((c) => ({ code: c.code, percentage: c.percentage === null ? null : Number(c.percentage) }));
  const sectors = await query<{ code: string; vocabulary: string; percentage: string | null }>('select code, vocabulary, percentage::text from iati_activity_sectors where programme_id = $1 order by id', [programmeId]);
  activity.sectors = sectors.filter((s) => /^[0-9A-Za-z.-]+$/.test(s.code) && /^\d+$/.test(s.vocabulary)).map((s) => ({ code: s.code, vocabulary: s.vocabulary, percentage: s.percentage === null ? null : Number(s.percentage) }));
  const related = await query<{ ref: string; type: string | null }>('select ref, type from iati_related_activities where programme_id = $1 order by id', [programmeId]);
  activity.relatedActivities = related.filter((r) => r.type).map((r) => ({ ref: r.ref, type: r.type! }));
}

// A programme made here: its budget lines, summed, are one budget over the programme's period.
async function addBudgetLines(db: Database, programme: ProgrammeRow, activity: IatiExportActivity): Promise<void> {
  if (!programme.start_date || !programme.end_date) return;
  const [row] = await rawQuery(db)<{ total: string | null }>('select sum(amount)::text as total from budget_lines where programme_id = $1', [programme.id]);
  const total = row?.total ? Number(row.total) : 0;
  if (total > 0) activity.budgets = [{ type: '1', status: '2', periodStart: dateText(programme.start_date)!, periodEnd: dateText(programme.end_date)!, value: total }];
}

/** The IATI 2.03 document of one programme; an export the schema would refuse answers 400 naming the field. */
export async function exportProgrammeIati(db: Database, programmeId: string): Promise<{ identifier: string; xml: string }> {
  const activity = await programmeToIatiActivity(db, programmeId);
  try {
    return { identifier: activity.iatiIdentifier, xml: buildIatiXml([activity]) };
  } catch (error) {
    if (error instanceof IatiExportError) {
      throw new AppError('validation_failed', `The programme cannot be written as IATI: ${error.message}`, {
        details: [{ pointer: `/${error.field.replace(/^activities\[0\]\.?/, '').replace(/\[(\d+)\]/g, '/$1').replace(/\./g, '/')}`, message: error.message }],
      });
    }
    throw error;
  }
}
