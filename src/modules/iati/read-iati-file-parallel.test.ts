// The parallel reader must give exactly what the one-thread reader gives, positions included,
// and refuse the same files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IatiFileError } from './errors.js';
import { readIatiFileParallel } from './read-iati-file-parallel.js';
import { readIatiFile } from './read-iati-file.js';
import { sharedData } from './test-helpers.js';
import type { IatiReadItem } from './types.js';

const workDir = mkdtempSync(join(tmpdir(), 'iati-parallel-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function collect(items: AsyncIterable<IatiReadItem>): Promise<unknown[]> {
  const found: unknown[] = [];
  for await (const item of items) found.push({ ...item, bytesRead: 0 });
  return found;
}

const samples = ['bilateral/dfid-AF-2011-1.01.xml', 'bilateral/beis-2.03.xml', 'ingo/cafod-1.00.xml', 'multilateral/globalfund-single_activity-1.x.xml', 'bilateral/unitedstates-tz-1.0.xml'];

describe('reading a file on several threads', () => {
  it.each(samples)('%s: gives the same items and positions as one thread', async (sample) => {
    const path = new URL(`iati-samples/${sample}`, sharedData).pathname;
    const parallel = await collect(readIatiFileParallel(path, { threads: 2, segmentBytes: 8 * 1024 }));
    expect(parallel).toEqual(await collect(readIatiFile(path)));
  });

  it('does not cut inside a comment that mentions an activity', async () => {
    const activity = (id: string): string => `<iati-activity>\n<iati-identifier>${id}</iati-identifier>\n</iati-activity>\n`;
    const xml = `<iati-activities version="2.03">\n${activity('A').repeat(50)}<!-- <iati-activity> old -->\n${activity('B').repeat(50)}</iati-activities>\n`;
    const path = join(workDir, 'comment.xml');
    writeFileSync(path, xml);
    const parallel = await collect(readIatiFileParallel(path, { threads: 2, segmentBytes: 256 }));
    expect(parallel).toHaveLength(100);
    expect(parallel).toEqual(await collect(readIatiFile(path)));
  });

  it('refuses a malformed activity deep in the file, at the same line', async () => {
    const activity = (id: string): string => `<iati-activity>\n<iati-identifier>${id}</iati-identifier>\n</iati-activity>\n`;
    const xml = `<iati-activities version="2.03">\n${activity('A').repeat(40)}<iati-activity><iati-identifier>X</iati-activity>\n${activity('B').repeat(40)}</iati-activities>\n`;
    const path = join(workDir, 'broken.xml');
    writeFileSync(path, xml);
    const failure = async (items: AsyncIterable<IatiReadItem>): Promise<IatiFileError> => {
      try {
        await collect(items);
      } catch (error) {
        if (error instanceof IatiFileError) return error;
        throw error;
      }
      throw new Error('accepted');
    };
    const parallel = await failure(readIatiFileParallel(path, { threads: 2, segmentBytes: 512 }));
    const single = await failure(readIatiFile(path));
    expect(parallel.code).toBe('not-well-formed');
    expect([parallel.line, parallel.column]).toEqual([single.line, single.column]);
  });

  it('refuses a truncated file', async () => {
    const xml = `<iati-activities version="2.03">\n${'<iati-activity><iati-identifier>A</iati-identifier></iati-activity>\n'.repeat(100)}`;
    const path = join(workDir, 'truncated.xml');
    writeFileSync(path, xml);
    await expect(collect(readIatiFileParallel(path, { threads: 2, segmentBytes: 512 }))).rejects.toMatchObject({ code: 'truncated' });
  });
});
