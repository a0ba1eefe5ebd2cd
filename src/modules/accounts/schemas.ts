import { z } from 'zod';
import { userRoles } from '../../db/schema/index.js';
import { PASSWORD_MIN_LENGTH } from '../../lib/secrets.js';

export const email = z.email().max(254);
export const language = z.enum(['en', 'fr']);

export const loginBody = z.strictObject({ email: z.string().min(1).max(254), password: z.string().min(1).max(1024) });

export const meUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  isInstanceAdmin: z.boolean(),
  language: language.nullable(),
});

export const meResponse = z.object({
  user: meUser,
  organization: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), country: z.string().nullable() }),
});

export const loginResponse = z.object({ user: meUser, csrfToken: z.string() });

export const updateMeBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  language: language.nullable().optional(),
});

export const apiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export const createTokenBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const createdToken = apiToken.extend({ token: z.string() });

export const userSummary = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  isInstanceAdmin: z.boolean(),
  organization: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime(),
});

export const password = z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(1024);

export const createInvitationBody = z.strictObject({ email, role: z.enum(userRoles).default('member') });
export const invitationCreated = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(userRoles),
  link: z.string(),
  expiresAt: z.iso.datetime(),
});
export const invitationView = z.object({
  email: z.string(),
  role: z.enum(userRoles),
  organization: z.object({ id: z.uuid(), name: z.string() }),
  expiresAt: z.iso.datetime(),
});
export const acceptInvitationBody = z.strictObject({ name: z.string().trim().min(1).max(200), password });
export const resetCreated = z.object({ link: z.string(), expiresAt: z.iso.datetime() });
export const completeResetBody = z.strictObject({ password });
export const tokenParams = z.object({ token: z.string().min(10).max(200) });
export const idParams = z.object({ id: z.uuid() });
