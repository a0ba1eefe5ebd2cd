import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { createApiToken } from '../../modules/accounts/api-tokens.js';
import { findUserByEmail } from '../../modules/accounts/users.js';

/** Prints only the token on standard output, so scripts can capture it. */
const createToken: CliCommand = {
  name: 'create-token',
  summary: 'Create a personal API token for a user and print it',
  usage: 'create-token --email E [--name N] [--json]',
  options: {
    email: { type: 'string', description: 'The user the token acts as' },
    name: { type: 'string', description: 'A label to recognise the token (default "command line")' },
    json: { type: 'boolean', description: 'Print { id, name, token } as JSON' },
  },
  needsDatabase: true,
  run: async ({ values, io, db }) => {
    if (typeof values.email !== 'string' || values.email.trim() === '') throw new UsageError('--email is required');
    const user = await findUserByEmail(db!, values.email);
    if (!user) {
      io.stderr(`No user with e-mail ${values.email}`);
      return 1;
    }
    const name = typeof values.name === 'string' && values.name.trim() ? values.name.trim() : 'command line';
    const created = await createApiToken(db!, { userId: user.id, name });
    io.stdout(values.json ? JSON.stringify({ id: created.id, name: created.name, token: created.token }) : created.token);
    return 0;
  },
};
export default createToken;
