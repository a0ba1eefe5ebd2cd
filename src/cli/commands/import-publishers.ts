import { readFile } from 'node:fs/promises';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { importPublishers } from '../../modules/organizations/import-publishers.js';

const importPublishersCommand: CliCommand = {
  name: 'import-publishers',
  summary: 'Import the IATI Registry publisher list (JSON) as organizations; safe to run again',
  usage: 'import-publishers FILE [--json]',
  options: { json: { type: 'boolean', description: 'Print only the summary as JSON on stdout' } },
  needsDatabase: true,
  async run({ args, values, io, db }) {
    const path = args[0];
    if (!path) throw new UsageError('missing the publisher list file (JSON)');
    if (args.length > 1) throw new UsageError(`unexpected argument '${args[1] ?? ''}'`);
    let entries: unknown;
    try {
      entries = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      io.stderr(`cannot read ${path} as JSON: ${(error as Error).message}`);
      return 1;
    }
    if (!Array.isArray(entries)) {
      io.stderr(`${path} is not a publisher list: expected a JSON array of publishers`);
      return 1;
    }
    const summary = await importPublishers(db!, entries);
    if (values.json === true) {
      io.stdout(JSON.stringify(summary, null, 2));
      return 0;
    }
    const { leniency } = summary;
    io.stdout(
      [
        `Publishers read: ${summary.entries}`,
        `Organizations created: ${summary.created}, completed: ${summary.updated}, already up to date: ${summary.unchanged}`,
        `Entries sharing an identifier, imported as one: ${summary.mergedDuplicates.length}${summary.mergedDuplicates.map((item) => `\n  ${item.identifier}: ${item.names.join(' | ')}`).join('')}`,
        `Skipped: ${summary.skipped.length}${summary.skipped.map((item) => `\n  entry ${item.index}: ${item.reason}`).join('')}`,
        `Left empty: type ${leniency.missingType + leniency.invalidType} (missing ${leniency.missingType}, not a code ${leniency.invalidType}), country ${leniency.missingCountry + leniency.invalidCountry}, website ${leniency.invalidWebsite} not a web address`,
        `Names with HTML entities decoded: ${leniency.decodedNames}`,
        `Identifiers: ${leniency.unknownPrefix} with a prefix org-id.guide does not know (kept), ${leniency.malformedIdentifier} malformed (left empty)`,
      ].join('\n'),
    );
    return 0;
  },
};
export default importPublishersCommand;
