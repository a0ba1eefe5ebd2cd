import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createActivity, createMilestone, createWorkPackage, deleteActivity, deleteMilestone, deleteWorkPackage, updateActivity, updateMilestone, updateWorkPackage } from './edit-plan.js';
import { createTask, deleteTask, updateTask } from './edit-task.js';
import { buildPlanTree, buildRaciMatrix, buildTimeline, loadPlan, programmeDates } from './plan-tree.js';
import { programmeRequest } from './route-access.js';
import {
  childParams,
  createActivityBody,
  createMilestoneBody,
  createTaskBody,
  createWorkPackageBody,
  programmeParams,
  updateActivityBody,
  updateMilestoneBody,
  updateTaskBody,
  updateWorkPackageBody,
} from './schemas.js';

const tags = ['action plan'];

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/programmes/:id/plan', { schema: { tags, summary: 'The action plan as a tree', params: programmeParams } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id);
    return buildPlanTree(await loadPlan(app.db, request.params.id));
  });

  app.get('/api/programmes/:id/timeline', { schema: { tags, summary: 'Gantt rows: work packages, activities, tasks and milestones with their dates', params: programmeParams } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id);
    return buildTimeline(await loadPlan(app.db, request.params.id), await programmeDates(app.db, request.params.id));
  });

  app.get('/api/programmes/:id/raci', { schema: { tags, summary: 'The RACI matrix: organizations × tasks', params: programmeParams } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id);
    return buildRaciMatrix(app.db, request.params.id, await loadPlan(app.db, request.params.id));
  });

  app.post('/api/programmes/:id/work-packages', { schema: { tags, summary: 'Add a work package', params: programmeParams, body: createWorkPackageBody } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return reply.status(201).send(await createWorkPackage(app.db, { programmeId: request.params.id, input: request.body }));
  });
  app.patch('/api/programmes/:id/work-packages/:childId', { schema: { tags, summary: 'Change a work package', params: childParams, body: updateWorkPackageBody } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return updateWorkPackage(app.db, { programmeId: request.params.id, id: request.params.childId, input: request.body });
  });
  app.delete('/api/programmes/:id/work-packages/:childId', { schema: { tags, summary: 'Delete a work package with its activities and tasks', params: childParams, response: { 204: z.null() } } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    await deleteWorkPackage(app.db, { programmeId: request.params.id, id: request.params.childId });
    return reply.status(204).send(null);
  });

  app.post('/api/programmes/:id/activities', { schema: { tags, summary: 'Add an activity to a work package', params: programmeParams, body: createActivityBody } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return reply.status(201).send(await createActivity(app.db, { programmeId: request.params.id, input: request.body }));
  });
  app.patch('/api/programmes/:id/activities/:childId', { schema: { tags, summary: 'Change an activity', params: childParams, body: updateActivityBody } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return updateActivity(app.db, { programmeId: request.params.id, id: request.params.childId, input: request.body });
  });
  app.delete('/api/programmes/:id/activities/:childId', { schema: { tags, summary: 'Delete an activity with its tasks', params: childParams, response: { 204: z.null() } } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    await deleteActivity(app.db, { programmeId: request.params.id, id: request.params.childId });
    return reply.status(204).send(null);
  });

  app.post('/api/programmes/:id/tasks', { schema: { tags, summary: 'Add a task with its RACI (members add tasks they are Responsible or Accountable for)', params: programmeParams, body: createTaskBody } }, async (request, reply) => {
    const { actor, canManage } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
    return reply.status(201).send(await createTask(app.db, { programmeId: request.params.id, editor: { organizationId: actor.organizationId, canManage }, input: request.body }));
  });
  app.patch('/api/programmes/:id/tasks/:childId', { schema: { tags, summary: 'Change a task (its Responsible or Accountable members update progress; managers restructure)', params: childParams, body: updateTaskBody } }, async (request) => {
    const { actor, canManage } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
    return updateTask(app.db, { programmeId: request.params.id, taskId: request.params.childId, editor: { organizationId: actor.organizationId, canManage }, input: request.body });
  });
  app.delete('/api/programmes/:id/tasks/:childId', { schema: { tags, summary: 'Delete a task', params: childParams, response: { 204: z.null() } } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    await deleteTask(app.db, { programmeId: request.params.id, taskId: request.params.childId });
    return reply.status(204).send(null);
  });

  app.post('/api/programmes/:id/milestones', { schema: { tags, summary: 'Add a milestone', params: programmeParams, body: createMilestoneBody } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return reply.status(201).send(await createMilestone(app.db, { programmeId: request.params.id, input: request.body }));
  });
  app.patch('/api/programmes/:id/milestones/:childId', { schema: { tags, summary: 'Change a milestone', params: childParams, body: updateMilestoneBody } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return updateMilestone(app.db, { programmeId: request.params.id, id: request.params.childId, input: request.body });
  });
  app.delete('/api/programmes/:id/milestones/:childId', { schema: { tags, summary: 'Delete a milestone', params: childParams, response: { 204: z.null() } } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    await deleteMilestone(app.db, { programmeId: request.params.id, id: request.params.childId });
    return reply.status(204).send(null);
  });
};
