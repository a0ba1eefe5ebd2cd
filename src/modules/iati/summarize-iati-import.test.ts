import { describe, expect, it } from 'vitest';
import { createIatiSummaryBuilder, summarizeIatiImport } from './summarize-iati-import.js';
import { readAllItems } from './test-helpers.js';

const xml = `<iati-activities version="2.03">
<iati-activity><iati-identifier>A</iati-identifier>
 <participating-org role="1"/><participating-org role="1"/><participating-org role="2"/><participating-org role="3"/><participating-org role="4"/><participating-org role="7"/>
 <budget><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value>1</value></budget>
 <transaction><transaction-type code="3"/><transaction-date iso-date="2024-01-01"/><value>1</value></transaction>
 <transaction><transaction-type code="4"/><transaction-date iso-date="2024-01-01"/><value>2</value></transaction>
</iati-activity>
<iati-activity><participating-org role="4"/></iati-activity>
</iati-activities>`;

describe('the import summary', () => {
  it('has exactly the documented shape and counts elements read', async () => {
    const summary = await summarizeIatiImport(await readAllItems(xml), { created: 3, matched: 2 });
    expect(Object.keys(summary)).toEqual(['activities', 'organizations', 'participations', 'transactions', 'budgets', 'warnings', 'skipped']);
    expect(summary).toMatchObject({
      activities: 1,
      organizations: { created: 3, matched: 2 },
      participations: { funding: 2, accountable: 1, extending: 1, implementing: 1 },
      transactions: 2,
      budgets: 1,
    });
    expect(new Set(summary.warnings.map((warning) => warning.reason))).toEqual(
      new Set(['unknown role "7"', 'no currency on the value and no default-currency on the activity']),
    );
    expect(summary.warnings.every((warning) => warning.iatiIdentifier === 'A')).toBe(true);
    expect(summary.skipped).toEqual([{ iatiIdentifier: null, line: 8, column: expect.any(Number), reason: 'the activity has no iati-identifier' }]);
  });

  it('leaves organization counts at zero until the database layer fills them', async () => {
    const summary = await summarizeIatiImport(await readAllItems(xml));
    expect(summary.organizations).toEqual({ created: 0, matched: 0 });
  });

  it('lists warnings up to a limit and counts the rest in a closing entry', () => {
    const builder = createIatiSummaryBuilder({ warningLimit: 2 });
    for (let index = 0; index < 5; index++) builder.add({ kind: 'warning', bytesRead: 0, warning: { line: index + 1, column: 0, element: 'x', reason: 'r' } });
    const summary = builder.result();
    expect(summary.warnings).toHaveLength(3);
    expect(summary.warnings[2]?.reason).toBe('3 more warnings are not listed');
  });
});
