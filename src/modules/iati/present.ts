// Import rows to API objects.
import type { IatiImportView } from './schemas.js';

export type IatiImportRow = {
  id: string; file_name: string; publisher: string | null; source: 'cli' | 'web'; status: IatiImportView['status'];
  size_bytes: number | string; bytes_read: number | string; summary: IatiImportView['summary']; error: IatiImportView['error'];
  created_at: Date | string; started_at: Date | string | null; finished_at: Date | string | null;
};

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** An import with its progress, summary or refusal. */
export function presentIatiImport(row: IatiImportRow): IatiImportView {
  const sizeBytes = Number(row.size_bytes);
  const bytesRead = row.status === 'done' ? sizeBytes : Number(row.bytes_read);
  return {
    id: row.id,
    fileName: row.file_name,
    publisher: row.publisher,
    source: row.source,
    status: row.status,
    sizeBytes,
    bytesRead,
    progress: sizeBytes > 0 ? Math.min(1, bytesRead / sizeBytes) : 1,
    summary: row.summary,
    error: row.error,
    createdAt: iso(row.created_at)!,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

/** An import in the list: its counts instead of every warning. */
export function presentIatiImportListItem(row: IatiImportRow) {
  const { summary, ...rest } = presentIatiImport(row);
  return { ...rest, counts: summary ? { activities: summary.activities, warnings: summary.warnings.length, skipped: summary.skipped.length } : null };
}
