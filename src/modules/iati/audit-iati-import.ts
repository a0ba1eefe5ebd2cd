// The audit trail of a bulk IATI import. The import switches the per-row audit triggers off for
// its own transaction only (transaction-local setting, checked by the triggers' WHEN clause,
// migration 0017) and writes instead ONE trail row for the whole import, in the same transaction:
// who, when, which import, and counts of what it created and replaced.
import type { RawQuery } from '../../db/raw-query.js';

/** What an import wrote, counted as it wrote it (the trail row's content). */
export type IatiWriteCounts = {
  programmesCreated: number;
  programmesReplaced: number;
  activitiesUnchanged: number;
  members: number;
  participations: number;
  transactions: number;
  budgets: number;
  relatedActivities: number;
  countries: number;
  sectors: number;
};

/** Counts at zero, to add each batch's to. */
export function emptyWriteCounts(): IatiWriteCounts {
  return { programmesCreated: 0, programmesReplaced: 0, activitiesUnchanged: 0, members: 0, participations: 0, transactions: 0, budgets: 0, relatedActivities: 0, countries: 0, sectors: 0 };
}

/** Adds one batch's counts to the running total. */
export function addWriteCounts(total: IatiWriteCounts, batch: IatiWriteCounts): void {
  for (const key of Object.keys(total) as Array<keyof IatiWriteCounts>) total[key] += batch[key];
}

/** Stops the per-row audit triggers for the rest of this transaction (and only this one). */
export async function startBulkImport(query: RawQuery): Promise<void> {
  await query(`select set_config('consortia.bulk_import', 'on', true)`);
}

/**
 * Writes the import's one trail row (table iati_imports, record = the import) in the import's
 * transaction. The actor is the request's, else the user who uploaded the file, else the system;
 * the row belongs to that user's organization, so its administrators read it, and instance
 * administrators read every import's row.
 */
export async function recordImportAudit(
  query: RawQuery,
  options: { importId: string; createdBy: string | null; fileName: string; origin: 'cli' | 'web'; publisher: string | null; counts: IatiWriteCounts; organizations: { created: number; matched: number } },
): Promise<void> {
  const { counts } = options;
  const after = {
    kind: 'iati-import',
    file_name: options.fileName,
    source: options.origin,
    publisher: options.publisher,
    status: 'done',
    programmes_created: counts.programmesCreated,
    programmes_replaced: counts.programmesReplaced,
    activities_unchanged: counts.activitiesUnchanged,
    organizations_created: options.organizations.created,
    organizations_matched: options.organizations.matched,
    programme_members: counts.members,
    participations: counts.participations,
    transactions: counts.transactions,
    budgets: counts.budgets,
    related_activities: counts.relatedActivities,
    countries: counts.countries,
    sectors: counts.sectors,
  };
  await query(
    `insert into audit_log (transaction_id, actor_user_id, table_name, record_id, action, programme_id, organization_id, new_values)
     select txid_current(), actor.id, 'iati_imports', $2, 'insert', null, (select organization_id from users where id = actor.id), $3::jsonb
     from (select coalesce(nullif(current_setting('consortia.actor_id', true), '')::uuid, $1::uuid) as id) as actor`,
    [options.createdBy, options.importId, JSON.stringify(after)],
  );
}
