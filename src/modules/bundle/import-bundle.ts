import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, programmes, programmeUsers } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { bundleSections, type ImportContext } from './bundle-sections.js';
import type { BundleOrganization, ProgrammeBundle } from './schema.js';
import { validateBundle, type BundleIssue } from './validate-bundle.js';

export type ImportResult = { programmeId: string; warnings: BundleIssue[]; organizationsCreated: number; organizationsMatched: number };

/**
 * Imports a programme bundle as a new programme, all or nothing: a bundle that does not fit is
 * refused with each error (JSON pointer, unknown references), a used programme ref is 409.
 * Organizations are matched by their IATI identifier, else created. The importing user (if any)
 * becomes a manager of the programme without their organization joining the consortium.
 */
export async function importBundle(db: Database, options: { input: unknown; importedBy: string | null }): Promise<ImportResult> {
  const validation = validateBundle(options.input);
  if (!validation.ok) {
    throw new AppError('validation_failed', `The bundle does not fit the programme bundle format (${validation.errors.length} error(s))`, { details: validation.errors });
  }
  const { bundle, warnings } = validation;
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.ref, bundle.programme.ref)).limit(1);
    if (taken) {
      throw new AppError('conflict', `A programme with reference ${bundle.programme.ref} already exists`, { details: [{ pointer: '/programme/ref', message: 'is already used', value: bundle.programme.ref }] });
    }
    const { organizationIds, created } = await resolveOrganizations(tx, bundle.organizations);
    const [programme] = await tx
      .insert(programmes)
      .values({
        ref: bundle.programme.ref,
        title: bundle.programme.title,
        startDate: bundle.programme.start.slice(0, 10),
        endDate: bundle.programme.end.slice(0, 10),
        currency: bundle.programme.currency,
        countries: bundle.programme.countries,
        budgetTransparent: bundle.programme.budgetTransparent,
        summary: bundle.programme.summary ?? null,
        ...(bundle.programme.status ? { status: bundle.programme.status } : {}),
        localities: bundle.programme.localities ?? [],
        sectors: bundle.programme.sectors ?? [],
        donors: bundle.programme.donors ?? [],
        logframe: bundle.programme.logframe ?? null,
        createdBy: options.importedBy,
      })
      .returning({ id: programmes.id });
    const programmeId = programme!.id;
    if (options.importedBy) await tx.insert(programmeUsers).values({ programmeId, userId: options.importedBy, role: 'manager' });
    const context: ImportContext = { programmeId, programmeStart: bundle.programme.start.slice(0, 10), organizationIds, importedBy: options.importedBy, meetingIds: new Map() };
    for (const section of bundleSections) await section.importInto(tx, context, bundle);
    return { programmeId, warnings, organizationsCreated: created, organizationsMatched: bundle.organizations.length - created };
  });
}

/** Finds each bundle organization by identifier, or creates it; returns the ids by bundle ref. */
async function resolveOrganizations(db: Database, list: ProgrammeBundle['organizations']) {
  const identifiers = [...new Set(list.map((organization) => organization.identifier).filter((value): value is string => value !== undefined))];
  const existing = identifiers.length
    ? await db
        .select({ id: organizations.id, identifier: organizations.identifier })
        .from(organizations)
        .where(and(inArray(organizations.identifier, identifiers), isNull(organizations.deletedAt)))
    : [];
  const byIdentifier = new Map(existing.map((row) => [row.identifier!, row.id]));
  const organizationIds = new Map<string, string>();
  const toCreate: BundleOrganization[] = [];
  for (const organization of list) {
    const id = organization.identifier ? byIdentifier.get(organization.identifier) : undefined;
    if (id) organizationIds.set(organization.ref, id);
    else toCreate.push(organization);
  }
  // Two refs with the same new identifier become one organization (the identifier is unique).
  const createdByIdentifier = new Map<string, string>();
  let created = 0;
  for (const organization of toCreate) {
    const shared = organization.identifier ? createdByIdentifier.get(organization.identifier) : undefined;
    if (shared) {
      organizationIds.set(organization.ref, shared);
      continue;
    }
    const [row] = await db
      .insert(organizations)
      .values({
        name: organization.name,
        identifier: organization.identifier ?? null,
        type: organization.type === undefined ? null : String(organization.type),
        country: organization.country ?? null,
        scope: organization.scope ?? null,
      })
      .returning({ id: organizations.id });
    organizationIds.set(organization.ref, row!.id);
    if (organization.identifier) createdByIdentifier.set(organization.identifier, row!.id);
    created += 1;
  }
  return { organizationIds, created };
}
