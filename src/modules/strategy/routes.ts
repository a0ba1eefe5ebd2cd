import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../server/authenticate.js';
import { can } from '../../lib/policy.js';
import { notFound } from '../../lib/errors.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { addGoal, deleteGoal, getStrategy, saveStrategy, setGoalProgrammes, updateGoal } from './strategies.js';
import { loadPortfolio } from './load-portfolio.js';
import { presentStrategy } from './present.js';
import { addGoalBody, goalProgrammesBody, idParams, ownStrategyResponse, portfolioResponse, saveStrategyBody, strategyDetail, updateGoalBody } from './schemas.js';

async function ownStrategy(db: Database, actor: Actor) {
  const loaded = await getStrategy(db, { actor, organizationId: actor.organizationId });
  const canEdit = can(actor, 'strategy.edit', { kind: 'strategy', organizationId: actor.organizationId, shared: false });
  if (!loaded) return { strategy: null, canEdit };
  const portfolio = await loadPortfolio(db, { actor });
  return { strategy: presentStrategy(loaded, actor, portfolio.goals), canEdit };
}

/** Partnership strategy (goals, indicators, programmes linked to goals) and the portfolio. */
export const strategyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['strategy'];

  app.get('/api/strategy', { schema: { tags, summary: "Your organization's partnership strategy, with where each goal stands", response: { 200: ownStrategyResponse } } }, async (request) =>
    ownStrategy(app.db, requireActor(request)),
  );

  app.put('/api/strategy', { schema: { tags, summary: "Write or change your organization's strategy (administrators)", body: saveStrategyBody, response: { 200: ownStrategyResponse } } }, async (request) => {
    const actor = requireActor(request);
    await saveStrategy(app.db, { actor, input: request.body });
    return ownStrategy(app.db, actor);
  });

  app.get(
    '/api/organizations/:id/strategy',
    { schema: { tags, summary: "An organization's strategy, when it is yours or shared", params: idParams, response: { 200: strategyDetail } } },
    async (request) => {
      const actor = requireActor(request);
      if (request.params.id === actor.organizationId) {
        const own = await ownStrategy(app.db, actor);
        if (own.strategy) return own.strategy;
      }
      const loaded = await getStrategy(app.db, { actor, organizationId: request.params.id });
      if (!loaded) throw notFound('Strategy');
      return presentStrategy(loaded, actor, null);
    },
  );

  app.post('/api/strategy/goals', { schema: { tags, summary: 'Add a goal with its indicator and target (percent)', body: addGoalBody, response: { 201: ownStrategyResponse } } }, async (request, reply) => {
    const actor = requireActor(request);
    await addGoal(app.db, { actor, input: request.body });
    return reply.status(201).send(await ownStrategy(app.db, actor));
  });

  app.patch('/api/strategy/goals/:id', { schema: { tags, summary: 'Change a goal (send the version you read)', params: idParams, body: updateGoalBody, response: { 200: ownStrategyResponse } } }, async (request) => {
    const actor = requireActor(request);
    await updateGoal(app.db, { actor, goalId: request.params.id, input: request.body });
    return ownStrategy(app.db, actor);
  });

  app.delete('/api/strategy/goals/:id', { schema: { tags, summary: 'Remove a goal', params: idParams, response: { 200: ownStrategyResponse } } }, async (request) => {
    const actor = requireActor(request);
    await deleteGoal(app.db, { actor, goalId: request.params.id });
    return ownStrategy(app.db, actor);
  });

  app.put(
    '/api/strategy/goals/:id/programmes',
    { schema: { tags, summary: 'Set the programmes a goal serves (programmes your organization takes part in)', params: idParams, body: goalProgrammesBody, response: { 200: ownStrategyResponse } } },
    async (request) => {
      const actor = requireActor(request);
      await setGoalProgrammes(app.db, { actor, goalId: request.params.id, programmeIds: request.body.programmeIds });
      return ownStrategy(app.db, actor);
    },
  );

  app.get(
    '/api/portfolio',
    { schema: { tags: ['portfolio'], summary: "Your organization's programmes by country, sector, goal and status; dependence on donors and partners; authenticity across programmes; goals on track", response: { 200: portfolioResponse } } },
    async (request) => loadPortfolio(app.db, { actor: requireActor(request) }),
  );
};
