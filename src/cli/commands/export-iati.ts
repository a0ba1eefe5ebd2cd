import { writeFile } from 'node:fs/promises';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { AppError } from '../../lib/errors.js';
import { exportProgrammeIati } from '../../modules/iati/export-programme.js';
import { rawQuery } from '../../db/raw-query.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const exportIatiCommand: CliCommand = {
  name: 'export-iati',
  summary: 'Write one programme as an IATI 2.03 activity file',
  usage: 'export-iati ID FILE   (ID: the programme id or its reference)',
  options: {},
  needsDatabase: true,
  async run({ args, io, db }) {
    const [id, file] = args;
    if (!id || !file) throw new UsageError('give the programme (id or reference) and the file to write');
    if (args.length > 2) throw new UsageError(`unexpected argument '${args[2] ?? ''}'`);
    const [programme] = await rawQuery(db!)<{ id: string }>(
      uuidPattern.test(id) ? 'select id from programmes where id = $1' : 'select id from programmes where ref = $1',
      [id],
    );
    if (!programme) {
      io.stderr(`no programme ${id}`);
      return 1;
    }
    try {
      const { identifier, xml } = await exportProgrammeIati(db!, programme.id);
      await writeFile(file, xml);
      io.stderr(`wrote ${identifier} to ${file}`);
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') {
        io.stderr(`${error.message}${(error.details ?? []).map((detail) => `\n  ${detail.pointer}: ${detail.message}`).join('')}`);
        return 1;
      }
      throw error;
    }
  },
};
export default exportIatiCommand;
