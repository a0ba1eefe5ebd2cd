// The web upload's job: reads the stored file and imports it in one transaction. A file already
// imported (the job ran, then its worker died before saying so) is not imported again.
import { Buffer } from 'node:buffer';
import type { Database } from '../../db/client.js';
import type { JobHandler } from '../jobs/job-runner.js';
import { isIatiFileError } from './errors.js';
import { importIati, recordIatiRefusal } from './import-iati.js';
import { rawQuery } from '../../db/raw-query.js';

export const iatiImportQueue = 'iati-import';

const chunkBytes = 256 * 1024;

async function* chunksOf(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) yield bytes.subarray(offset, offset + chunkBytes);
}

/** Queues an uploaded IATI file: stores it and its import record, and enqueues the job, in one transaction. */
export async function queueIatiImport(db: Database, options: { fileName: string; content: Buffer; createdBy: string }): Promise<string> {
  return db.transaction(async (tx) => {
    const query = rawQuery(tx);
    const [job] = await query<{ id: string }>(`insert into jobs (queue, payload, max_attempts) values ($1, '{}'::jsonb, 3) returning id`, [iatiImportQueue]);
    const [row] = await query<{ id: string }>(
      `insert into iati_imports (file_name, size_bytes, status, source, created_by, job_id) values ($1, $2, 'queued', 'web', $3, $4) returning id`,
      [options.fileName, options.content.length, options.createdBy, job!.id],
    );
    await query('insert into iati_import_files (import_id, content) values ($1, $2)', [row!.id, options.content]);
    await query(`update jobs set payload = jsonb_build_object('importId', $2::text) where id = $1`, [job!.id, row!.id]);
    return row!.id;
  });
}

/** The job handler for uploaded IATI files, given the largest file accepted. */
export function iatiImportJob(options: { maxBytes: number }): JobHandler {
  return {
    async run(job, { database }) {
      const importId = String(job.payload.importId);
      const query = rawQuery(database.db);
      const [record] = await query<{ status: string; file_name: string; size_bytes: number; created_by: string | null }>(
        'select status, file_name, size_bytes, created_by from iati_imports where id = $1',
        [importId],
      );
      if (!record || record.status === 'done' || record.status === 'refused') return;
      await query(`update iati_imports set status = 'running', started_at = now(), bytes_read = 0 where id = $1`, [importId]);
      const [file] = await query<{ content: Uint8Array }>('select content from iati_import_files where import_id = $1', [importId]);
      if (!file) throw new Error('the uploaded file is missing');
      const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
      // Progress is written from outside the import's transaction, which only PostgreSQL allows
      // while that transaction runs; PGlite has one connection, held by the import.
      const onProgress =
        database.engine === 'postgres'
          ? (bytesRead: number) => void query('update iati_imports set bytes_read = $2 where id = $1', [importId, bytesRead]).catch(() => {})
          : undefined;
      try {
        await importIati(database.db, {
          source: { bytes: chunksOf(content) },
          fileName: record.file_name,
          sizeBytes: Number(record.size_bytes),
          origin: 'web',
          importId,
          createdBy: record.created_by,
          readOptions: { maxBytes: options.maxBytes },
          ...(onProgress ? { onProgress } : {}),
        });
      } catch (error) {
        if (!isIatiFileError(error)) throw error;
        await recordIatiRefusal(database.db, {
          importId, fileName: record.file_name, sizeBytes: content.length, origin: 'web',
          error: { code: error.code, reason: error.reason, line: error.line, column: error.column },
        });
      }
      // The file has served its purpose; the summary stays.
      await query('delete from iati_import_files where import_id = $1', [importId]);
    },
    async failed(job, message, { database }) {
      await rawQuery(database.db)(`update iati_imports set status = 'failed', error = $2::jsonb, finished_at = now() where id = $1`, [
        String(job.payload.importId),
        JSON.stringify({ code: 'failed', reason: message, line: 0, column: 0 }),
      ]);
    },
  };
}
