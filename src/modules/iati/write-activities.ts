// Writes one batch of read activities: new ones are inserted, a newer version replaces the stored
// one (same programme id), and an activity already stored at the same or a later version is left
// alone, which makes importing the same file twice change nothing.
import { randomUUID } from 'node:crypto';
import { consortiumRoleOfIatiRole, finiteOrNull, isNewer, lastUpdatedOf, membershipRole, pickNarrative, programmeFieldsOf, validDate } from './map-activity.js';
import type { OrganizationResolver } from './resolve-organizations.js';
import { insertMany, insertUnnest, type RawQuery } from './raw-sql.js';
import type { IatiActivity, IatiRoleCode, IatiTransactionParty } from './types.js';

export type ActivityBatch = {
  activities: IatiActivity[];
  organizations: OrganizationResolver;
  importId: string;
  createdBy: string | null;
};

type Planned = { activity: IatiActivity; programmeId: string; lastUpdated: string | null };

function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

// Within one batch the first version of an identifier is kept unless a later one is newer.
function latestByIdentifier(activities: IatiActivity[]): Map<string, { activity: IatiActivity; lastUpdated: string | null }> {
  const kept = new Map<string, { activity: IatiActivity; lastUpdated: string | null }>();
  for (const activity of activities) {
    const lastUpdated = lastUpdatedOf(activity);
    const current = kept.get(activity.iatiIdentifier);
    if (!current || isNewer(lastUpdated, current.lastUpdated)) kept.set(activity.iatiIdentifier, { activity, lastUpdated });
  }
  return kept;
}

// An activity left as stored still names its organizations: they count as matched in the summary.
function observeOrganizations(resolver: OrganizationResolver, activity: IatiActivity): void {
  const lang = activity.defaultLang;
  if (activity.reportingOrg) resolver.observe(activity.reportingOrg, lang);
  for (const org of activity.participatingOrgs) resolver.observe(org, lang);
  for (const t of activity.transactions) {
    if (t.providerOrg) resolver.observe({ ref: t.providerOrg.ref, type: null, name: t.providerOrg.name }, lang);
    if (t.receiverOrg) resolver.observe({ ref: t.receiverOrg.ref, type: null, name: t.receiverOrg.name }, lang);
  }
}

/** Decides which activities to write and with which programme id; deletes the versions they replace. */
async function planBatch(query: RawQuery, activities: IatiActivity[], resolver: OrganizationResolver): Promise<Planned[]> {
  const latest = latestByIdentifier(activities);
  const stored = await query<{ iati_identifier: string; programme_id: string; last_updated: unknown }>(
    'select iati_identifier, programme_id, last_updated from iati_activities where iati_identifier = any($1::text[])',
    [[...latest.keys()]],
  );
  const storedBy = new Map(stored.map((row) => [row.iati_identifier, { programmeId: row.programme_id, lastUpdated: toIso(row.last_updated) }]));
  const planned: Planned[] = [];
  const replaced: string[] = [];
  for (const [identifier, { activity, lastUpdated }] of latest) {
    const previous = storedBy.get(identifier);
    if (!previous) planned.push({ activity, programmeId: randomUUID(), lastUpdated });
    else if (isNewer(lastUpdated, previous.lastUpdated)) {
      replaced.push(previous.programmeId);
      planned.push({ activity, programmeId: previous.programmeId, lastUpdated });
    } else observeOrganizations(resolver, activity);
  }
  // The programme and everything hanging from it go; the new version is written under the same id.
  if (replaced.length > 0) await query('delete from programmes where id = any($1::uuid[])', [replaced]);
  return planned;
}

// Programme references are unique; an IATI identifier already used by a programme made here gets a suffix.
async function programmeRefs(query: RawQuery, planned: Planned[]): Promise<Map<string, string>> {
  const identifiers = planned.map((item) => item.activity.iatiIdentifier);
  const taken = await query<{ ref: string }>('select ref from programmes where ref = any($1::text[])', [identifiers]);
  const takenSet = new Set(taken.map((row) => row.ref));
  return new Map(identifiers.map((identifier) => [identifier, takenSet.has(identifier) ? `${identifier} (IATI)` : identifier]));
}

function partyName(party: IatiTransactionParty | null, lang: string | null): string | null {
  return party ? pickNarrative(party.name, lang) : null;
}

/** Writes a batch of activities with their consortium and IATI details. */
export async function writeActivityBatch(query: RawQuery, batch: ActivityBatch): Promise<void> {
  if (batch.activities.length === 0) return;
  const planned = await planBatch(query, batch.activities, batch.organizations);
  if (planned.length === 0) return;
  const refs = await programmeRefs(query, planned);
  const resolver = batch.organizations;
  const programmes: unknown[][] = [];
  const activities: unknown[][] = [];
  const members: unknown[][] = [];
  const participations: unknown[][] = [];
  const transactions: unknown[][] = [];
  const budgets: unknown[][] = [];
  const related: unknown[][] = [];
  const countries: unknown[][] = [];
  const sectors: unknown[][] = [];

  for (const { activity, programmeId, lastUpdated } of planned) {
    const lang = activity.defaultLang;
    const fields = programmeFieldsOf(activity);
    programmes.push([programmeId, refs.get(activity.iatiIdentifier), fields.title, fields.summary, fields.status, fields.startDate, fields.endDate, fields.currency, fields.countries, fields.sectors, fields.donors, batch.createdBy]);
    const reporting = activity.reportingOrg;
    const reportingId = reporting ? resolver.resolve(reporting, lang) : null;
    activities.push([
      programmeId, activity.iatiIdentifier, reporting?.ref ?? null, reporting?.type ?? null, reportingId, lastUpdated, activity.version,
      activity.activityStatus, activity.defaultCurrency, lang, activity.hierarchy, JSON.stringify(activity.title), JSON.stringify(activity.description),
      JSON.stringify(activity.dates), batch.importId,
    ]);
    const rolesByOrganization = new Map<string, IatiRoleCode[]>();
    activity.participatingOrgs.forEach((org, position) => {
      const organizationId = resolver.resolve(org, lang);
      participations.push([programmeId, position, organizationId, org.ref, org.role, org.type, JSON.stringify(org.name), org.activityId]);
      if (organizationId && org.role) rolesByOrganization.set(organizationId, [...(rolesByOrganization.get(organizationId) ?? []), org.role]);
    });
    for (const [organizationId, roles] of rolesByOrganization) {
      const role = membershipRole(roles);
      members.push([programmeId, organizationId, consortiumRoleOfIatiRole[role], Number(role)]);
    }
    activity.transactions.forEach((t, position) => {
      const provider = t.providerOrg;
      const receiver = t.receiverOrg;
      transactions.push([
        programmeId, position, t.type, validDate(t.date), finiteOrNull(t.value), t.currency, validDate(t.valueDate),
        provider ? resolver.resolve({ ref: provider.ref, type: null, name: provider.name }, lang) : null, provider?.ref ?? null, partyName(provider, lang), provider?.activityId ?? null,
        receiver ? resolver.resolve({ ref: receiver.ref, type: null, name: receiver.name }, lang) : null, receiver?.ref ?? null, partyName(receiver, lang), receiver?.activityId ?? null,
      ]);
    });
    activity.budgets.forEach((b, position) => {
      budgets.push([programmeId, position, b.type, b.status, validDate(b.periodStart), validDate(b.periodEnd), finiteOrNull(b.value), b.currency]);
    });
    for (const r of activity.relatedActivities) related.push([programmeId, r.ref, r.type]);
    for (const c of activity.recipientCountries) countries.push([programmeId, c.code, finiteOrNull(c.percentage)]);
    for (const s of activity.sectors) sectors.push([programmeId, s.code, s.vocabulary, finiteOrNull(s.percentage)]);
  }

  await resolver.flush();
  await insertMany(query, 'programmes', ['id', 'ref', 'title', 'summary', 'status', 'start_date', 'end_date', 'currency', 'countries', 'sectors', 'donors', 'created_by'], programmes);
  await insertUnnest(query, 'iati_activities', [
    ['programme_id', 'uuid'], ['iati_identifier', 'text'], ['reporting_org_ref', 'text'], ['reporting_org_type', 'text'], ['reporting_organization_id', 'uuid'],
    ['last_updated', 'timestamptz'], ['version', 'text'], ['activity_status', 'text'], ['default_currency', 'text'], ['default_lang', 'text'], ['hierarchy', 'text'],
    ['title', 'jsonb'], ['description', 'jsonb'], ['dates', 'jsonb'], ['import_id', 'uuid'],
  ], activities);
  await insertUnnest(query, 'programme_members', [['programme_id', 'uuid'], ['organization_id', 'uuid'], ['role', 'text'], ['iati_role', 'int4']], members);
  await insertUnnest(query, 'iati_participations', [['programme_id', 'uuid'], ['position', 'int4'], ['organization_id', 'uuid'], ['ref', 'text'], ['role', 'text'], ['type', 'text'], ['name', 'jsonb'], ['activity_id', 'text']], participations);
  await insertUnnest(query, 'iati_transactions', [
    ['programme_id', 'uuid'], ['position', 'int4'], ['type', 'text'], ['date', 'date'], ['value', 'numeric'], ['currency', 'text'], ['value_date', 'date'],
    ['provider_organization_id', 'uuid'], ['provider_ref', 'text'], ['provider_name', 'text'], ['provider_activity_id', 'text'],
    ['receiver_organization_id', 'uuid'], ['receiver_ref', 'text'], ['receiver_name', 'text'], ['receiver_activity_id', 'text'],
  ], transactions);
  await insertUnnest(query, 'iati_budgets', [['programme_id', 'uuid'], ['position', 'int4'], ['type', 'text'], ['status', 'text'], ['period_start', 'date'], ['period_end', 'date'], ['value', 'numeric'], ['currency', 'text']], budgets);
  await insertUnnest(query, 'iati_related_activities', [['programme_id', 'uuid'], ['ref', 'text'], ['type', 'text']], related);
  await insertUnnest(query, 'iati_activity_countries', [['programme_id', 'uuid'], ['code', 'text'], ['percentage', 'numeric']], countries);
  await insertUnnest(query, 'iati_activity_sectors', [['programme_id', 'uuid'], ['code', 'text'], ['vocabulary', 'text'], ['percentage', 'numeric']], sectors);
}
