// Imports one IATI file into the database in ONE transaction: each activity becomes an imported
// programme with its consortium, and the file's transactions, budgets, countries, sectors and
// related activities are kept. An IatiFileError anywhere rolls everything back.
import type { Database } from '../../db/client.js';
import { addWriteCounts, emptyWriteCounts, recordImportAudit, startBulkImport } from './audit-iati-import.js';
import { createOrganizationResolver } from './resolve-organizations.js';
import { rawQuery } from '../../db/raw-query.js';
import { readIatiActivities, type IatiByteSource } from './read-iati-activities.js';
import { createIatiSummaryBuilder } from './summarize-iati-import.js';
import { queueActivityBatch } from './write-activities.js';
import { prepareActivity, type PreparedActivity } from './prepare-activity.js';
import type { IatiImportSummary, IatiReadItem, IatiReadOptions } from './types.js';

export type ImportIatiOptions = {
  /** The file's bytes, or items already read (e.g. by the parallel reader). */
  source: { bytes: IatiByteSource } | { items: AsyncIterable<IatiReadItem> };
  fileName: string;
  sizeBytes: number;
  origin: 'cli' | 'web';
  /** Completes this queued import record (web jobs); a new record is made otherwise. */
  importId?: string;
  createdBy?: string | null;
  /** Called as the file is read, at most a few times a second. */
  onProgress?: (bytesRead: number) => void;
  readOptions?: IatiReadOptions;
};

export type ImportIatiResult = { importId: string; summary: IatiImportSummary };

// Activities written per round of INSERTs: large enough to amortise statements, small enough to keep memory flat.
const activitiesPerBatch = 400;
// Batches read ahead of the database: two keep it busy while the next one is prepared.
const batchesInFlight = 2;
// One key for every import: imports are serialised so that two files never create the same organization twice.
const importLockKey = 8_080_808;

/** Imports an IATI file in one transaction and answers its summary; throws IatiFileError (nothing kept) when the file is refused. */
export async function importIati(db: Database, options: ImportIatiOptions): Promise<ImportIatiResult> {
  return db.transaction(async (tx) => {
    const query = rawQuery(tx);
    await query('select pg_advisory_xact_lock($1)', [importLockKey]);
    // One trail row for the whole import instead of one per record (see audit-iati-import.ts).
    await startBulkImport(query);
    let importId = options.importId;
    if (importId === undefined) {
      const [row] = await query<{ id: string }>(
        `insert into iati_imports (file_name, size_bytes, status, source, created_by, started_at) values ($1, $2, 'running', $3, $4, now()) returning id`,
        [options.fileName, options.sizeBytes, options.origin, options.createdBy ?? null],
      );
      importId = row!.id;
    }
    const organizations = await createOrganizationResolver(query);
    const summary = createIatiSummaryBuilder();
    const items = 'items' in options.source ? options.source.items : readIatiActivities(options.source.bytes, options.readOptions);
    let batch: PreparedActivity[] = [];
    let publisher: string | null = null;
    let lastProgressAt = 0;
    const written = emptyWriteCounts();
    // The transaction's client runs statements in call order (src/db/serial-queries.ts, PGlite's own
    // lock), so queued statements keep the database busy. Batches are queued in file order (each is
    // planned by a query queued behind the previous batch's writes); at most `batchesInFlight` are
    // read ahead of the database, which keeps memory flat.
    let lastQueued: Promise<unknown> = Promise.resolve();
    const inFlight: Array<Promise<void>> = [];
    const write = (activities: PreparedActivity[]): Promise<unknown> => {
      const queued = lastQueued.then(() => queueActivityBatch(query, { activities, organizations, importId: importId!, createdBy: options.createdBy ?? null }));
      lastQueued = queued;
      const done = queued.then(async ({ written: counts }) => addWriteCounts(written, await counts));
      // Marked handled here; the failure is rethrown where `done` is awaited.
      done.catch(() => {});
      inFlight.push(done);
      return inFlight.length > batchesInFlight ? inFlight.shift()! : Promise.resolve();
    };
    try {
      for await (const item of items) {
        summary.add(item);
        if (item.kind !== 'activity') continue;
        publisher ??= item.activity.reportingOrg?.ref ?? null;
        // Prepared now, while the database writes the batches before.
        batch.push(prepareActivity(item.activity));
        if (batch.length >= activitiesPerBatch) {
          await write(batch);
          batch = [];
        }
        const now = Date.now();
        if (options.onProgress && now - lastProgressAt > 250) {
          lastProgressAt = now;
          options.onProgress(item.bytesRead);
        }
      }
      await write(batch);
      await Promise.all(inFlight);
    } catch (error) {
      // Let the writes in flight finish before the transaction rolls back.
      await Promise.allSettled(inFlight);
      throw error;
    }
    options.onProgress?.(options.sizeBytes);
    const result = summary.result(organizations.counts());
    await query(
      `update iati_imports set status = 'done', publisher = $2, bytes_read = size_bytes, summary = $3::jsonb, error = null, finished_at = now(), started_at = coalesce(started_at, now()) where id = $1`,
      [importId, publisher, JSON.stringify(result)],
    );
    await recordImportAudit(query, {
      importId, createdBy: options.createdBy ?? null, fileName: options.fileName, origin: options.origin, publisher, counts: written, organizations: result.organizations,
    });
    return { importId, summary: result };
  });
}

/** Records a refused file (nothing of it was imported) so that the imports list says why and where. */
export async function recordIatiRefusal(
  db: Database,
  options: { importId?: string; fileName: string; sizeBytes: number; origin: 'cli' | 'web'; createdBy?: string | null; error: { code: string; reason: string; line: number; column: number } },
): Promise<string> {
  const query = rawQuery(db);
  const error = JSON.stringify(options.error);
  if (options.importId) {
    await query(`update iati_imports set status = 'refused', error = $2::jsonb, summary = null, finished_at = now() where id = $1`, [options.importId, error]);
    return options.importId;
  }
  const [row] = await query<{ id: string }>(
    `insert into iati_imports (file_name, size_bytes, status, source, created_by, error, started_at, finished_at) values ($1, $2, 'refused', $3, $4, $5::jsonb, now(), now()) returning id`,
    [options.fileName, options.sizeBytes, options.origin, options.createdBy ?? null, error],
  );
  return row!.id;
}
