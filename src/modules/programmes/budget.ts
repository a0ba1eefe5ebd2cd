import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { budgetLines, organizations, programmeMembers } from '../../db/schema/index.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { summarizeBudget } from './budget-summary.js';
import { assertActiveMember } from './members.js';
import { updateVersioned } from './versioned-update.js';

/**
 * What the viewer may see of a budget: the whole of it, or only their own organization's lines
 * (vendors always; everyone but managers when the programme turned budget transparency off).
 */
export type BudgetVisibility = { whole: true } | { whole: false; organizationId: string };

/** Loads the budget lines the viewer may see, with totals and shares computed over those lines only. */
export async function loadBudget(db: Database, options: { programmeId: string; visibility: BudgetVisibility }) {
  const conditions = [eq(budgetLines.programmeId, options.programmeId)];
  if (!options.visibility.whole) conditions.push(eq(budgetLines.organizationId, options.visibility.organizationId));
  const lines = await db
    .select({ line: budgetLines, organizationName: organizations.name, organizationAcronym: organizations.acronym })
    .from(budgetLines)
    .innerJoin(organizations, eq(organizations.id, budgetLines.organizationId))
    .where(and(...conditions))
    .orderBy(asc(organizations.name), asc(budgetLines.position), asc(budgetLines.createdAt));
  const memberConditions = [eq(programmeMembers.programmeId, options.programmeId)];
  if (!options.visibility.whole) memberConditions.push(eq(programmeMembers.organizationId, options.visibility.organizationId));
  const members = await db
    .select({ organizationId: programmeMembers.organizationId, plannedShare: programmeMembers.plannedShare, name: organizations.name, acronym: organizations.acronym, role: programmeMembers.role })
    .from(programmeMembers)
    .innerJoin(organizations, eq(organizations.id, programmeMembers.organizationId))
    .where(and(...memberConditions));
  const summary = summarizeBudget(
    lines.map(({ line }) => ({ organizationId: line.organizationId, amount: Number(line.amount), indirectCosts: Number(line.indirectCosts), ownContribution: Number(line.ownContribution) })),
    members.map((member) => ({ organizationId: member.organizationId, plannedShare: member.plannedShare === null ? null : Number(member.plannedShare) })),
  );
  const names = new Map<string, { name: string; acronym: string | null; role: string | null }>();
  for (const member of members) names.set(member.organizationId, { name: member.name, acronym: member.acronym, role: member.role });
  for (const { line, organizationName, organizationAcronym } of lines) {
    if (!names.has(line.organizationId)) names.set(line.organizationId, { name: organizationName, acronym: organizationAcronym, role: null });
  }
  return { lines, summary, names };
}

type LineFields = { organizationId?: string; category?: string | null; description?: string | null; amount?: number; indirectCosts?: number; ownContribution?: number };
type LineEditor = { organizationId: string; canManage: boolean };

function checkAmounts(amount: number, indirectCosts: number, ownContribution: number): void {
  if (indirectCosts > amount) throw invalidField('/indirectCosts', 'exceeds the amount of the line', indirectCosts);
  if (ownContribution > amount) throw invalidField('/ownContribution', 'exceeds the amount of the line', ownContribution);
}

function assertMayEditOrganization(editor: LineEditor, organizationId: string): void {
  if (!editor.canManage && organizationId !== editor.organizationId) {
    throw new AppError('forbidden', 'You may record budget lines only for your own organization', { details: [{ pointer: '/organizationId', message: 'must be your own organization' }] });
  }
}

/** Adds a budget line; a member records its own lines, managers record anyone's. */
export async function createBudgetLine(db: Database, options: { programmeId: string; editor: LineEditor; input: LineFields & { organizationId: string; amount: number } }) {
  const { input } = options;
  assertMayEditOrganization(options.editor, input.organizationId);
  await assertActiveMember(db, options.programmeId, input.organizationId, '/organizationId');
  checkAmounts(input.amount, input.indirectCosts ?? 0, input.ownContribution ?? 0);
  const [line] = await db
    .insert(budgetLines)
    .values({
      programmeId: options.programmeId,
      organizationId: input.organizationId,
      category: input.category ?? null,
      description: input.description ?? null,
      amount: String(input.amount),
      indirectCosts: String(input.indirectCosts ?? 0),
      ownContribution: String(input.ownContribution ?? 0),
    })
    .returning();
  return line!;
}

/** A line the editor may change: another organization's line is answered as missing, so a member learns nothing about it. */
async function loadLine(db: Database, programmeId: string, lineId: string, editor: LineEditor) {
  const [line] = await db.select().from(budgetLines).where(and(eq(budgetLines.id, lineId), eq(budgetLines.programmeId, programmeId))).limit(1);
  if (!line || (!editor.canManage && line.organizationId !== editor.organizationId)) throw notFound('Budget line');
  return line;
}

/** Changes a budget line (optimistic concurrency); the same ownership rule as creating. */
export async function updateBudgetLine(db: Database, options: { programmeId: string; lineId: string; editor: LineEditor; input: LineFields & { version: number } }) {
  const { version, ...input } = options.input;
  return db.transaction(async (tx) => {
    const line = await loadLine(tx, options.programmeId, options.lineId, options.editor);
    if (input.organizationId !== undefined && input.organizationId !== line.organizationId) {
      assertMayEditOrganization(options.editor, input.organizationId);
      await assertActiveMember(tx, options.programmeId, input.organizationId, '/organizationId');
    }
    const amount = input.amount ?? Number(line.amount);
    checkAmounts(amount, input.indirectCosts ?? Number(line.indirectCosts), input.ownContribution ?? Number(line.ownContribution));
    const values: Record<string, unknown> = { ...input };
    for (const key of ['amount', 'indirectCosts', 'ownContribution'] as const) if (input[key] !== undefined) values[key] = String(input[key]);
    return updateVersioned(tx, { table: budgetLines, id: line.id, version, values, what: 'Budget line' });
  });
}

/** Deletes a budget line, under the same ownership rule. */
export async function deleteBudgetLine(db: Database, options: { programmeId: string; lineId: string; editor: LineEditor }) {
  const line = await loadLine(db, options.programmeId, options.lineId, options.editor);
  await db.delete(budgetLines).where(eq(budgetLines.id, line.id));
}
