import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../lib/errors.js';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type TableFormat = 'csv' | 'xlsx';

/** A spreadsheet read into text cells: the header row, then one record per data row. */
export type Table = { columns: string[]; rows: Array<Record<string, string>> };

/** Several values in one cell are separated by semicolons. */
export const LIST_SEPARATOR = ';';

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Reads a CSV (UTF-8, with or without BOM) or XLSX (first sheet) upload; the first row names the columns. */
export async function readTable(body: Buffer, format: TableFormat): Promise<Table> {
  if (format === 'csv') {
    let records: string[][];
    try {
      records = parse(body, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
      records = records.map((cells) => cells.map(withoutFormulaGuard));
    } catch (error) {
      throw new AppError('bad_request', `The CSV file cannot be read: ${(error as Error).message}`);
    }
    return toTable(records);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('bad_request', `The XLSX file cannot be read: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('bad_request', 'The XLSX file has no sheet');
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) cells.push(cellText(row.getCell(column).value));
    records.push(cells);
  });
  return toTable(records);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return String(value.result ?? '').trim();
    return '';
  }
  return String(value).trim();
}

function toTable(records: string[][]): Table {
  const [header, ...data] = records;
  if (!header) throw new AppError('bad_request', 'The file is empty: the first row must name the columns');
  const columns = header.map((name) => name.trim().toLowerCase().replace(/\s+/g, '_'));
  const rows = data
    .filter((cells) => cells.some((cell) => cell !== ''))
    .map((cells) => Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? ''])));
  return { columns, rows };
}

/** Characters that make a spreadsheet program read a CSV cell as a formula (tab and carriage return too, as OWASP advises). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet program will show as text: one starting like a formula ("=HYPERLINK(...)",
 * "+33...", "-", "@SUM") gets a leading apostrophe, so opening an export never runs what someone typed.
 */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Reading back an export: the apostrophe added by spreadsheetSafe is dropped again. */
function withoutFormulaGuard(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** Writes rows as CSV (UTF-8 with BOM, so spreadsheet programs read accents right; formula-like cells guarded) or XLSX. */
export async function writeTable(format: TableFormat, columns: string[], rows: Array<Record<string, string>>, sheetName: string): Promise<Buffer> {
  if (format === 'csv') {
    const safeRows = rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, typeof value === 'string' ? spreadsheetSafe(value) : value])));
    return Buffer.from(`\uFEFF${stringify(safeRows, { header: true, columns })}`, 'utf8');
  }
  // XLSX cells are written as typed strings, never as formulas: no guard needed there.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((column) => ({ header: column, key: column, width: Math.max(12, column.length + 2) }));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
