import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { appraisalTemplates, type TemplateDefinition } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { authorize } from '../../lib/policy.js';
import { DEFAULT_TEMPLATE_ID, defaultTemplate } from './content.js';
import { checkTemplateDefinition } from './template-definition.js';

/** A template as the rest of the module sees it: the built-in one or an organization's own. */
export type TemplateRecord = {
  id: string;
  organizationId: string | null;
  copiedFrom: string | null;
  definition: TemplateDefinition;
  version: number;
  updatedAt: Date | null;
};

const builtIn = (): TemplateRecord => ({
  id: DEFAULT_TEMPLATE_ID,
  organizationId: null,
  copiedFrom: null,
  definition: defaultTemplate.definition,
  version: defaultTemplate.version,
  updatedAt: null,
});

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toRecord(row: typeof appraisalTemplates.$inferSelect): TemplateRecord {
  return { id: row.id, organizationId: row.organizationId, copiedFrom: row.copiedFrom, definition: row.definition, version: row.version, updatedAt: row.updatedAt };
}

function assertValid(definition: TemplateDefinition): void {
  const problems = checkTemplateDefinition(definition);
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; '), { details: problems });
  }
}

/** The templates an organization can use: the built-in default first, then its own by title. */
export async function listTemplates(db: Database, options: { actor: Actor }): Promise<TemplateRecord[]> {
  const rows = await db
    .select()
    .from(appraisalTemplates)
    .where(eq(appraisalTemplates.organizationId, options.actor.organizationId))
    .orderBy(asc(sql`coalesce(${appraisalTemplates.definition}->'title'->>'en', ${appraisalTemplates.definition}->'title'->>'fr')`), asc(appraisalTemplates.id));
  return [builtIn(), ...rows.map(toRecord)];
}

/** One template the actor may read (the default, or one of their organization's); others are not found. */
export async function getTemplate(db: Database, options: { actor: Actor; templateId: string }): Promise<TemplateRecord> {
  if (options.templateId === DEFAULT_TEMPLATE_ID) return builtIn();
  if (!UUID_PATTERN.test(options.templateId)) throw notFound('Template');
  const [row] = await db
    .select()
    .from(appraisalTemplates)
    .where(and(eq(appraisalTemplates.id, options.templateId), eq(appraisalTemplates.organizationId, options.actor.organizationId)))
    .limit(1);
  if (!row) throw notFound('Template');
  return toRecord(row);
}

/** Creates a template of the actor's organization from a full definition (weights must add up to 100). */
export async function createTemplate(db: Database, options: { actor: Actor; definition: TemplateDefinition; copiedFrom?: string | null }): Promise<TemplateRecord> {
  assertValid(options.definition);
  const [row] = await db
    .insert(appraisalTemplates)
    .values({ organizationId: options.actor.organizationId, definition: options.definition, copiedFrom: options.copiedFrom ?? null, createdBy: options.actor.userId })
    .returning();
  return toRecord(row!);
}

/** Copies a readable template (the default included) into the actor's organization, titled as a copy. */
export async function copyTemplate(db: Database, options: { actor: Actor; templateId: string; copyLabel: { en: string; fr: string } }): Promise<TemplateRecord> {
  const source = await getTemplate(db, options);
  const title = source.definition.title;
  const definition: TemplateDefinition = {
    ...structuredClone(source.definition),
    title: {
      ...(title.en ? { en: `${options.copyLabel.en} ${title.en}`.slice(0, 300) } : {}),
      ...(title.fr ? { fr: `${options.copyLabel.fr} ${title.fr}`.slice(0, 300) } : {}),
    },
  };
  return createTemplate(db, { actor: options.actor, definition, copiedFrom: source.id });
}

/** Changes parts of an organization's template; refuses the built-in one and stale versions. */
export async function updateTemplate(
  db: Database,
  options: { actor: Actor; templateId: string; version: number; changes: Partial<TemplateDefinition> },
): Promise<TemplateRecord> {
  const current = await getTemplate(db, options);
  authorize(options.actor, 'appraisal-template.edit', { kind: 'appraisal-template', ownerOrganizationId: current.organizationId });
  const definition: TemplateDefinition = { ...current.definition, ...options.changes };
  assertValid(definition);
  const [row] = await db
    .update(appraisalTemplates)
    .set({ definition, updatedAt: new Date(), version: sql`${appraisalTemplates.version} + 1` })
    .where(and(eq(appraisalTemplates.id, current.id), eq(appraisalTemplates.version, options.version)))
    .returning();
  if (!row) throw versionConflict('template', current.version);
  return toRecord(row);
}

/** Deletes an organization's template; appraisals made with it keep their own copy. */
export async function deleteTemplate(db: Database, options: { actor: Actor; templateId: string }): Promise<void> {
  const current = await getTemplate(db, options);
  authorize(options.actor, 'appraisal-template.edit', { kind: 'appraisal-template', ownerOrganizationId: current.organizationId });
  await db.delete(appraisalTemplates).where(eq(appraisalTemplates.id, current.id));
}

/** The 409 of an update made on an older version than the one stored. */
export function versionConflict(what: string, currentVersion: number): AppError {
  return new AppError('version_conflict', `The ${what} was changed by someone else (now version ${currentVersion}); reload it and apply your changes again`, {
    details: [{ pointer: '/version', message: `is not the current version (${currentVersion})`, value: currentVersion }],
  });
}

/** Checks a template reference in a request body, naming the field when it is not usable. */
export async function resolveTemplateReference(db: Database, actor: Actor, templateId: string, pointer: string): Promise<TemplateRecord> {
  try {
    return await getTemplate(db, { actor, templateId });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw invalidField(pointer, 'is not a template your organization can use', templateId);
    throw error;
  }
}
