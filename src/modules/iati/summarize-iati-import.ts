// The run summary. It is built while reading, one item at a time, so a 200 MB file never has
// to be held in memory to be counted.
import type { IatiImportSummary, IatiReadItem } from './types.js';

/** Past this many, further warnings are counted in one closing entry instead of listed. */
const defaultWarningLimit = 10_000;

export type IatiSummaryBuilder = {
  add(item: IatiReadItem): void;
  /** The summary so far; `organizations` comes from the database layer that matched them. */
  result(organizations?: { created: number; matched: number }): IatiImportSummary;
};

/** Starts a summary that counts elements read and keeps warnings and skipped activities. */
export function createIatiSummaryBuilder(options: { warningLimit?: number } = {}): IatiSummaryBuilder {
  const warningLimit = options.warningLimit ?? defaultWarningLimit;
  const summary: IatiImportSummary = {
    activities: 0,
    organizations: { created: 0, matched: 0 },
    participations: { funding: 0, accountable: 0, extending: 0, implementing: 0 },
    transactions: 0,
    budgets: 0,
    warnings: [],
    skipped: [],
  };
  let warningsLeftOut = 0;
  const keepWarning = (warning: IatiImportSummary['warnings'][number]): void => {
    if (summary.warnings.length < warningLimit) summary.warnings.push(warning);
    else warningsLeftOut += 1;
  };
  const participations = summary.participations;

  return {
    add(item) {
      if (item.kind === 'skipped') summary.skipped.push(item.skipped);
      else if (item.kind === 'warning') keepWarning(item.warning);
      else {
        const activity = item.activity;
        summary.activities += 1;
        summary.transactions += activity.transactions.length;
        summary.budgets += activity.budgets.length;
        for (const organisation of activity.participatingOrgs) {
          if (organisation.role === '1') participations.funding += 1;
          else if (organisation.role === '2') participations.accountable += 1;
          else if (organisation.role === '3') participations.extending += 1;
          else if (organisation.role === '4') participations.implementing += 1;
        }
        for (const warning of activity.warnings) keepWarning(warning);
      }
    },
    result(organizations) {
      const warnings = [...summary.warnings];
      if (warningsLeftOut > 0) {
        warnings.push({ line: 0, column: 0, element: '', reason: `${warningsLeftOut} more warnings are not listed` });
      }
      return {
        ...summary,
        organizations: organizations ? { ...organizations } : { ...summary.organizations },
        participations: { ...participations },
        warnings,
        skipped: [...summary.skipped],
      };
    },
  };
}

/** Builds the summary of a whole run from the items read (for tests and small files). */
export async function summarizeIatiImport(
  items: AsyncIterable<IatiReadItem> | Iterable<IatiReadItem>,
  organizations?: { created: number; matched: number },
): Promise<IatiImportSummary> {
  const builder = createIatiSummaryBuilder();
  for await (const item of items) builder.add(item);
  return builder.result(organizations);
}
