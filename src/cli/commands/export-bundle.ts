import { writeFile } from 'node:fs/promises';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { exportBundle } from '../../modules/bundle/export-bundle.js';
import { AppError } from '../../lib/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Writes a whole programme as a bundle file, offline, from the embedded (or configured) database. */
const exportBundleCommand: CliCommand = {
  name: 'export-bundle',
  summary: 'Export a programme as a programme bundle (consortia.programme-bundle/1) file',
  usage: 'export-bundle PROGRAMME_ID FILE [--json]',
  options: { json: { type: 'boolean', description: 'Print { file, tasks, budgetLines, organizations } as JSON' } },
  needsDatabase: true,
  async run({ args, values, io, db }) {
    const [programmeId, file] = args;
    if (!programmeId || !file) throw new UsageError('expected a programme id and a file to write');
    if (args.length > 2) throw new UsageError(`unexpected argument '${args[2] ?? ''}'`);
    if (!UUID.test(programmeId)) {
      io.stderr(`'${programmeId}' is not a programme id (a UUID)`);
      return 1;
    }
    try {
      const bundle = await exportBundle(db!, { programmeId });
      await writeFile(file, JSON.stringify(bundle, null, 2) + '\n', 'utf8');
      const counts = { file, organizations: bundle.organizations.length, tasks: bundle.tasks.length, budgetLines: bundle.budget.length };
      io.stdout(values.json === true ? JSON.stringify(counts) : `Wrote ${file}: ${counts.organizations} organizations, ${counts.tasks} tasks, ${counts.budgetLines} budget lines`);
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        io.stderr(`No programme ${programmeId}`);
        return 1;
      }
      throw error;
    }
  },
};

export default exportBundleCommand;
