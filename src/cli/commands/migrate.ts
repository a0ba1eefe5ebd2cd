import type { CliCommand } from '../command.js';
import { syncShippedArticles } from '../../modules/knowledge/shipped-articles.js';

/** Opening the database applies pending migrations; this command only reports it. */
const migrate: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations',
  usage: 'migrate [--json]',
  options: { json: { type: 'boolean', description: 'Print the result as JSON' } },
  needsDatabase: true,
  run: async ({ values, io, db }) => {
    if (db) await syncShippedArticles(db);
    if (values.json) io.stdout(JSON.stringify({ migrated: true }));
    else io.stderr('Database is up to date.');
    return 0;
  },
};
export default migrate;
