// Reads the imported rows the analyses need, for the whole dataset, one publisher or one country.
import type { Database } from '../../../db/client.js';
import { rawQuery } from '../../../db/raw-query.js';
import type { AnalysisDataset, AnalysisOrganization } from './types.js';

export type AnalysisFilter = { publisher?: string | undefined; country?: string | undefined; organizationId?: string | undefined };

/** Loads the imported activities matching the filter, with their transactions, participations and organizations. */
export async function loadAnalysisData(db: Database, filter: AnalysisFilter = {}): Promise<AnalysisDataset> {
  const query = rawQuery(db);
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (filter.publisher) {
    values.push(filter.publisher.toLowerCase());
    conditions.push(`(lower(a.reporting_org_ref) = $${values.length} or a.reporting_organization_id::text = $${values.length})`);
  }
  if (filter.country) {
    values.push(filter.country.toUpperCase());
    conditions.push(`exists (select 1 from iati_activity_countries c where c.programme_id = a.programme_id and upper(c.code) = $${values.length})`);
  }
  if (filter.organizationId) {
    values.push(filter.organizationId);
    const at = `$${values.length}::uuid`;
    conditions.push(`(a.reporting_organization_id = ${at} or exists (select 1 from iati_participations p where p.programme_id = a.programme_id and p.organization_id = ${at})
      or exists (select 1 from iati_transactions t where t.programme_id = a.programme_id and (t.provider_organization_id = ${at} or t.receiver_organization_id = ${at})))`);
  }
  const chosen = `select a.programme_id from iati_activities a ${conditions.length > 0 ? `where ${conditions.join(' and ')}` : ''}`;
  const activities = await query<{ id: string; iati_identifier: string; reporting_organization_id: string | null; countries: string[] | null }>(
    `select a.programme_id as id, a.iati_identifier, a.reporting_organization_id,
       (select array_agg(distinct upper(c.code)) from iati_activity_countries c where c.programme_id = a.programme_id) as countries
     from iati_activities a where a.programme_id in (${chosen})`,
    values,
  );
  const transactions = await query<{ activity_id: string; type: string | null; value: number; currency: string | null; default_currency: string | null; provider_id: string | null; receiver_id: string | null; provider_activity_id: string | null; receiver_activity_id: string | null }>(
    `select t.programme_id as activity_id, t.type, t.value::float8 as value, t.currency, a.default_currency, t.provider_organization_id as provider_id, t.receiver_organization_id as receiver_id,
       t.provider_activity_id, t.receiver_activity_id
     from iati_transactions t join iati_activities a on a.programme_id = t.programme_id
     where t.value is not null and t.programme_id in (${chosen})`,
    values,
  );
  const participations = await query<{ activity_id: string; organization_id: string; role: string | null }>(
    `select programme_id as activity_id, organization_id, role from iati_participations where organization_id is not null and programme_id in (${chosen})`,
    values,
  );
  const ids = new Set<string>();
  for (const a of activities) if (a.reporting_organization_id) ids.add(a.reporting_organization_id);
  for (const t of transactions) {
    if (t.provider_id) ids.add(t.provider_id);
    if (t.receiver_id) ids.add(t.receiver_id);
  }
  for (const p of participations) ids.add(p.organization_id);
  const organizations = await query<AnalysisOrganization>(
    'select id, name, identifier, type, country, scope from organizations where id = any($1::uuid[])',
    [[...ids]],
  );
  return {
    organizations: new Map(organizations.map((organization) => [organization.id, organization])),
    activities: activities.map((a) => ({ id: a.id, iatiIdentifier: a.iati_identifier, reportingOrganizationId: a.reporting_organization_id, countries: a.countries ?? [] })),
    participations: participations.map((p) => ({ activityId: p.activity_id, organizationId: p.organization_id, role: p.role })),
    transactions: transactions.map((t) => ({
      activityId: t.activity_id, type: t.type, value: Number(t.value), currency: (t.currency ?? t.default_currency ?? 'USD').toUpperCase(),
      providerId: t.provider_id, receiverId: t.receiver_id, providerActivityId: t.provider_activity_id, receiverActivityId: t.receiver_activity_id,
    })),
  };
}
