import { eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../db/client.js';
import { organizations, programmeMembers, interactionChannels, type InteractionChannel } from '../../db/schema/index.js';
import { isIsoDate } from '../bundle/schema.js';
import type { LogContext } from './context.js';
import { insertInteractionRows } from './interactions.js';

export type CsvProblem = { row: number; column: string | null; reason: string };
export type CsvImportReport = { dryRun: boolean; rows: number; imported: number; problems: CsvProblem[] };

const MAX_ROWS = 20_000;
const REQUIRED = ['date', 'from', 'to'] as const;
const KNOWN = ['date', 'from', 'to', 'channel', 'initiated_by', 'subject'] as const;

/** The column names people write, mapped to ours ("Initiated by" and "initiated-by" are initiated_by). */
const normalizeHeader = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Finds member organizations by id, name, acronym or IATI identifier, ignoring case and spaces around. */
async function memberLookup(db: Database, programmeId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym, identifier: organizations.identifier })
    .from(programmeMembers)
    .innerJoin(organizations, eq(organizations.id, programmeMembers.organizationId))
    .where(eq(programmeMembers.programmeId, programmeId));
  // A name two members share is ambiguous: null marks it so the row is refused rather than guessed.
  const lookup = new Map<string, string | null>();
  for (const row of rows) {
    lookup.set(row.id.toLowerCase(), row.id);
    for (const key of [row.name, row.acronym, row.identifier]) {
      if (!key) continue;
      const normalized = key.trim().toLowerCase();
      lookup.set(normalized, lookup.has(normalized) && lookup.get(normalized) !== row.id ? null : row.id);
    }
  }
  return lookup;
}

/**
 * Imports interactions from CSV (columns date, from, to, and optionally channel, initiated_by,
 * subject). Rows are numbered as a spreadsheet shows them, the header being row 1. Every problem
 * of every row is reported; with one problem, or on a dry run, nothing is stored.
 */
export async function importInteractionsCsv(db: Database, options: { context: LogContext; text: string; dryRun: boolean }): Promise<CsvImportReport> {
  const { context } = options;
  let records: string[][];
  try {
    records = parse(options.text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { dryRun: options.dryRun, rows: 0, imported: 0, problems: [{ row: line, column: null, reason: `the file is not valid CSV: ${(error as Error).message}` }] };
  }
  const [header, ...data] = records;
  if (!header) return { dryRun: options.dryRun, rows: 0, imported: 0, problems: [{ row: 1, column: null, reason: 'the file is empty: expected a header row date,from,to,channel,initiated_by,subject' }] };
  const columns = header.map(normalizeHeader);
  const problems: CsvProblem[] = [];
  for (const required of REQUIRED) {
    if (!columns.includes(required)) problems.push({ row: 1, column: required, reason: `the header has no ${required} column` });
  }
  columns.forEach((column, index) => {
    if (!(KNOWN as readonly string[]).includes(column)) problems.push({ row: 1, column: header[index] ?? column, reason: `unknown column; expected ${KNOWN.join(', ')}` });
  });
  if (data.length > MAX_ROWS) problems.push({ row: 1, column: null, reason: `at most ${MAX_ROWS} rows per file; this one has ${data.length}` });
  if (problems.length > 0) return { dryRun: options.dryRun, rows: data.length, imported: 0, problems };

  const lookup = await memberLookup(db, context.programme.id);
  const rows: Parameters<typeof insertInteractionRows>[1] = [];
  data.forEach((record, index) => {
    const row = index + 2;
    const cell = (column: (typeof KNOWN)[number]) => {
      const position = columns.indexOf(column);
      return position === -1 ? '' : (record[position] ?? '').trim();
    };
    const organization = (column: 'from' | 'to') => {
      const value = cell(column);
      if (!value) {
        problems.push({ row, column, reason: 'is empty: name a member organization' });
        return undefined;
      }
      const id = lookup.get(value.toLowerCase());
      if (id === undefined) problems.push({ row, column, reason: `unknown organization '${value}': not a member of this programme` });
      else if (id === null) problems.push({ row, column, reason: `'${value}' names several member organizations; use the acronym or identifier` });
      return id ?? undefined;
    };
    const date = cell('date');
    if (!isIsoDate(date) || date.length !== 10) problems.push({ row, column: 'date', reason: `'${date}' is not a date (YYYY-MM-DD)` });
    const from = organization('from');
    const to = organization('to');
    if (from && to && from === to) problems.push({ row, column: 'to', reason: 'an interaction needs two different organizations' });
    const channelText = cell('channel').toLowerCase();
    if (channelText && !(interactionChannels as readonly string[]).includes(channelText)) {
      problems.push({ row, column: 'channel', reason: `'${channelText}' is not a channel; expected ${interactionChannels.join(', ')}` });
    }
    const initiatedText = cell('initiated_by').toLowerCase();
    let initiator = from;
    if (initiatedText === 'to') initiator = to;
    else if (initiatedText && initiatedText !== 'from') {
      const id = lookup.get(initiatedText);
      if (!id || (id !== from && id !== to)) problems.push({ row, column: 'initiated_by', reason: `'${cell('initiated_by')}' must be from, to, or one of the two organizations` });
      else initiator = id;
    }
    const subject = cell('subject');
    if (subject.length > 500) problems.push({ row, column: 'subject', reason: 'is longer than 500 characters' });
    if (from && to && initiator) {
      rows.push({
        programmeId: context.programme.id,
        date,
        fromOrganizationId: from,
        toOrganizationId: to,
        initiatedByOrganizationId: initiator,
        channel: (channelText || null) as InteractionChannel | null,
        subject: subject || null,
        recordedByOrganizationId: context.actor.organizationId,
        recordedByUserId: context.actor.userId,
      });
    }
  });
  if (problems.length > 0 || options.dryRun) return { dryRun: options.dryRun, rows: data.length, imported: 0, problems };
  const imported = await insertInteractionRows(db, rows);
  return { dryRun: false, rows: data.length, imported, problems };
}
