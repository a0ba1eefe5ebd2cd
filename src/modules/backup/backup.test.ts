import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database.js';
import type { DatabaseHandle } from '../../db/client.js';
import { appraisalFiles, appraisals, organizations } from '../../db/schema/index.js';
import { seedDemo } from '../demo/seed-demo.js';
import { rawQuery } from '../../db/raw-query.js';
import { backupDatabase } from './backup-database.js';
import { restoreDatabase } from './restore-database.js';
import { listTables, quoteIdentifier } from './tables.js';

async function snapshot(handle: DatabaseHandle): Promise<Record<string, string[]>> {
  const query = rawQuery(handle.db);
  const result: Record<string, string[]> = {};
  for (const table of await listTables(query)) {
    const order = table.primaryKey.length > 0 ? table.primaryKey.map(quoteIdentifier).join(', ') : '1';
    const rows = await query<{ row: string }>(`select to_jsonb(t)::text as row from ${quoteIdentifier(table.name)} t order by ${order}`);
    result[table.name] = rows.map((row) => row.row);
  }
  return result;
}

describe('backup and restore', () => {
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consortia-backup-'));
  const file = path.join(dir, 'backup.jsonl.gz');

  beforeAll(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase();
    await seedDemo(source.db);
    // Evidence files are bytea: one with every byte value, and a merged organization pointing at its survivor.
    const [appraisal] = await source.db.select({ id: appraisals.id }).from(appraisals).limit(1);
    await source.db.insert(appraisalFiles).values({ appraisalId: appraisal!.id, criterionKey: 'purpose', name: 'bytes.bin', contentType: 'application/octet-stream', sizeBytes: 256, content: Buffer.from(Array.from({ length: 256 }, (_, index) => index)) });
    const [survivor] = await source.db.select({ id: organizations.id }).from(organizations).limit(1);
    await source.db.insert(organizations).values({ id: '00000000-0000-4000-8000-000000000000', name: 'Merged away', mergedIntoId: survivor!.id, deletedAt: new Date() });
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives back every row of every table in an empty database', async () => {
    const header = await backupDatabase(source.db, { file, engine: source.engine });
    expect(header.tables.find((table) => table.name === 'appraisal_files')?.rows).toBeGreaterThan(0);
    const result = await restoreDatabase(target.db, { file, force: false });
    expect(result.warnings).toEqual([]);
    const before = await snapshot(source);
    const after = await snapshot(target);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(before.audit_log!.length).toBeGreaterThan(0);
  });

  it('continues sequences after the restored rows', async () => {
    await target.query(`insert into login_attempts (email, address, succeeded) values ('a@example.org', '127.0.0.1', false)`);
    await target.query(`insert into organizations (name) values ('After the restore')`);
    const [audit] = await target.query<{ count: number }>(`select count(*)::int as count from audit_log where table_name = 'organizations' and new_values->>'name' = 'After the restore'`);
    expect(audit?.count).toBe(1);
  });

  it('refuses a database that is not empty unless forced, and then replaces everything', async () => {
    await expect(restoreDatabase(target.db, { file, force: false })).rejects.toThrow(/not empty/);
    await restoreDatabase(target.db, { file, force: true });
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('refuses a newer format, a newer schema, and a file that is not a backup, changing nothing', async () => {
    const lines = fs.readFileSync(file);
    const newer = path.join(dir, 'newer.gz');
    const header = { format: 'consortia.backup/2', migrations: { count: 1, last: null }, tables: [] };
    fs.writeFileSync(newer, gzipSync(`${JSON.stringify(header)}\n`));
    await expect(restoreDatabase(target.db, { file: newer, force: true })).rejects.toThrow(/newer format/);
    fs.writeFileSync(newer, gzipSync(`${JSON.stringify({ ...header, format: 'consortia.backup/1', migrations: { count: 10_000, last: null } })}\n`));
    await expect(restoreDatabase(target.db, { file: newer, force: true })).rejects.toThrow(/newer version/);
    fs.writeFileSync(newer, 'not gzip');
    await expect(restoreDatabase(target.db, { file: newer, force: true })).rejects.toThrow(/backup/);
    expect(lines.length).toBeGreaterThan(0);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });
});
