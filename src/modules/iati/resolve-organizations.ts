// Finds the registry organization behind each organisation named in an IATI file: by identifier,
// else by normalized name, else a new one. The whole registry is indexed in memory once per
// import (two maps of strings), so a file with a million references costs no query per reference.
import { randomUUID } from 'node:crypto';
import { organisationTypes } from './codes.generated.js';
import { normalizeOrganizationName, usableIdentifier } from './normalize-name.js';
import { pickNarrative } from './map-activity.js';
import { insertUnnest, type RawQuery } from './raw-sql.js';
import type { IatiNarrative } from './types.js';

const knownTypes = new Set(organisationTypes.map((type) => type.code));

export type OrganizationReference = { ref: string | null; type: string | null; name: IatiNarrative[] };

export type OrganizationResolver = {
  /** The organization's id, or null when the reference has neither a usable identifier nor a name. */
  resolve(reference: OrganizationReference, lang: string | null): string | null;
  /** Counts an existing organization as matched without creating anything (activities left unchanged). */
  observe(reference: OrganizationReference, lang: string | null): void;
  /** Writes the organizations created since the last call (before rows that refer to them). */
  flush(): Promise<void>;
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

  return {
    resolve(reference, lang) {
      const identifier = usableIdentifier(reference.ref);
      const name = pickNarrative(reference.name, lang);
      const identifierKey = identifier?.toLowerCase();
      const nameKey = name ? normalizeOrganizationName(name) : '';
      let id = (identifierKey && byIdentifier.get(identifierKey)) || (nameKey !== '' ? byName.get(nameKey) : undefined);
      if (id === undefined) {
        if (!identifier && nameKey === '') return null;
        id = randomUUID();
        created += 1;
        const type = reference.type && knownTypes.has(reference.type) ? reference.type : null;
        pending.push([id, name ?? identifier, identifier, type, JSON.stringify({ kind: 'iati', ref: reference.ref })]);
        if (nameKey !== '') byName.set(nameKey, id);
      } else if (preexisting.has(id)) {
        matched.add(id);
      }
      // Later references by this identifier find the same organization, even if matched by name.
      if (identifierKey && !byIdentifier.has(identifierKey)) byIdentifier.set(identifierKey, id);
      return id;
    },
    observe(reference, lang) {
      const identifierKey = usableIdentifier(reference.ref)?.toLowerCase();
      const name = pickNarrative(reference.name, lang);
      const nameKey = name ? normalizeOrganizationName(name) : '';
      const id = (identifierKey && byIdentifier.get(identifierKey)) || (nameKey !== '' ? byName.get(nameKey) : undefined);
      if (id !== undefined && preexisting.has(id)) matched.add(id);
    },
    async flush() {
      if (pending.length === 0) return;
      const rows = pending;
      pending = [];
      await insertUnnest(query, 'organizations', [['id', 'uuid'], ['name', 'text'], ['identifier', 'text'], ['type', 'text'], ['source', 'jsonb']], rows);
    },
    counts: () => ({ created, matched: matched.size }),
  };
}
