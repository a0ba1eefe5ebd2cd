/** Shapes of the API's answers, as the web app reads them. */

export type Language = 'en' | 'fr';
export type UserRole = 'member' | 'org-admin';

export type Page<T> = { items: T[]; nextCursor: string | null };

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  isInstanceAdmin: boolean;
  language: Language | null;
};

export type Me = {
  user: CurrentUser;
  organization: { id: string; name: string; acronym: string | null; country: string | null };
};

export type LoginResult = { user: CurrentUser; csrfToken: string };

export const PROGRAMME_STATUSES = [
  'identification',
  'formulation',
  'contracting',
  'implementation',
  'closure',
  'closed',
] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export type ConsortiumRole =
  | 'lead'
  | 'partner'
  | 'affiliated-entity'
  | 'associate'
  | 'vendor'
  | 'funder'
  | 'observer'
  | 'manager';

export type ProgrammeSummary = {
  id: string;
  ref: string;
  title: string;
  status: ProgrammeStatus;
  startDate: string | null;
  endDate: string | null;
  currency: string;
  countries: string[];
  lead: { id: string; name: string } | null;
  myRole: ConsortiumRole;
};

export type ApiToken = { id: string; name: string; createdAt: string; lastUsedAt: string | null };
export type CreatedApiToken = { id: string; name: string; createdAt: string; token: string };

export type OrganizationUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  isInstanceAdmin: boolean;
  organization: { id: string; name: string };
  createdAt: string;
};

export type CreatedInvitation = { id: string; email: string; role: UserRole; link: string; expiresAt: string };
export type Invitation = {
  email: string;
  role: UserRole;
  organization: { id: string; name: string };
  expiresAt: string;
};

export type OneTimeLink = { link: string; expiresAt: string };
