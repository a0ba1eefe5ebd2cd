import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CliCommand } from '../command.js';
import { UsageError } from '../command.js';
import { importIati, recordIatiRefusal } from '../../modules/iati/import-iati.js';
import { isIatiFileError } from '../../modules/iati/errors.js';
import type { IatiImportSummary } from '../../modules/iati/types.js';

type FileOutcome = { file: string; summary: IatiImportSummary } | { file: string; error: { code: string; reason: string; line: number; column: number } };

// Redrawn in place on the terminal; never written when stderr is a file or a pipe.
function progressBar(file: string, total: number): { update: (bytes: number) => void; done: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, done: () => {} };
  const width = 30;
  const name = basename(file).slice(0, 30);
  return {
    update(bytes) {
      const share = total > 0 ? Math.min(1, bytes / total) : 1;
      const filled = Math.round(share * width);
      process.stderr.write(`\r${name} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${(bytes / 1_048_576).toFixed(1)}/${(total / 1_048_576).toFixed(1)} MB`);
    },
    done: () => process.stderr.write('\n'),
  };
}

/** The summary as people read it. */
export function formatIatiSummary(summary: IatiImportSummary): string {
  const p = summary.participations;
  const lines = [
    `Activities: ${summary.activities}`,
    `Organizations: ${summary.organizations.created} created, ${summary.organizations.matched} matched`,
    `Participations: ${p.funding} funding, ${p.accountable} accountable, ${p.extending} extending, ${p.implementing} implementing`,
    `Transactions: ${summary.transactions}   Budgets: ${summary.budgets}`,
    `Warnings: ${summary.warnings.length}`,
    ...summary.warnings.slice(0, 20).map((w) => `  line ${w.line}, column ${w.column} <${w.element}>: ${w.reason}`),
    ...(summary.warnings.length > 20 ? [`  ... ${summary.warnings.length - 20} more (see --json)`] : []),
    `Skipped activities: ${summary.skipped.length}`,
    ...summary.skipped.map((s) => `  line ${s.line}, column ${s.column} ${s.iatiIdentifier ?? '(no identifier)'}: ${s.reason}`),
  ];
  return lines.join('\n');
}

const importIatiCommand: CliCommand = {
  name: 'import-iati',
  summary: 'Import IATI activity files (1.0x to 2.03) as read-only programmes; each file all or nothing, safe to run again',
  usage: 'import-iati FILE... [--json]',
  options: { json: { type: 'boolean', description: 'Print only the summary as JSON on stdout (an array when several files are given)' } },
  needsDatabase: true,
  async run({ args, values, io, db }) {
    if (args.length === 0) throw new UsageError('missing the IATI file(s) to import');
    const outcomes: FileOutcome[] = [];
    for (const file of args) {
      let sizeBytes: number;
      try {
        sizeBytes = (await stat(file)).size;
      } catch (error) {
        io.stderr(`cannot read ${file}: ${(error as Error).message}`);
        outcomes.push({ file, error: { code: 'unreadable', reason: (error as Error).message, line: 0, column: 0 } });
        continue;
      }
      const bar = progressBar(file, sizeBytes);
      try {
        const { summary } = await importIati(db!, {
          source: { bytes: createReadStream(file, { highWaterMark: 256 * 1024 }) },
          fileName: basename(file),
          sizeBytes,
          origin: 'cli',
          onProgress: bar.update,
        });
        bar.done();
        outcomes.push({ file, summary });
        if (values.json !== true) io.stdout(`${args.length > 1 ? `${file}\n` : ''}${formatIatiSummary(summary)}`);
      } catch (error) {
        bar.done();
        if (!isIatiFileError(error)) throw error;
        const refusal = { code: error.code, reason: error.reason, line: error.line, column: error.column };
        await recordIatiRefusal(db!, { fileName: basename(file), sizeBytes, origin: 'cli', error: refusal });
        io.stderr(`${file} refused, nothing imported: ${error.reason} (line ${error.line}, column ${error.column}, ${error.code})`);
        outcomes.push({ file, error: refusal });
      }
    }
    if (values.json === true) {
      const only = outcomes[0];
      io.stdout(JSON.stringify(outcomes.length === 1 && only && 'summary' in only ? only.summary : outcomes, null, 2));
    }
    return outcomes.some((outcome) => 'error' in outcome) ? 1 : 0;
  },
};
export default importIatiCommand;
