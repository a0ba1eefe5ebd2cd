// Bulk inserts for the IATI import, on the driver Drizzle holds (src/db/raw-query.ts). Drizzle's
// insert builder costs ~33 µs a row just to build SQL (STACK-NOTES, "Bulk loading"); the import
// writes millions of rows, so it sends unnest INSERTs with one array parameter per column.
import type { RawQuery } from '../../db/raw-query.js';

// Rows per unnest statement: one parameter per column whatever the row count, so the size is
// bounded by memory only; 5,000 keeps each statement short.
const rowsPerUnnest = 5_000;

const needsEscape = /["\\]/;

function element(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  return needsEscape.test(text) ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`;
}

/**
 * Values as a PostgreSQL array literal. The driver would do the same, but through two
 * regular-expression replacements per element; here an element is escaped only when it holds a
 * quote or a backslash (rare outside JSON), which keeps the import's own CPU for the parser.
 */
export function arrayLiteral(values: unknown[]): string {
  let literal = '{';
  for (let index = 0; index < values.length; index++) literal += (index === 0 ? '' : ',') + element(values[index]);
  return `${literal}}`;
}

/** One column of rows[start, end) as an array literal. */
function columnLiteral(rows: unknown[][], column: number, start: number, end: number): string {
  let literal = '{';
  for (let row = start; row < end; row++) literal += (row === start ? '' : ',') + element(rows[row]![column]);
  return `${literal}}`;
}

/**
 * Sends rows with `insert ... select ... from unnest($1::type[], ...)`: one array parameter per
 * column instead of one parameter per value, which PostgreSQL parses and plans in a fraction of
 * the time a multi-row VALUES list of the same rows takes. A column of an array type (text[])
 * takes each row's value as an array literal (see arrayLiteral), cast back on the way in, since
 * unnest would flatten an array of arrays. On one client, statements run in call order (src/db
 * serial-queries.ts, PGlite's own lock), so the caller builds the next statement while the database
 * runs this one. The promise settles when the last one has run.
 */
export function sendUnnest(query: RawQuery, table: string, columns: Array<[name: string, type: string]>, rows: unknown[][]): Promise<unknown> {
  if (rows.length === 0) return Promise.resolve();
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type.endsWith('[]') ? 'text' : type}[]`).join(', ');
  const aliases = columns.map((_, index) => `c${index}`).join(', ');
  const selected = columns.map(([, type], index) => (type.endsWith('[]') ? `c${index}::${type}` : `c${index}`)).join(', ');
  const text = `insert into "${table}" (${names}) select ${selected} from unnest(${arrays}) as u(${aliases})`;
  const sent: Promise<unknown>[] = [];
  for (let start = 0; start < rows.length; start += rowsPerUnnest) {
    const end = Math.min(rows.length, start + rowsPerUnnest);
    const statement = query(text, columns.map((_, column) => columnLiteral(rows, column, start, end)));
    statement.catch(() => {});
    sent.push(statement);
  }
  return Promise.all(sent);
}
