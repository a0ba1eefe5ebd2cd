import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../lib/policy.js';
import { createBudgetLine, deleteBudgetLine, loadBudget, updateBudgetLine, type BudgetVisibility } from './budget.js';
import { programmeRequest, type ProgrammeRequestContext } from './route-access.js';
import { budgetAnswer, budgetLineAnswer, childParams, createBudgetLineBody, programmeParams, updateBudgetLineBody } from './schemas.js';
import type { budgetLines } from '../../db/schema/index.js';

const tags = ['budget'];

/** Vendors, and everyone but managers when transparency is off, see only their own organization's lines. */
export function budgetVisibility(context: ProgrammeRequestContext): BudgetVisibility {
  return can(context.actor, 'programme.view-budget', { kind: 'programme', access: context.access }) ? { whole: true } : { whole: false, organizationId: context.actor.organizationId };
}

/** A budget line with amounts as numbers. */
export function presentBudgetLine(line: typeof budgetLines.$inferSelect) {
  return {
    id: line.id,
    organizationId: line.organizationId,
    category: line.category,
    description: line.description,
    amount: Number(line.amount),
    indirectCosts: Number(line.indirectCosts),
    ownContribution: Number(line.ownContribution),
    version: line.version,
  };
}

export const budgetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/programmes/:id/budget', { schema: { tags, summary: 'Budget lines you may see, with totals and shares per organization', params: programmeParams, response: { 200: budgetAnswer } } }, async (request) => {
    const context = await programmeRequest(app.db, request, request.params.id);
    const visibility = budgetVisibility(context);
    const { lines, summary, names } = await loadBudget(app.db, { programmeId: request.params.id, visibility });
    return {
      scope: visibility.whole ? ('whole' as const) : ('own' as const),
      lines: lines.map(({ line }) => presentBudgetLine(line)),
      totals: {
        ...summary,
        organizations: summary.organizations.map((row) => ({ ...row, name: names.get(row.organizationId)?.name ?? '', acronym: names.get(row.organizationId)?.acronym ?? null, role: names.get(row.organizationId)?.role ?? null })),
      },
    };
  });

  app.post('/api/programmes/:id/budget-lines', { schema: { tags, summary: 'Add a budget line (members for themselves, managers for anyone)', params: programmeParams, body: createBudgetLineBody, response: { 201: budgetLineAnswer } } }, async (request, reply) => {
    const { actor, canManage } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
    const line = await createBudgetLine(app.db, { programmeId: request.params.id, editor: { organizationId: actor.organizationId, canManage }, input: request.body });
    return reply.status(201).send(presentBudgetLine(line));
  });

  app.patch('/api/programmes/:id/budget-lines/:childId', { schema: { tags, summary: 'Change a budget line', params: childParams, body: updateBudgetLineBody, response: { 200: budgetLineAnswer } } }, async (request) => {
    const { actor, canManage } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
    return presentBudgetLine(await updateBudgetLine(app.db, { programmeId: request.params.id, lineId: request.params.childId, editor: { organizationId: actor.organizationId, canManage }, input: request.body }));
  });

  app.delete('/api/programmes/:id/budget-lines/:childId', { schema: { tags, summary: 'Delete a budget line', params: childParams, response: { 204: z.null() } } }, async (request, reply) => {
    const { actor, canManage } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
    await deleteBudgetLine(app.db, { programmeId: request.params.id, lineId: request.params.childId, editor: { organizationId: actor.organizationId, canManage } });
    return reply.status(204).send(null);
  });
};
