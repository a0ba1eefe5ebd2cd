import { readFile } from 'node:fs/promises';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { importBundle } from '../../modules/bundle/import-bundle.js';
import { AppError } from '../../lib/errors.js';

/** Creates a programme from a bundle file, offline; nobody becomes its manager (give the role from the web app or API). */
const importBundleCommand: CliCommand = {
  name: 'import-bundle',
  summary: 'Create a programme from a programme bundle file (all or nothing)',
  usage: 'import-bundle FILE [--json]',
  options: { json: { type: 'boolean', description: 'Print { id, warnings } or { errors } as JSON on stdout' } },
  needsDatabase: true,
  async run({ args, values, io, db }) {
    const file = args[0];
    if (!file) throw new UsageError('missing the bundle file to import');
    if (args.length > 1) throw new UsageError(`unexpected argument '${args[1] ?? ''}'`);
    const json = values.json === true;
    let input: unknown;
    try {
      input = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      const message = `cannot read ${file} as JSON: ${(error as Error).message}`;
      if (json) io.stdout(JSON.stringify({ errors: [{ pointer: '', message }] }));
      else io.stderr(message);
      return 1;
    }
    try {
      const result = await importBundle(db!, { input, importedBy: null });
      if (json) {
        io.stdout(JSON.stringify({ id: result.programmeId, warnings: result.warnings, organizationsCreated: result.organizationsCreated, organizationsMatched: result.organizationsMatched }));
      } else {
        for (const warning of result.warnings) io.stderr(`warning ${warning.pointer}: ${warning.message}`);
        io.stdout(`Imported programme ${result.programmeId} (${result.organizationsCreated} organizations created, ${result.organizationsMatched} matched)`);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof AppError) || !['validation_failed', 'conflict'].includes(error.code)) throw error;
      const errors = error.details ?? [{ pointer: '', message: error.message }];
      if (json) {
        io.stdout(JSON.stringify({ errors }));
      } else {
        io.stderr(`${file} was not imported: ${error.message}`);
        for (const detail of errors) io.stderr(`  ${detail.pointer || '/'}: ${detail.message}`);
      }
      return 1;
    }
  },
};

export default importBundleCommand;
