import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { budgetLines, organizations, planTasks, programmeMembers, programmes, taskAssignments } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { bundleSections, type ExportContext } from './bundle-sections.js';
import { BUNDLE_FORMAT, type ProgrammeBundle } from './schema.js';

/** Makes a readable bundle ref from an organization's name: "Tiwindi Community Association" → "tiwindi-community-association". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'organization';
}

/**
 * Exports a whole programme as a `consortia.programme-bundle/1` document. Refs are made from
 * organization names so that export → import → export gives the same bundle. With
 * `budgetOrganizationId`, only that organization's budget lines are included (for readers who may
 * not see the whole budget).
 */
export async function exportBundle(db: Database, options: { programmeId: string; budgetOrganizationId?: string | null }): Promise<ProgrammeBundle> {
  return (await exportBundleWithRefs(db, options)).bundle;
}

/** Like exportBundle, and also gives the bundle ref of each organization id (for analyses joined to other tables). */
export async function exportBundleWithRefs(
  db: Database,
  options: { programmeId: string; budgetOrganizationId?: string | null },
): Promise<{ bundle: ProgrammeBundle; refOf: ReadonlyMap<string, string> }> {
  const [programme] = await db.select().from(programmes).where(eq(programmes.id, options.programmeId)).limit(1);
  if (!programme) throw notFound('Programme');

  // Refs are assigned in a stable order (name, identifier) over every organization the programme involves.
  const involved = await db
    .select({ id: organizations.id, name: organizations.name, identifier: organizations.identifier, type: organizations.type, country: organizations.country, scope: organizations.scope })
    .from(organizations)
    .where(
      inArray(
        organizations.id,
        sql`(select ${programmeMembers.organizationId} from ${programmeMembers} where ${programmeMembers.programmeId} = ${programme.id}
          union select ${taskAssignments.organizationId} from ${taskAssignments} join ${planTasks} on ${planTasks.id} = ${taskAssignments.taskId} where ${planTasks.programmeId} = ${programme.id}
          union select ${budgetLines.organizationId} from ${budgetLines} where ${budgetLines.programmeId} = ${programme.id})`,
      ),
    );
  const known = new Map(involved.map((row) => [row.id, row]));
  const refs = new Map<string, string>();
  const used = new Set<string>();
  const assign = (id: string, name: string) => {
    const base = slugify(name);
    let ref = base;
    for (let suffix = 2; used.has(ref); suffix += 1) ref = `${base}-${suffix}`;
    used.add(ref);
    refs.set(id, ref);
    return ref;
  };
  for (const row of [...involved].sort((a, b) => a.name.localeCompare(b.name) || (a.identifier ?? '').localeCompare(b.identifier ?? '') || a.id.localeCompare(b.id))) assign(row.id, row.name);

  const referenced = new Set<string>();
  const pending = new Set<string>();
  const context: ExportContext = {
    programmeId: programme.id,
    budgetOrganizationId: options.budgetOrganizationId ?? null,
    meetingRefs: new Map(),
    refFor: (organizationId) => {
      referenced.add(organizationId);
      const ref = refs.get(organizationId);
      if (ref) return ref;
      // An organization a later section refers to (a meeting's guest...): named after its id until loaded.
      pending.add(organizationId);
      return assign(organizationId, `org-${organizationId.slice(0, 8)}`);
    },
  };

  const bundle: ProgrammeBundle = {
    format: BUNDLE_FORMAT,
    programme: {
      ref: programme.ref,
      title: programme.title,
      start: programme.startDate ?? programme.createdAt.toISOString().slice(0, 10),
      end: programme.endDate ?? programme.startDate ?? programme.createdAt.toISOString().slice(0, 10),
      currency: programme.currency,
      countries: programme.countries,
      budgetTransparent: programme.budgetTransparent,
      ...(programme.summary ? { summary: programme.summary } : {}),
      ...(programme.status !== 'identification' ? { status: programme.status } : {}),
      ...(programme.localities.length ? { localities: programme.localities } : {}),
      ...(programme.sectors.length ? { sectors: programme.sectors } : {}),
      ...(programme.donors.length ? { donors: programme.donors } : {}),
      ...(programme.logframe ? { logframe: programme.logframe } : {}),
    },
    organizations: [],
    members: [],
    tasks: [],
    budget: [],
    meetings: [],
    decisions: [],
    interactions: [],
    learning: [],
    ratings: [],
  };
  for (const section of bundleSections) await section.exportFrom(db, context, bundle);

  if (pending.size > 0) {
    const rows = await db
      .select({ id: organizations.id, name: organizations.name, identifier: organizations.identifier, type: organizations.type, country: organizations.country, scope: organizations.scope })
      .from(organizations)
      .where(inArray(organizations.id, [...pending]));
    for (const row of rows) known.set(row.id, row);
  }
  bundle.organizations = [...referenced]
    .map((id) => {
      const row = known.get(id)!;
      return {
        ref: refs.get(id)!,
        name: row.name,
        ...(row.identifier ? { identifier: row.identifier } : {}),
        ...(row.type ? { type: row.type } : {}),
        ...(row.country ? { country: row.country } : {}),
        ...(row.scope ? { scope: row.scope } : {}),
      };
    })
    .sort((a, b) => a.ref.localeCompare(b.ref));
  return { bundle, refOf: refs };
}
