import type { CliCommand, CliContext } from '../command.js';
import { UsageError } from '../command.js';
import { createUser, findOrCreateOrganization } from '../../modules/accounts/users.js';
import { userRoles, type UserRole } from '../../db/schema/index.js';

const userOptions = {
  email: { type: 'string', description: 'E-mail address (the log-in)' },
  password: { type: 'string', description: 'Password, at least 10 characters' },
  org: { type: 'string', description: 'Organization name (created if it does not exist)' },
  name: { type: 'string', description: 'Display name (defaults to the e-mail\'s local part)' },
  json: { type: 'boolean', description: 'Print the created user as JSON' },
} as const;

function required(values: CliContext['values'], key: string): string {
  const value = values[key];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${key} is required`);
  return value;
}

async function createFromOptions(context: CliContext, options: { role: UserRole; isInstanceAdmin: boolean }): Promise<number> {
  const email = required(context.values, 'email');
  const password = required(context.values, 'password');
  const orgName = required(context.values, 'org');
  const db = context.db!;
  const result = await db.transaction(async (tx) => {
    const { organization, created } = await findOrCreateOrganization(tx, orgName);
    const name = context.values.name;
    const user = await createUser(tx, {
      email,
      password,
      ...(typeof name === 'string' ? { name } : {}),
      organizationId: organization.id,
      role: options.role,
      isInstanceAdmin: options.isInstanceAdmin,
    });
    return { user, organization, organizationCreated: created };
  });
  const summary = {
    id: result.user.id,
    email: result.user.email,
    role: result.user.role,
    isInstanceAdmin: result.user.isInstanceAdmin,
    organization: { id: result.organization.id, name: result.organization.name, created: result.organizationCreated },
  };
  if (context.values.json) context.io.stdout(JSON.stringify(summary));
  else context.io.stdout(`Created ${summary.isInstanceAdmin ? 'instance administrator' : summary.role} ${summary.email} in ${summary.organization.name}${summary.organization.created ? ' (new organization)' : ''}`);
  return 0;
}

export const createAdmin: CliCommand = {
  name: 'create-admin',
  summary: 'Create an instance administrator (and their organization if needed)',
  usage: 'create-admin --email E --password P --org NAME [--name N] [--json]',
  options: userOptions,
  needsDatabase: true,
  run: (context) => createFromOptions(context, { role: 'org-admin', isInstanceAdmin: true }),
};

export const createUserCommand: CliCommand = {
  name: 'create-user',
  summary: 'Create a user in an organization (created if needed)',
  usage: 'create-user --email E --password P --org NAME [--role member|org-admin] [--name N] [--json]',
  options: { ...userOptions, role: { type: 'string', description: 'member (default) or org-admin' } },
  needsDatabase: true,
  run: (context) => {
    const role = context.values.role ?? 'member';
    if (typeof role !== 'string' || !(userRoles as readonly string[]).includes(role)) {
      throw new UsageError(`--role must be one of ${userRoles.join(', ')}`);
    }
    return createFromOptions(context, { role: role as UserRole, isInstanceAdmin: false });
  },
};
