import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { CliIo } from '../command.js';
import exportBundleCommand from './export-bundle.js';
import importBundleCommand from './import-bundle.js';

let database: DatabaseHandle;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-cli-'));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), isTTY: false };
  return { io, out, err };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const bundle = {
  format: 'consortia.programme-bundle/1',
  programme: { ref: 'CLI-1', title: 'From the command line', start: '2025-01-01', end: '2025-12-31', currency: 'XOF', countries: ['SN'] },
  organizations: [{ ref: 'a', name: 'Alpha' }, { ref: 'b', name: 'Beta' }],
  members: [{ org: 'a', role: 'lead' }, { org: 'b', role: 'partner' }],
  tasks: [{ ref: 'T1', title: 'One', raci: { a: 'A', b: 'R' } }],
  budget: [{ org: 'b', amount: 1000 }],
};

describe('import-bundle and export-bundle', () => {
  it('imports a file (pure JSON with --json) and exports it back', async () => {
    const file = path.join(folder, 'in.json');
    fs.writeFileSync(file, JSON.stringify(bundle));
    const imported = capture();
    expect(await importBundleCommand.run({ args: [file], values: { json: true }, io: imported.io, db: database.db })).toBe(0);
    const { id, warnings } = JSON.parse(imported.out.join(''));
    expect(warnings).toEqual([]);

    const out = path.join(folder, 'out.json');
    const exported = capture();
    expect(await exportBundleCommand.run({ args: [id, out], values: {}, io: exported.io, db: database.db })).toBe(0);
    const written = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(written.programme).toMatchObject({ ref: 'CLI-1', currency: 'XOF' });
    expect(written.tasks[0].raci).toEqual({ alpha: 'A', beta: 'R' });
  });

  it('refuses a bad bundle with exit 1 and its errors', async () => {
    const file = path.join(folder, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ ...bundle, programme: { ...bundle.programme, ref: 'CLI-2' }, budget: [{ org: 'zeta', amount: 1 }] }));
    const result = capture();
    expect(await importBundleCommand.run({ args: [file], values: { json: true }, io: result.io, db: database.db })).toBe(1);
    expect(JSON.parse(result.out.join('')).errors[0].pointer).toBe('/budget/0/org');
  });

  it('says when the programme does not exist', async () => {
    const result = capture();
    expect(await exportBundleCommand.run({ args: ['00000000-0000-4000-8000-000000000000', path.join(folder, 'x.json')], values: {}, io: result.io, db: database.db })).toBe(1);
    expect(result.err.join('')).toMatch(/No programme/);
  });
});
