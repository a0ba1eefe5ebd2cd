// Reading import records: one with its summary, or the newest first, a page at a time.
import type { Database } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { decodeCursor, paginate } from '../../lib/pagination.js';
import type { IatiImportRow } from './present.js';
import { rawQuery } from '../../db/raw-query.js';

const columns = 'id, file_name, publisher, source, status, size_bytes, bytes_read, summary, error, created_at, started_at, finished_at';

/** One import record; imports are public records of the instance's public data. */
export async function getIatiImport(db: Database, importId: string): Promise<IatiImportRow> {
  const [row] = await rawQuery(db)<IatiImportRow>(`select ${columns} from iati_imports where id = $1`, [importId]);
  if (!row) throw notFound('Import');
  return row;
}

/** Imports, newest first. */
export async function listIatiImports(db: Database, options: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(options.cursor, 2);
  const rows = await rawQuery(db)<IatiImportRow>(
    after
      ? `select ${columns} from iati_imports where (created_at, id) < ($2::timestamptz, $3::uuid) order by created_at desc, id desc limit $1`
      : `select ${columns} from iati_imports order by created_at desc, id desc limit $1`,
    after ? [options.limit + 1, after[0], after[1]] : [options.limit + 1],
  );
  return paginate(rows, options.limit, (row) => [new Date(row.created_at).toISOString(), row.id]);
}
