import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../command.js';
import analyze from './analyze.js';

const scenarios = fileURLToPath(new URL('../../../test/scenarios/', import.meta.url));

function fakeIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, isTTY: false, stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
}

async function runWith(args: string[], values: Record<string, boolean> = {}) {
  const io = fakeIo();
  const status = await analyze.run({ args, values, io });
  return { status, out: io.out.join('\n'), err: io.err.join('\n') };
}

describe('consortia analyze', () => {
  it('prints only the JSON profile with --json and exits 0 even for a nominal verdict', async () => {
    const result = await runWith([join(scenarios, 'nominal-subcontracting.json')], { json: true });
    expect(result.status).toBe(0);
    expect(result.err).toBe('');
    const profile = JSON.parse(result.out) as { verdict: string; dimensions: unknown[] };
    expect(profile.verdict).toBe('nominal');
    expect(profile.dimensions).toHaveLength(8);
  });

  it('prints a readable report with verdict, dimensions, metrics and flag evidence', async () => {
    const result = await runWith([join(scenarios, 'hub-and-spoke.json')]);
    expect(result.status).toBe(0);
    expect(result.out).toContain('Verdict: developing');
    expect(result.out).toMatch(/communication\s+\d+\.\d/);
    expect(result.out).toContain('degree-centralization');
    expect(result.out).toContain('[warning] hub-and-spoke');
    expect(result.out).toContain('evidence: {"centralization":1');
  });

  it('exits 1 with each bundle error and its pointer on stderr', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'consortia-analyze-'));
    const file = join(folder, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'consortia.programme-bundle/1',
        programme: { ref: 'X', title: 'X', start: '2024-01-01', end: '2024-12-31', currency: 'EUR', countries: [] },
        organizations: [{ ref: 'a', name: 'A' }],
        interactions: [{ date: '2024-02-01', from: 'a', to: 'x' }],
        ratings: [{ rater: 'a', ratee: 'y', trust: 3, value: 2 }],
      }),
    );
    const result = await runWith([file], { json: true });
    expect(result.status).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain("/interactions/0/to: unknown organization 'x' at /interactions/0/to");
    expect(result.err).toContain("/ratings/0/ratee: unknown organization 'y' at /ratings/0/ratee");
  });

  it('exits 1 naming a field of the wrong type', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'consortia-analyze-'));
    const file = join(folder, 'typed.json');
    writeFileSync(file, JSON.stringify({ format: 'consortia.programme-bundle/1', programme: { ref: 'X' }, organizations: 'none' }));
    const result = await runWith([file]);
    expect(result.status).toBe(1);
    expect(result.err).toContain('/programme/title');
    expect(result.err).toContain('/organizations');
  });

  it('exits 1 when the file cannot be read or is not JSON', async () => {
    expect((await runWith(['/nonexistent/bundle.json'])).status).toBe(1);
    const folder = mkdtempSync(join(tmpdir(), 'consortia-analyze-'));
    const file = join(folder, 'broken.json');
    writeFileSync(file, '{ not json');
    const result = await runWith([file]);
    expect(result.status).toBe(1);
    expect(result.err).toContain('is not JSON');
  });

  it('throws a usage error without a file', async () => {
    await expect(runWith([])).rejects.toBeInstanceOf(UsageError);
  });

  it('declares that it needs no database', () => {
    expect(analyze).toMatchObject({ name: 'analyze', usage: 'analyze BUNDLE.json [--json]', needsDatabase: false });
  });
});
