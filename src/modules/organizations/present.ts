import type { organizations } from '../../db/schema/index.js';

type OrganizationRow = typeof organizations.$inferSelect;

/** An organization in lists, pickers and duplicate reports. */
export function presentOrganizationSummary(row: Pick<OrganizationRow, 'id' | 'name' | 'acronym' | 'identifier' | 'type' | 'country' | 'scope' | 'sectors' | 'deletedAt'>) {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    identifier: row.identifier,
    type: row.type,
    country: row.country,
    scope: row.scope,
    sectors: row.sectors,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/** The shared profile of an organization. */
export function presentOrganization(row: OrganizationRow) {
  return {
    ...presentOrganizationSummary(row),
    otherNames: row.otherNames,
    competences: row.competences,
    areasOfInfluence: row.areasOfInfluence,
    mission: row.mission,
    values: row.values,
    website: row.website,
    notes: row.notes,
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
