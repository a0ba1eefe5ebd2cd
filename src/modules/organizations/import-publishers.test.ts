import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database.js';
import type { DatabaseHandle } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { importPublishers } from './import-publishers.js';
import { eq, sql } from 'drizzle-orm';

// The real IATI Registry publisher list, kept beside the repository.
const publishersFile = path.resolve(import.meta.dirname, '../../../../shared/data/iati-samples/registry/iati-registry-publishers.json');
const entries = JSON.parse(fs.readFileSync(publishersFile, 'utf8')) as Array<Record<string, unknown>>;

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('importing the IATI Registry publisher list', () => {
  it('imports every publisher leniently, one organization per identifier', async () => {
    expect(entries).toHaveLength(1908);
    const summary = await importPublishers(database.db, entries);
    const identifiers = new Set(entries.map((entry) => String(entry['IATI Organisation Identifier']).trim().toUpperCase()));
    expect(summary.entries).toBe(1908);
    expect(summary.skipped).toEqual([]);
    // NL-KVK-30285304 is published twice: one organization.
    expect(summary.mergedDuplicates).toEqual([expect.objectContaining({ identifier: 'NL-KVK-30285304' })]);
    expect(summary.created).toBe(identifiers.size);
    expect(summary.leniency.missingType).toBeGreaterThan(0);
    expect(summary.leniency.missingCountry).toBeGreaterThan(0);
    expect(summary.leniency.decodedNames).toBeGreaterThan(0);

    const rows = await database.db.select().from(organizations);
    expect(rows).toHaveLength(identifiers.size);
    expect(rows.some((row) => row.name.includes('&#039;') || row.name.includes('&quot;'))).toBe(false);
    expect(rows.map((row) => row.name)).toContain("African Women's Development Fund");
    const withoutType = rows.filter((row) => row.type === null);
    expect(withoutType.length).toBe(summary.leniency.missingType + summary.leniency.invalidType);
  });

  it('changes nothing when run again, and completes without overwriting local edits', async () => {
    const [first] = await database.db.select().from(organizations).where(eq(organizations.identifier, 'GB-COH-13697512'));
    await database.db.update(organizations).set({ name: 'Locally Renamed', country: null }).where(eq(organizations.id, first!.id));
    const before = await database.db.select({ count: sql<number>`count(*)::int` }).from(organizations);
    const summary = await importPublishers(database.db, entries);
    expect(summary.created).toBe(0);
    expect(summary.updated).toBe(1);
    const [after] = await database.db.select().from(organizations).where(eq(organizations.id, first!.id));
    expect(after).toMatchObject({ name: 'Locally Renamed', country: 'GB' });
    expect(after!.otherNames).toContain('2X Global Limited');
    const again = await importPublishers(database.db, entries);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: summary.unchanged + 1 });
    const afterCount = await database.db.select({ count: sql<number>`count(*)::int` }).from(organizations);
    expect(afterCount[0]!.count).toBe(before[0]!.count);
  });

  it('skips entries that cannot be organizations and says why', async () => {
    const summary = await importPublishers(database.db, [{ Publisher: '' }, 'nonsense', { Publisher: 'Brand &amp; New', 'IATI Organisation Identifier': 'not an id', organisation_type: 'NGO', hq_country: 'Narnia' }]);
    expect(summary.skipped).toEqual([
      { index: 0, reason: 'has no publisher name' },
      { index: 1, reason: 'is not a publisher record' },
    ]);
    expect(summary.leniency).toMatchObject({ malformedIdentifier: 1, invalidType: 1, invalidCountry: 1, decodedNames: 1 });
    const [created] = await database.db.select().from(organizations).where(eq(organizations.name, 'Brand & New'));
    expect(created).toMatchObject({ identifier: null, type: null, country: null });
  });
});
