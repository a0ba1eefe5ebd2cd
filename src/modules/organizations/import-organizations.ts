import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { can } from '../../lib/policy.js';
import { loadProfile } from './get-organization.js';
import { identifierWarnings } from './save-organization.js';
import { createOrganizationBody, type CreateOrganizationInput } from './schemas.js';
import { splitList, type Table } from './table-files.js';

/** The columns of an organizations file, in export order; `id` updates an existing profile. */
export const organizationColumns = [
  'id',
  'name',
  'acronym',
  'other_names',
  'identifier',
  'type',
  'country',
  'scope',
  'sectors',
  'competences',
  'areas_of_influence',
  'mission',
  'values',
  'website',
  'notes',
] as const;

const listColumns = new Set(['other_names', 'sectors', 'competences', 'areas_of_influence']);
const fieldOf: Record<string, string> = { other_names: 'otherNames', areas_of_influence: 'areasOfInfluence' };
const columnOf: Record<string, string> = { otherNames: 'other_names', areasOfInfluence: 'areas_of_influence' };

/** One problem of one row: `row` is the line in the spreadsheet (the header is line 1). */
export type RowProblem = { row: number; column: string; reason: string };
export type ImportReport = { dryRun: boolean; rows: number; created: number; updated: number; problems: RowProblem[]; warnings: RowProblem[] };

type PlannedRow = { line: number; id: string | null; input: CreateOrganizationInput };

/** Turns one row's cells into the API's input (lists split on semicolons), or the row's problems. */
function readRow(record: Record<string, string>, line: number, problems: RowProblem[]): PlannedRow | undefined {
  const candidate: Record<string, unknown> = { name: record.name ?? '' };
  for (const column of organizationColumns) {
    if (column === 'id') continue;
    const cell = record[column];
    if (cell === undefined || cell === '') continue;
    candidate[fieldOf[column] ?? column] = listColumns.has(column) ? splitList(cell) : cell;
  }
  const parsed = createOrganizationBody.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'name');
      problems.push({ row: line, column: columnOf[field] ?? field, reason: issue.message });
    }
    return undefined;
  }
  const id = record.id?.trim() || null;
  if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    problems.push({ row: line, column: 'id', reason: 'is not an organization id (leave it empty to create a new organization)' });
    return undefined;
  }
  return { line, id, input: parsed.data };
}

/**
 * Imports organizations from a table, all or nothing: every row is checked first (codes,
 * identifiers, identifiers repeated in the file or already taken, ids the actor may not edit);
 * with any problem nothing is written. A dry run only reports.
 */
export async function importOrganizations(db: Database, options: { actor: Actor; table: Table; dryRun: boolean }): Promise<ImportReport> {
  const { table, actor } = options;
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const known = new Set<string>(organizationColumns);
  for (const column of table.columns) {
    if (!known.has(column)) warnings.push({ row: 1, column, reason: 'is not a column of the organizations file; it is ignored' });
  }
  if (!table.columns.includes('name')) problems.push({ row: 1, column: 'name', reason: 'the file has no name column' });

  const planned = table.rows.flatMap((record, index) => readRow(record, index + 2, problems) ?? []);
  for (const row of planned) {
    for (const warning of identifierWarnings(row.input.identifier)) warnings.push({ row: row.line, column: 'identifier', reason: warning.message });
  }

  // Identifiers must be unique: within the file, and against other live organizations.
  const seen = new Map<string, number>();
  for (const row of planned) {
    const key = row.input.identifier?.toUpperCase();
    if (!key) continue;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ row: row.line, column: 'identifier', reason: `repeats the identifier of row ${first}` });
    else seen.set(key, row.line);
  }
  if (seen.size > 0) {
    const taken = await db
      .select({ id: organizations.id, identifier: organizations.identifier, name: organizations.name })
      .from(organizations)
      .where(and(isNull(organizations.deletedAt), inArray(sql`upper(${organizations.identifier})`, [...seen.keys()])));
    for (const row of planned) {
      const owner = taken.find((entry) => entry.identifier?.toUpperCase() === row.input.identifier?.toUpperCase());
      if (owner && owner.id !== row.id) problems.push({ row: row.line, column: 'identifier', reason: `is already the identifier of ${owner.name} (${owner.id})` });
    }
  }
  for (const row of planned) {
    if (!row.id) continue;
    const profile = await loadProfile(db, row.id);
    if (!profile || profile.row.deletedAt) problems.push({ row: row.line, column: 'id', reason: 'is not an organization of this instance' });
    else if (!can(actor, 'organization.edit', profile.resource)) problems.push({ row: row.line, column: 'id', reason: 'you may not edit this organization' });
  }

  problems.sort((a, b) => a.row - b.row);
  const report: ImportReport = {
    dryRun: options.dryRun,
    rows: table.rows.length,
    created: planned.filter((row) => !row.id).length,
    updated: planned.filter((row) => row.id).length,
    problems,
    warnings,
  };
  if (options.dryRun) return report;
  if (problems.length > 0) {
    throw new AppError('validation_failed', `The file has ${problems.length} problem(s); nothing was imported`, {
      details: problems.map((problem) => ({ pointer: `/rows/${problem.row}/${problem.column}`, message: problem.reason })),
    });
  }
  await db.transaction(async (tx) => {
    for (const row of planned) {
      if (row.id) {
        await tx.update(organizations).set({ ...row.input, updatedAt: new Date(), version: sql`${organizations.version} + 1` }).where(eq(organizations.id, row.id));
      } else {
        await tx.insert(organizations).values({ ...row.input, createdByOrganizationId: actor.organizationId });
      }
    }
  });
  return report;
}

/** The value of each column for one organization, lists joined with semicolons. */
export function organizationToRecord(row: typeof organizations.$inferSelect): Record<string, string> {
  const join = (values: string[]) => values.join(`; `);
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym ?? '',
    other_names: join(row.otherNames),
    identifier: row.identifier ?? '',
    type: row.type ?? '',
    country: row.country ?? '',
    scope: row.scope ?? '',
    sectors: join(row.sectors),
    competences: join(row.competences),
    areas_of_influence: join(row.areasOfInfluence),
    mission: row.mission ?? '',
    values: row.values ?? '',
    website: row.website ?? '',
    notes: row.notes ?? '',
  };
}

