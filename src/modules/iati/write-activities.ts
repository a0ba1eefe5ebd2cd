// Writes one batch of prepared activities: new ones are inserted, a newer version replaces the
// stored one (same programme id), and an activity already stored at the same or a later version
// is left alone, which makes importing the same file twice change nothing.
//
// Batches are queued on the import transaction's client, which runs statements in call order, so
// that the database always has the next statement waiting: a batch's statements are queued as soon
// as it is planned, and the next batch is planned by a query queued behind them, which therefore
// sees everything the batch wrote.
import { randomUUID } from 'node:crypto';
import { consortiumRoleOfIatiRole, isNewer, membershipRole } from './map-activity.js';
import type { OrganizationResolver } from './resolve-organizations.js';
import { emptyWriteCounts, type IatiWriteCounts } from './audit-iati-import.js';
import type { RawQuery } from '../../db/raw-query.js';
import { sendUnnest } from './raw-sql.js';
import type { PreparedActivity } from './prepare-activity.js';
import type { IatiRoleCode } from './types.js';

export type ActivityBatch = {
  activities: PreparedActivity[];
  organizations: OrganizationResolver;
  importId: string;
  createdBy: string | null;
};

type Planned = { activity: PreparedActivity; programmeId: string; ref: string };

function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

// Within one batch the first version of an identifier is kept unless a later one is newer.
function latestByIdentifier(activities: PreparedActivity[]): Map<string, PreparedActivity> {
  const kept = new Map<string, PreparedActivity>();
  for (const activity of activities) {
    const current = kept.get(activity.identifier);
    if (!current || isNewer(activity.lastUpdated, current.lastUpdated)) kept.set(activity.identifier, activity);
  }
  return kept;
}

// An activity left as stored still names its organizations: they count as matched in the summary.
function observeOrganizations(resolver: OrganizationResolver, activity: PreparedActivity): void {
  resolver.observeKey(activity.reporting);
  for (const participation of activity.participations) resolver.observeKey(participation.key);
  for (const t of activity.transactions) {
    resolver.observeKey(t.provider);
    resolver.observeKey(t.receiver);
  }
}

/**
 * Decides which activities to write and with which programme id and reference (one query for
 * the stored versions and the references already taken); deletes the versions they replace.
 */
async function planBatch(query: RawQuery, activities: PreparedActivity[], resolver: OrganizationResolver, counts: IatiWriteCounts): Promise<Planned[]> {
  const latest = latestByIdentifier(activities);
  const identifiers = [...latest.keys()];
  const rows = await query<{ iati_identifier: string; programme_id: string | null; last_updated: unknown; ref_taken: boolean }>(
    `select i.identifier as iati_identifier, a.programme_id, a.last_updated, exists (select 1 from programmes p where p.ref = i.identifier and p.id is distinct from a.programme_id) as ref_taken
     from unnest($1::text[]) as i(identifier) left join iati_activities a on a.iati_identifier = i.identifier`,
    [identifiers],
  );
  const storedBy = new Map(rows.map((row) => [row.iati_identifier, row]));
  const planned: Planned[] = [];
  const replaced: string[] = [];
  for (const [identifier, activity] of latest) {
    const stored = storedBy.get(identifier);
    // Programme references are unique; an identifier already used by another programme gets a suffix.
    const ref = stored?.ref_taken ? `${identifier} (IATI)` : identifier;
    if (!stored?.programme_id) planned.push({ activity, programmeId: randomUUID(), ref });
    else if (isNewer(activity.lastUpdated, toIso(stored.last_updated))) {
      replaced.push(stored.programme_id);
      planned.push({ activity, programmeId: stored.programme_id, ref });
    } else observeOrganizations(resolver, activity);
  }
  counts.programmesReplaced += replaced.length;
  counts.programmesCreated += planned.length - replaced.length;
  counts.activitiesUnchanged += activities.length - planned.length;
  // The programme and everything hanging from it go; the new version is written under the same id.
  if (replaced.length > 0) await query('delete from programmes where id = any($1::uuid[])', [replaced]);
  return planned;
}

// Columns of each table, in the order of the prepared rows (prepare-activity.ts).
const programmeColumns: Array<[string, string]> = [
  ['id', 'uuid'], ['ref', 'text'], ['title', 'text'], ['summary', 'text'], ['status', 'text'], ['start_date', 'date'], ['end_date', 'date'], ['currency', 'text'],
  ['countries', 'text[]'], ['sectors', 'text[]'], ['donors', 'text[]'], ['created_by', 'uuid'],
];
const activityColumns: Array<[string, string]> = [
  ['programme_id', 'uuid'], ['iati_identifier', 'text'], ['reporting_org_ref', 'text'], ['reporting_org_type', 'text'], ['last_updated', 'timestamptz'], ['version', 'text'],
  ['activity_status', 'text'], ['default_currency', 'text'], ['default_lang', 'text'], ['hierarchy', 'text'], ['title', 'jsonb'], ['description', 'jsonb'], ['dates', 'jsonb'],
  ['reporting_organization_id', 'uuid'], ['import_id', 'uuid'],
];
const memberColumns: Array<[string, string]> = [['programme_id', 'uuid'], ['organization_id', 'uuid'], ['role', 'text'], ['iati_role', 'int4']];
const participationColumns: Array<[string, string]> = [
  ['programme_id', 'uuid'], ['organization_id', 'uuid'], ['position', 'int4'], ['ref', 'text'], ['role', 'text'], ['type', 'text'], ['name', 'jsonb'], ['activity_id', 'text'],
];
const transactionColumns: Array<[string, string]> = [
  ['programme_id', 'uuid'], ['provider_organization_id', 'uuid'], ['receiver_organization_id', 'uuid'], ['position', 'int4'], ['type', 'text'], ['date', 'date'], ['value', 'numeric'],
  ['currency', 'text'], ['value_date', 'date'], ['provider_ref', 'text'], ['provider_name', 'text'], ['provider_activity_id', 'text'],
  ['receiver_ref', 'text'], ['receiver_name', 'text'], ['receiver_activity_id', 'text'],
];
const budgetColumns: Array<[string, string]> = [
  ['programme_id', 'uuid'], ['position', 'int4'], ['type', 'text'], ['status', 'text'], ['period_start', 'date'], ['period_end', 'date'], ['value', 'numeric'], ['currency', 'text'],
];
const relatedColumns: Array<[string, string]> = [['programme_id', 'uuid'], ['ref', 'text'], ['type', 'text']];
const countryColumns: Array<[string, string]> = [['programme_id', 'uuid'], ['code', 'text'], ['percentage', 'numeric']];
const sectorColumns: Array<[string, string]> = [['programme_id', 'uuid'], ['code', 'text'], ['vocabulary', 'text'], ['percentage', 'numeric']];

/** A batch whose statements are all queued: `written` settles when the database has run them. */
export type QueuedBatch = { written: Promise<IatiWriteCounts> };

/**
 * Queues the statements that write a batch of prepared activities with their consortium and IATI
 * details, through `queue` (the import transaction's query function, shared by every batch). Settles once
 * they are all queued, so that the caller can queue the next batch behind them.
 */
export async function queueActivityBatch(queue: RawQuery, batch: ActivityBatch): Promise<QueuedBatch> {
  const counts = emptyWriteCounts();
  if (batch.activities.length === 0) return { written: Promise.resolve(counts) };
  const resolver = batch.organizations;
  const planned = await planBatch(queue, batch.activities, resolver, counts);
  if (planned.length === 0) return { written: Promise.resolve(counts) };
  const programmes: unknown[][] = [];
  const activities: unknown[][] = [];
  const members: unknown[][] = [];
  const participations: unknown[][] = [];
  const transactions: unknown[][] = [];
  const budgets: unknown[][] = [];
  const related: unknown[][] = [];
  const countries: unknown[][] = [];
  const sectors: unknown[][] = [];
  const withProgramme = (rows: unknown[][], into: unknown[][], programmeId: string) => {
    for (const row of rows) {
      row[0] = programmeId;
      into.push(row);
    }
  };

  // Organizations are resolved in the order of the file (reporting, participants, transaction
  // parties), so that the same file always gives the same registry.
  for (const { activity, programmeId, ref } of planned) {
    const programme = activity.programme;
    programme[0] = programmeId;
    programme[1] = ref;
    programme[11] = batch.createdBy;
    programmes.push(programme);
    const details = activity.details;
    details[0] = programmeId;
    details[13] = resolver.resolveKey(activity.reporting);
    details[14] = batch.importId;
    activities.push(details);
    const rolesByOrganization = new Map<string, IatiRoleCode[]>();
    for (const participation of activity.participations) {
      const organizationId = resolver.resolveKey(participation.key);
      participation.row[0] = programmeId;
      participation.row[1] = organizationId;
      participations.push(participation.row);
      const role = participation.role as IatiRoleCode | null;
      if (organizationId && role) rolesByOrganization.set(organizationId, [...(rolesByOrganization.get(organizationId) ?? []), role]);
    }
    for (const [organizationId, roles] of rolesByOrganization) {
      const role = membershipRole(roles);
      members.push([programmeId, organizationId, consortiumRoleOfIatiRole[role], Number(role)]);
    }
    for (const t of activity.transactions) {
      t.row[0] = programmeId;
      t.row[1] = resolver.resolveKey(t.provider);
      t.row[2] = resolver.resolveKey(t.receiver);
      transactions.push(t.row);
    }
    withProgramme(activity.budgets, budgets, programmeId);
    withProgramme(activity.related, related, programmeId);
    withProgramme(activity.countries, countries, programmeId);
    withProgramme(activity.sectors, sectors, programmeId);
  }

  // Queued one after the other without waiting: each statement is built while the database runs
  // the one before. New organizations go first, before the rows that refer to them.
  const sent: Promise<unknown>[] = [];
  const send = (statement: Promise<unknown>) => {
    // Marked handled at once: should building a later statement throw, no earlier one goes unheard.
    statement.catch(() => {});
    sent.push(statement);
  };
  send(resolver.flush(queue));
  send(sendUnnest(queue, 'programmes', programmeColumns, programmes));
  send(sendUnnest(queue, 'iati_activities', activityColumns, activities));
  send(sendUnnest(queue, 'programme_members', memberColumns, members));
  send(sendUnnest(queue, 'iati_participations', participationColumns, participations));
  send(sendUnnest(queue, 'iati_transactions', transactionColumns, transactions));
  send(sendUnnest(queue, 'iati_budgets', budgetColumns, budgets));
  send(sendUnnest(queue, 'iati_related_activities', relatedColumns, related));
  send(sendUnnest(queue, 'iati_activity_countries', countryColumns, countries));
  send(sendUnnest(queue, 'iati_activity_sectors', sectorColumns, sectors));
  Object.assign(counts, { members: members.length, participations: participations.length, transactions: transactions.length, budgets: budgets.length, relatedActivities: related.length, countries: countries.length, sectors: sectors.length });
  return { written: Promise.all(sent).then(() => counts) };
}
