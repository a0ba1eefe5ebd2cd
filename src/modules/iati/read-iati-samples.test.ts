// Every real sample file, read by the reader and counted independently with regular expressions
// over the raw text (comments removed), so that a bug in the reader cannot hide in both counts.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIatiFile } from './read-iati-file.js';
import { summarizeIatiImport } from './summarize-iati-import.js';
import { sharedData } from './test-helpers.js';

const samplesDir = new URL('iati-samples/', sharedData);
const files = readdirSync(samplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) => readdirSync(new URL(`${dir.name}/`, samplesDir)).filter((name) => name.endsWith('.xml')).map((name) => `${dir.name}/${name}`))
  .sort();

// Written out here rather than imported, so the count does not share the reader's mapping.
const roleNames: Record<string, 'funding' | 'accountable' | 'extending' | 'implementing'> = {
  '1': 'funding',
  funding: 'funding',
  '2': 'accountable',
  accountable: 'accountable',
  '3': 'extending',
  extending: 'extending',
  '4': 'implementing',
  implementing: 'implementing',
};

// Activity counts as published in ../shared/data/README.md.
const publishedActivityCounts: Record<string, number> = {
  'bilateral/usg-big_value-1.0.xml': 198,
  'bilateral/dfid-AF-2011-1.01.xml': 247,
  'bilateral/dfid-ZW-2011-1.01.xml': 121,
  'bilateral/unitedstates-tz-1.0.xml': 263,
  'multilateral/worldbank-tz-1.01.xml': 59,
  'ingo/cafod-1.00.xml': 57,
};

function countIndependently(text: string) {
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  const count = (pattern: RegExp): number => body.match(pattern)?.length ?? 0;
  const participations = { funding: 0, accountable: 0, extending: 0, implementing: 0 };
  for (const tag of body.match(/<participating-org\b[^>]*>/g) ?? []) {
    const role = /\brole\s*=\s*["']([^"']*)["']/.exec(tag)?.[1]?.trim().toLowerCase() ?? '';
    const name = roleNames[role];
    if (name) participations[name] += 1;
  }
  return {
    activities: count(/<iati-activity[\s>]/g),
    participations,
    transactions: count(/<transaction[\s/>]/g),
    budgets: count(/<budget[\s/>]/g),
  };
}

describe('reading the real IATI samples', () => {
  it('finds the sample files', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(files)('%s: counts match an independent count of the elements', async (file) => {
    const path = new URL(file, samplesDir);
    const expected = countIndependently(readFileSync(path, 'utf8'));
    const summary = await summarizeIatiImport(readIatiFile(path.pathname));
    expect(summary.activities + summary.skipped.length).toBe(expected.activities);
    expect(summary.participations).toEqual(expected.participations);
    expect(summary.transactions).toBe(expected.transactions);
    expect(summary.budgets).toBe(expected.budgets);
    expect(summary.skipped).toEqual([]);
    const published = publishedActivityCounts[file];
    if (published !== undefined) expect(summary.activities).toBe(published);
  });

  it('maps a 1.0 file with lower-case roles and letter transaction types to 2.x codes', async () => {
    const path = new URL('bilateral/usg-big_value-1.0.xml', samplesDir).pathname;
    for await (const item of readIatiFile(path)) {
      if (item.kind !== 'activity') continue;
      expect(item.activity.version).toBe('1.0');
      expect(item.activity.participatingOrgs.map((organisation) => organisation.role).sort()).toEqual(['1', '3', '4']);
      expect(item.activity.transactions.map((transaction) => transaction.type).sort()).toEqual(['2', '3']);
      return;
    }
    throw new Error('no activity read');
  });

  it('reads a 2.03 file with narratives in English and French', async () => {
    const path = new URL('bilateral/canada-2.03.xml', samplesDir).pathname;
    const langs = new Set<string | null>();
    for await (const item of readIatiFile(path)) {
      if (item.kind !== 'activity') continue;
      expect(item.activity.version).toBe('2.03');
      for (const narrative of item.activity.title) langs.add(narrative.lang);
      expect(item.activity.reportingOrg?.ref).toBe('CA-3');
    }
    expect([...langs].sort()).toEqual(['en', 'fr']);
  });

  it('takes the version from the activity when the root has none, and infers 1.x otherwise', async () => {
    const versions = async (file: string): Promise<string[]> => {
      const found: string[] = [];
      for await (const item of readIatiFile(new URL(file, samplesDir).pathname)) if (item.kind === 'activity') found.push(`${item.activity.version}/${item.activity.versionSource}`);
      return found;
    };
    expect(await versions('multilateral/ifad-2.0x.xml')).toEqual(['2.03/declared']);
    expect(await versions('ingo/worldvision-uk-1.x.xml')).toEqual(['1.x/inferred', '1.x/inferred']);
  });

  it('maps organisation types written as names in 1.01 files', async () => {
    const path = new URL('multilateral/worldbank-ao-1.01.xml', samplesDir).pathname;
    for await (const item of readIatiFile(path)) {
      if (item.kind === 'activity') {
        expect(item.activity.reportingOrg).toMatchObject({ ref: '44000', type: '40' });
        return;
      }
    }
  });
});
