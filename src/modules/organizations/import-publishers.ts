import { decodeHTML } from 'entities';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { countryCodes, organisationTypeCodes } from './codes.js';
import { checkIdentifier } from './identifiers.js';

/** One publisher of the IATI Registry's publisher list, as far as the registry uses it. */
type PublisherEntry = {
  id?: unknown;
  short_name?: unknown;
  Publisher?: unknown;
  'IATI Organisation Identifier'?: unknown;
  organisation_type?: unknown;
  hq_country?: unknown;
  website?: unknown;
};

export type PublisherImportSummary = {
  entries: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Entries sharing an identifier, imported as one organization. */
  mergedDuplicates: Array<{ identifier: string; names: string[] }>;
  skipped: Array<{ index: number; reason: string }>;
  /** How many kept entries lacked something or needed fixing (none of these stop the import). */
  leniency: { missingType: number; missingCountry: number; invalidType: number; invalidCountry: number; decodedNames: number; unknownPrefix: number; malformedIdentifier: number; invalidWebsite: number };
};

type Planned = {
  name: string;
  otherNames: string[];
  identifier: string | null;
  type: string | null;
  country: string | null;
  website: string | null;
  source: { registry: 'iati-registry'; registryIds: string[]; shortNames: string[] };
};

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Imports the IATI Registry's publisher list as organizations, leniently and idempotently:
 * entries with the same identifier become one organization; a publisher already imported (same
 * identifier, or same registry id) is completed, never overwritten, so local edits survive and
 * a second run changes nothing.
 */
export async function importPublishers(db: Database, entries: unknown[]): Promise<PublisherImportSummary> {
  const summary: PublisherImportSummary = {
    entries: entries.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    mergedDuplicates: [],
    skipped: [],
    leniency: { missingType: 0, missingCountry: 0, invalidType: 0, invalidCountry: 0, decodedNames: 0, unknownPrefix: 0, malformedIdentifier: 0, invalidWebsite: 0 },
  };
  const byKey = new Map<string, Planned>();
  for (const [index, raw] of entries.entries()) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      summary.skipped.push({ index, reason: 'is not a publisher record' });
      continue;
    }
    const entry = raw as PublisherEntry;
    const rawName = text(entry.Publisher);
    const name = decodeHTML(rawName).replace(/\s+/g, ' ').trim();
    if (decodeHTML(rawName) !== rawName) summary.leniency.decodedNames += 1;
    if (!name) {
      summary.skipped.push({ index, reason: 'has no publisher name' });
      continue;
    }
    let identifier: string | null = text(entry['IATI Organisation Identifier']) || null;
    if (identifier) {
      const check = checkIdentifier(identifier);
      if (!check.ok) {
        summary.leniency.malformedIdentifier += 1;
        identifier = null;
      } else if (!check.prefix) {
        summary.leniency.unknownPrefix += 1;
      }
    }
    const type = text(entry.organisation_type);
    if (!type) summary.leniency.missingType += 1;
    else if (!organisationTypeCodes.has(type)) summary.leniency.invalidType += 1;
    const country = text(entry.hq_country).toUpperCase();
    if (!country) summary.leniency.missingCountry += 1;
    else if (!countryCodes.has(country)) summary.leniency.invalidCountry += 1;
    const website = text(entry.website);
    const validWebsite = /^https?:\/\/\S+\.\S+$/i.test(website);
    if (website && !validWebsite) summary.leniency.invalidWebsite += 1;
    const registryId = text(entry.id);
    const shortName = text(entry.short_name);

    const key = identifier ? `identifier:${identifier.toUpperCase()}` : `registry:${registryId || shortName || name}`;
    const existing = byKey.get(key);
    if (existing) {
      // The same organization published twice: keep the first record, remember the other names.
      if (existing.name !== name && !existing.otherNames.includes(name)) existing.otherNames.push(name);
      existing.type ??= organisationTypeCodes.has(type) ? type : null;
      existing.country ??= countryCodes.has(country) ? country : null;
      existing.website ??= validWebsite ? website : null;
      if (registryId) existing.source.registryIds.push(registryId);
      if (shortName) existing.source.shortNames.push(shortName);
      const shared = identifier ?? key;
      const duplicate = summary.mergedDuplicates.find((item) => item.identifier === shared);
      if (duplicate) duplicate.names.push(name);
      else summary.mergedDuplicates.push({ identifier: shared, names: [existing.name, name] });
      continue;
    }
    byKey.set(key, {
      name,
      otherNames: [],
      identifier,
      type: organisationTypeCodes.has(type) ? type : null,
      country: countryCodes.has(country) ? country : null,
      website: validWebsite ? website : null,
      source: { registry: 'iati-registry', registryIds: registryId ? [registryId] : [], shortNames: shortName ? [shortName] : [] },
    });
  }

  const planned = [...byKey.values()];
  await db.transaction(async (tx) => {
    const identifiers = planned.flatMap((item) => (item.identifier ? [item.identifier.toUpperCase()] : []));
    const registryIds = planned.flatMap((item) => item.source.registryIds);
    const existingByIdentifier = new Map<string, typeof organizations.$inferSelect>();
    const existingByRegistryId = new Map<string, typeof organizations.$inferSelect>();
    for (let start = 0; start < identifiers.length; start += 1000) {
      const rows = await tx.select().from(organizations).where(and(isNull(organizations.deletedAt), inArray(sql`upper(${organizations.identifier})`, identifiers.slice(start, start + 1000))));
      for (const row of rows) existingByIdentifier.set(row.identifier!.toUpperCase(), row);
    }
    if (registryIds.length > 0) {
      const rows = await tx.select().from(organizations).where(and(isNull(organizations.deletedAt), sql`${organizations.source}->>'registry' = 'iati-registry'`));
      for (const row of rows) {
        const ids = (row.source as { registryIds?: string[] } | null)?.registryIds ?? [];
        for (const id of ids) existingByRegistryId.set(id, row);
      }
    }

    const toInsert: Array<typeof organizations.$inferInsert> = [];
    for (const item of planned) {
      const existing =
        (item.identifier ? existingByIdentifier.get(item.identifier.toUpperCase()) : undefined) ??
        item.source.registryIds.map((id) => existingByRegistryId.get(id)).find(Boolean);
      if (!existing) {
        toInsert.push({ name: item.name, otherNames: item.otherNames, identifier: item.identifier, type: item.type, country: item.country, website: item.website, source: item.source });
        continue;
      }
      // Complete what is missing; never overwrite what the instance already knows.
      const otherNames = [...existing.otherNames, ...[item.name, ...item.otherNames].filter((name) => name !== existing.name && !existing.otherNames.includes(name))];
      const changes = {
        ...(existing.identifier === null && item.identifier ? { identifier: item.identifier } : {}),
        ...(existing.type === null && item.type ? { type: item.type } : {}),
        ...(existing.country === null && item.country ? { country: item.country } : {}),
        ...(existing.website === null && item.website ? { website: item.website } : {}),
        ...(otherNames.length !== existing.otherNames.length ? { otherNames } : {}),
        ...(existing.source === null ? { source: item.source } : {}),
      };
      if (Object.keys(changes).length === 0) {
        summary.unchanged += 1;
        continue;
      }
      await tx.update(organizations).set({ ...changes, updatedAt: new Date(), version: sql`${organizations.version} + 1` }).where(eq(organizations.id, existing.id));
      summary.updated += 1;
    }
    for (let start = 0; start < toInsert.length; start += 500) {
      await tx.insert(organizations).values(toInsert.slice(start, start + 500));
    }
    summary.created = toInsert.length;
  });
  return summary;
}
