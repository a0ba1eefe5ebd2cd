import type { apiTokens, organizations, users } from '../../db/schema/index.js';

type UserRow = typeof users.$inferSelect;
type OrganizationRow = typeof organizations.$inferSelect;

/** The signed-in user as the API shows them (never the password hash). */
export function presentMeUser(user: UserRow) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    isInstanceAdmin: user.isInstanceAdmin,
    language: user.language ?? null,
  };
}

/** GET /api/me: the user and their organization. */
export function presentMe(user: UserRow, organization: OrganizationRow) {
  return {
    user: presentMeUser(user),
    organization: { id: organization.id, name: organization.name, acronym: organization.acronym, country: organization.country },
  };
}

/** A personal API token without its secret. */
export function presentApiToken(token: typeof apiTokens.$inferSelect) {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

/** A user in the administrators' list. */
export function presentUserSummary(row: { user: UserRow; organization: { id: string; name: string } }) {
  return {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    isInstanceAdmin: row.user.isInstanceAdmin,
    organization: row.organization,
    createdAt: row.user.createdAt.toISOString(),
  };
}
