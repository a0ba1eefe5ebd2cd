/**
 * Shapes of the API's answers, inferred from the server's own zod schemas (type-only imports:
 * nothing of the server ends up in the browser bundle).
 */
import type { z } from 'zod';
import type {
  apiToken,
  createdToken,
  invitationCreated,
  invitationView,
  loginResponse,
  meResponse,
  resetCreated,
  updateMeBody,
  userSummary,
} from '../../modules/accounts/schemas.js';
import type { programmeSummary } from '../../modules/programmes/schemas.js';

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Me = z.infer<typeof meResponse>;
export type CurrentUser = Me['user'];
export type UserRole = CurrentUser['role'];
export type Language = NonNullable<CurrentUser['language']>;
export type MeChanges = z.input<typeof updateMeBody>;
export type LoginResult = z.infer<typeof loginResponse>;

export type ProgrammeSummary = z.infer<typeof programmeSummary>;
export type ProgrammeStatus = ProgrammeSummary['status'];
export type ConsortiumRole = ProgrammeSummary['myRole'];

export type ApiToken = z.infer<typeof apiToken>;
export type CreatedApiToken = z.infer<typeof createdToken>;

export type OrganizationUser = z.infer<typeof userSummary>;
export type CreatedInvitation = z.infer<typeof invitationCreated>;
export type Invitation = z.infer<typeof invitationView>;
export type OneTimeLink = z.infer<typeof resetCreated>;
