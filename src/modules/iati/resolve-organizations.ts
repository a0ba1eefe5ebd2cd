// Finds the registry organization behind each organisation named in an IATI file: by identifier,
// else by normalized name, else a new one. The whole registry is indexed in memory once per
// import (two maps of strings), so a file with a million references costs no query per reference.
// A reference is first turned into its key (the costly part: picking the name, normalizing it),
// which the import does while the database writes the previous batch; resolving a key is then
// two map look-ups.
import { randomUUID } from 'node:crypto';
import { organisationTypes } from './codes.generated.js';
import { normalizeOrganizationName, usableIdentifier } from './normalize-name.js';
import { pickNarrative } from './map-activity.js';
import type { RawQuery } from '../../db/raw-query.js';
import { sendUnnest } from './raw-sql.js';
import type { IatiNarrative } from './types.js';

const knownTypes = new Set(organisationTypes.map((type) => type.code));

export type OrganizationReference = { ref: string | null; type: string | null; name: IatiNarrative[] };

/** What matching needs of a reference; null when it has neither a usable identifier nor a name. */
export type OrganizationKey = {
  ref: string | null;
  type: string | null;
  identifier: string | null;
  identifierKey: string | null;
  name: string | null;
  nameKey: string;
};

// Names repeat from one activity to the next (a few organisations take part in most): their
// normalized forms are kept, up to a bound so that memory stays flat on any file.
const nameCacheLimit = 50_000;
const nameCache = new Map<string, string>();

function nameKeyOf(name: string): string {
  let key = nameCache.get(name);
  if (key === undefined) {
    if (nameCache.size >= nameCacheLimit) nameCache.clear();
    key = normalizeOrganizationName(name);
    nameCache.set(name, key);
  }
  return key;
}

/** The matching key of a reference (no database, no state): identifier and normalized name. */
export function organizationKeyOf(reference: OrganizationReference, lang: string | null): OrganizationKey | null {
  const identifier = usableIdentifier(reference.ref);
  const name = pickNarrative(reference.name, lang);
  const nameKey = name ? nameKeyOf(name) : '';
  if (!identifier && nameKey === '') return null;
  return { ref: reference.ref, type: reference.type, identifier, identifierKey: identifier ? identifier.toLowerCase() : null, name, nameKey };
}

export type OrganizationResolver = {
  /** The organization's id for a key (created when new), or null for a null key. */
  resolveKey(key: OrganizationKey | null): string | null;
  /** Counts an existing organization as matched without creating anything (activities left unchanged). */
  observeKey(key: OrganizationKey | null): void;
  /** The organization's id, or null when the reference has neither a usable identifier nor a name. */
  resolve(reference: OrganizationReference, lang: string | null): string | null;
  /** Sends the organizations created since the last call through `send` (before rows that refer to them); settles once written. */
  flush(send?: RawQuery): Promise<unknown>;
  counts(): { created: number; matched: number };
};

/** Loads the registry's identifiers and names and returns a resolver for one import. */
export async function createOrganizationResolver(query: RawQuery): Promise<OrganizationResolver> {
  const byIdentifier = new Map<string, string>();
  const byName = new Map<string, string>();
  const existing = await query<{ id: string; identifier: string | null; name: string }>(
    'select id, identifier, name from organizations where deleted_at is null order by created_at, id',
  );
  for (const row of existing) {
    if (row.identifier) byIdentifier.set(row.identifier.trim().toLowerCase(), row.id);
    const key = normalizeOrganizationName(row.name);
    // The oldest organization with a name wins, so the choice does not change from one import to the next.
    if (key !== '' && !byName.has(key)) byName.set(key, row.id);
  }
  const preexisting = new Set(existing.map((row) => row.id));
  const matched = new Set<string>();
  let created = 0;
  let pending: unknown[][] = [];

  const find = (key: OrganizationKey): string | undefined =>
    (key.identifierKey !== null ? byIdentifier.get(key.identifierKey) : undefined) ?? (key.nameKey !== '' ? byName.get(key.nameKey) : undefined);

  const resolveKey = (key: OrganizationKey | null): string | null => {
    if (key === null) return null;
    let id = find(key);
    if (id === undefined) {
      id = randomUUID();
      created += 1;
      const type = key.type && knownTypes.has(key.type) ? key.type : null;
      pending.push([id, key.name ?? key.identifier, key.identifier, type, JSON.stringify({ kind: 'iati', ref: key.ref })]);
      if (key.nameKey !== '') byName.set(key.nameKey, id);
    } else if (preexisting.has(id)) {
      matched.add(id);
    }
    // Later references by this identifier find the same organization, even if matched by name.
    if (key.identifierKey !== null && !byIdentifier.has(key.identifierKey)) byIdentifier.set(key.identifierKey, id);
    return id;
  };

  return {
    resolveKey,
    observeKey(key) {
      if (key === null) return;
      const id = find(key);
      if (id !== undefined && preexisting.has(id)) matched.add(id);
    },
    resolve: (reference, lang) => resolveKey(organizationKeyOf(reference, lang)),
    flush(send = query) {
      const rows = pending;
      pending = [];
      return sendUnnest(send, 'organizations', [['id', 'uuid'], ['name', 'text'], ['identifier', 'text'], ['type', 'text'], ['source', 'jsonb']], rows);
    },
    counts: () => ({ created, matched: matched.size }),
  };
}
