import type { CliCommand } from '../command.js';
import { DemoAlreadySeededError, seedDemo } from '../../modules/demo/seed-demo.js';

const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary: 'Add the demo organizations, users and consortium programme',
  usage: 'seed-demo [--json]',
  options: { json: { type: 'boolean', description: 'Print the demo log-ins as JSON' } },
  needsDatabase: true,
  run: async ({ values, io, db }) => {
    try {
      const logins = await seedDemo(db!);
      if (values.json) io.stdout(JSON.stringify({ logins }));
      else io.stdout(logins.map((login) => `${login.email}  ${login.password}  ${login.description}`).join('\n'));
      return 0;
    } catch (error) {
      if (error instanceof DemoAlreadySeededError) {
        io.stderr(error.message);
        return 1;
      }
      throw error;
    }
  },
};
export default seedDemoCommand;
