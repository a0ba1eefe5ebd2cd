import type { UserRole } from '../db/schema/index.js';

/** Who is making a request, resolved from a session cookie or an API token. */
export type Actor = {
  userId: string;
  organizationId: string;
  email: string;
  name: string;
  role: UserRole;
  isInstanceAdmin: boolean;
  language: 'en' | 'fr' | null;
  via: 'session' | 'token';
  sessionId?: string;
};
