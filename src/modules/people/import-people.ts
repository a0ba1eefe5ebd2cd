import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, people, personEmployments } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { ImportReport, RowProblem } from '../organizations/import-organizations.js';
import { splitList, type Table } from '../organizations/table-files.js';
import { createPersonBody, type CreatePersonInput } from './schemas.js';

/** The columns of a people file; `organization` is the employer's identifier, id or exact name. */
export const personColumns = ['name', 'organization', 'position', 'emails', 'phones', 'languages'] as const;

type PlannedPerson = { line: number; input: CreatePersonInput };

async function resolveEmployer(db: Database, reference: string): Promise<{ id: string } | 'ambiguous' | undefined> {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference);
  const matches = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        isNull(organizations.deletedAt),
        or(isId ? eq(organizations.id, reference) : undefined, sql`upper(${organizations.identifier}) = upper(${reference})`, sql`lower(${organizations.name}) = lower(${reference})`),
      ),
    )
    .limit(2);
  if (matches.length > 1) return 'ambiguous';
  return matches[0];
}

/** Imports people, all or nothing, with the same row report as organizations. */
export async function importPeople(db: Database, options: { actor: Actor; table: Table; dryRun: boolean }): Promise<ImportReport> {
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const known = new Set<string>(personColumns);
  for (const column of options.table.columns) {
    if (!known.has(column)) warnings.push({ row: 1, column, reason: 'is not a column of the people file; it is ignored' });
  }
  if (!options.table.columns.includes('name')) problems.push({ row: 1, column: 'name', reason: 'the file has no name column' });

  const planned: PlannedPerson[] = [];
  for (const [index, record] of options.table.rows.entries()) {
    const line = index + 2;
    let organizationId: string | undefined;
    const employer = record.organization?.trim();
    if (employer) {
      const found = await resolveEmployer(db, employer);
      if (found === 'ambiguous') problems.push({ row: line, column: 'organization', reason: `several organizations are called ${employer}; use the identifier or id` });
      else if (!found) problems.push({ row: line, column: 'organization', reason: `no organization has the identifier, id or name ${employer}` });
      else organizationId = found.id;
    }
    const candidate = {
      name: record.name ?? '',
      ...(organizationId ? { organizationId } : {}),
      ...(record.position ? { position: record.position } : {}),
      contacts: [...splitList(record.emails).map((value) => ({ kind: 'email' as const, value })), ...splitList(record.phones).map((value) => ({ kind: 'phone' as const, value }))],
      languages: splitList(record.languages),
    };
    const parsed = createPersonBody.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'name');
        const column = field === 'contacts' ? (candidate.contacts[Number(issue.path[1])]?.kind === 'phone' ? 'phones' : 'emails') : field;
        problems.push({ row: line, column, reason: issue.message });
      }
      continue;
    }
    planned.push({ line, input: parsed.data });
  }
  problems.sort((a, b) => a.row - b.row);
  const report: ImportReport = { dryRun: options.dryRun, rows: options.table.rows.length, created: planned.length, updated: 0, problems, warnings };
  if (options.dryRun) return report;
  if (problems.length > 0) {
    throw new AppError('validation_failed', `The file has ${problems.length} problem(s); nothing was imported`, {
      details: problems.map((problem) => ({ pointer: `/rows/${problem.row}/${problem.column}`, message: problem.reason })),
    });
  }
  const today = new Date().toISOString().slice(0, 10);
  await db.transaction(async (tx) => {
    for (const row of planned) {
      const [person] = await tx.insert(people).values({ ...row.input, createdByOrganizationId: options.actor.organizationId }).returning();
      if (person!.organizationId) await tx.insert(personEmployments).values({ personId: person!.id, organizationId: person!.organizationId, position: person!.position, startedOn: today });
    }
  });
  return report;
}

/** One person as a row of the people file. */
export function personToRecord(row: { person: typeof people.$inferSelect; organization: { id: string; name: string } | null; identifier: string | null }): Record<string, string> {
  return {
    name: row.person.name,
    organization: row.identifier ?? row.organization?.name ?? '',
    position: row.person.position ?? '',
    emails: row.person.contacts.filter((contact) => contact.kind === 'email').map((contact) => contact.value).join('; '),
    phones: row.person.contacts.filter((contact) => contact.kind === 'phone').map((contact) => contact.value).join('; '),
    languages: row.person.languages.join('; '),
  };
}
