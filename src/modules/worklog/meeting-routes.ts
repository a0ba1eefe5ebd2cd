import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../lib/pagination.js';
import { logRequest } from './context.js';
import { addMeetingAction, createMeeting, deleteMeeting, getMeeting, listMeetings, updateMeeting, updateMeetingAction } from './meetings.js';
import { actionParams, createActionBody, createMeetingBody, listQuery, meetingDetail, meetingSummary, programmeParams, recordParams, updateActionBody, updateMeetingBody } from './schemas.js';

const tags = ['working log'];

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/programmes/:id/meetings',
    { schema: { tags, summary: 'Meetings, newest first', params: programmeParams, querystring: listQuery, response: { 200: pageOf(meetingSummary) } } },
    async (request) => listMeetings(app.db, { context: await logRequest(app.db, request, request.params.id, 'read'), query: request.query }),
  );
  app.post(
    '/api/programmes/:id/meetings',
    { schema: { tags, summary: 'Record a meeting with attendees and follow-up actions', params: programmeParams, body: createMeetingBody, response: { 201: meetingDetail } } },
    async (request, reply) => {
      const context = await logRequest(app.db, request, request.params.id, 'write');
      return reply.status(201).send(await createMeeting(app.db, { context, input: request.body }));
    },
  );
  app.get(
    '/api/programmes/:id/meetings/:recordId',
    { schema: { tags, summary: 'A meeting with minutes, actions and decisions taken', params: recordParams, response: { 200: meetingDetail } } },
    async (request) => getMeeting(app.db, { context: await logRequest(app.db, request, request.params.id, 'read'), meetingId: request.params.recordId }),
  );
  app.patch(
    '/api/programmes/:id/meetings/:recordId',
    { schema: { tags, summary: 'Change a meeting (the recording organization or a manager)', params: recordParams, body: updateMeetingBody, response: { 200: meetingDetail } } },
    async (request) =>
      updateMeeting(app.db, { context: await logRequest(app.db, request, request.params.id, 'write'), meetingId: request.params.recordId, input: request.body }),
  );
  app.delete(
    '/api/programmes/:id/meetings/:recordId',
    { schema: { tags, summary: 'Delete a meeting (its decisions stay)', params: recordParams } },
    async (request, reply) => {
      await deleteMeeting(app.db, { context: await logRequest(app.db, request, request.params.id, 'write'), meetingId: request.params.recordId });
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/programmes/:id/meetings/:recordId/actions',
    { schema: { tags, summary: 'Add a follow-up action', params: recordParams, body: createActionBody, response: { 201: meetingDetail } } },
    async (request, reply) => {
      const context = await logRequest(app.db, request, request.params.id, 'write');
      return reply.status(201).send(await addMeetingAction(app.db, { context, meetingId: request.params.recordId, input: request.body }));
    },
  );
  app.patch(
    '/api/programmes/:id/meetings/:recordId/actions/:actionId',
    { schema: { tags, summary: 'Change a follow-up action (meeting recorder, owning organization or manager)', params: actionParams, body: updateActionBody, response: { 200: meetingDetail } } },
    async (request) =>
      updateMeetingAction(app.db, {
        context: await logRequest(app.db, request, request.params.id, 'write'),
        meetingId: request.params.recordId,
        actionId: request.params.actionId,
        input: request.body,
      }),
  );
};
