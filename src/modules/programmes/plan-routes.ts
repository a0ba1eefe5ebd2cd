import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createActivity, createMilestone, createWorkPackage, deleteActivity, deleteMilestone, deleteWorkPackage, updateActivity, updateMilestone, updateWorkPackage } from './edit-plan.js';
import { createTask, deleteTask, updateTask } from './edit-task.js';
import { buildPlanTree, buildRaciMatrix, buildTimeline, loadPlan, programmeDates } from './plan-tree.js';
import { presentActivity, presentMilestone, presentTask, presentWorkPackage } from './present-plan.js';
import { programmeRequest } from './route-access.js';
import {
  activityAnswer,
  childParams,
  milestoneAnswer,
  planTreeAnswer,
  raciMatrixAnswer,
  taskAnswer,
  timelineAnswer,
  workPackageAnswer,
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
  app.get('/api/programmes/:id/plan', { schema: { tags, summary: 'The action plan as a tree', params: programmeParams, response: { 200: planTreeAnswer } } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id);
    return buildPlanTree(await loadPlan(app.db, request.params.id));
  });

  app.get('/api/programmes/:id/timeline', { schema: { tags, summary: 'Gantt rows: work packages, activities, tasks and milestones with their dates', params: programmeParams, response: { 200: timelineAnswer } } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id);
    return buildTimeline(await loadPlan(app.db, request.params.id), await programmeDates(app.db, request.params.id));
  });

  app.get('/api/programmes/:id/raci', { schema: { tags, summary: 'The RACI matrix: organizations × tasks', params: programmeParams, response: { 200: raciMatrixAnswer } } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id);
    return buildRaciMatrix(app.db, request.params.id, await loadPlan(app.db, request.params.id));
  });

  app.post('/api/programmes/:id/work-packages', { schema: { tags, summary: 'Add a work package', params: programmeParams, body: createWorkPackageBody, response: { 201: workPackageAnswer } } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return reply.status(201).send(presentWorkPackage(await createWorkPackage(app.db, { programmeId: request.params.id, input: request.body })));
  });
  app.patch('/api/programmes/:id/work-packages/:childId', { schema: { tags, summary: 'Change a work package', params: childParams, body: updateWorkPackageBody, response: { 200: workPackageAnswer } } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return presentWorkPackage(await updateWorkPackage(app.db, { programmeId: request.params.id, id: request.params.childId, input: request.body }));
  });
  app.delete('/api/programmes/:id/work-packages/:childId', { schema: { tags, summary: 'Delete a work package with its activities and tasks', params: childParams, response: { 204: z.null() } } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    await deleteWorkPackage(app.db, { programmeId: request.params.id, id: request.params.childId });
    return reply.status(204).send(null);
  });

  app.post('/api/programmes/:id/activities', { schema: { tags, summary: 'Add an activity to a work package', params: programmeParams, body: createActivityBody, response: { 201: activityAnswer } } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return reply.status(201).send(presentActivity(await createActivity(app.db, { programmeId: request.params.id, input: request.body })));
  });
  app.patch('/api/programmes/:id/activities/:childId', { schema: { tags, summary: 'Change an activity', params: childParams, body: updateActivityBody, response: { 200: activityAnswer } } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return presentActivity(await updateActivity(app.db, { programmeId: request.params.id, id: request.params.childId, input: request.body }));
  });
  app.delete('/api/programmes/:id/activities/:childId', { schema: { tags, summary: 'Delete an activity with its tasks', params: childParams, response: { 204: z.null() } } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    await deleteActivity(app.db, { programmeId: request.params.id, id: request.params.childId });
    return reply.status(204).send(null);
  });

  app.post('/api/programmes/:id/tasks', { schema: { tags, summary: 'Add a task with its RACI (members add tasks they are Responsible or Accountable for)', params: programmeParams, body: createTaskBody, response: { 201: taskAnswer } } }, async (request, reply) => {
    const { actor, canManage } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
    return reply.status(201).send(presentTask(await createTask(app.db, { programmeId: request.params.id, editor: { organizationId: actor.organizationId, canManage }, input: request.body })));
  });
  app.patch('/api/programmes/:id/tasks/:childId', { schema: { tags, summary: 'Change a task (its Responsible or Accountable members update progress; managers restructure)', params: childParams, body: updateTaskBody, response: { 200: taskAnswer } } }, async (request) => {
    const { actor, canManage } = await programmeRequest(app.db, request, request.params.id, 'programme.contribute');
    return presentTask(await updateTask(app.db, { programmeId: request.params.id, taskId: request.params.childId, editor: { organizationId: actor.organizationId, canManage }, input: request.body }));
  });
  app.delete('/api/programmes/:id/tasks/:childId', { schema: { tags, summary: 'Delete a task', params: childParams, response: { 204: z.null() } } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    await deleteTask(app.db, { programmeId: request.params.id, taskId: request.params.childId });
    return reply.status(204).send(null);
  });

  app.post('/api/programmes/:id/milestones', { schema: { tags, summary: 'Add a milestone', params: programmeParams, body: createMilestoneBody, response: { 201: milestoneAnswer } } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return reply.status(201).send(presentMilestone(await createMilestone(app.db, { programmeId: request.params.id, input: request.body })));
  });
  app.patch('/api/programmes/:id/milestones/:childId', { schema: { tags, summary: 'Change a milestone', params: childParams, body: updateMilestoneBody, response: { 200: milestoneAnswer } } }, async (request) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    return presentMilestone(await updateMilestone(app.db, { programmeId: request.params.id, id: request.params.childId, input: request.body }));
  });
  app.delete('/api/programmes/:id/milestones/:childId', { schema: { tags, summary: 'Delete a milestone', params: childParams, response: { 204: z.null() } } }, async (request, reply) => {
    await programmeRequest(app.db, request, request.params.id, 'programme.manage');
    await deleteMilestone(app.db, { programmeId: request.params.id, id: request.params.childId });
    return reply.status(204).send(null);
  });
};
