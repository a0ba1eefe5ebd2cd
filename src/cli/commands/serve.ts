import type { CliCommand } from '../command.js';
import { loadConfig } from '../../lib/config.js';
import { startServer } from '../../server/start.js';
import { openDatabase } from '../../db/client.js';

/** Starts the web server; the process lives until SIGINT or SIGTERM. */
const serve: CliCommand = {
  name: 'serve',
  summary: 'Apply migrations, seed the demo on a new database, and serve the web app and API',
  usage: 'serve',
  options: {},
  needsDatabase: false,
  run: async ({ io }) => {
    const config = loadConfig();
    const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
    let app;
    try {
      app = await startServer({ config, database, say: io.stderr });
    } catch (error) {
      await database.close();
      throw error;
    }
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    io.stderr('Stopping…');
    await app.close();
    await database.close();
    return 0;
  },
};
export default serve;
