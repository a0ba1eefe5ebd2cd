// The import into the database, over the real samples: counts in the tables against the summary
// and against an independent count of the elements, idempotency, newer versions, and refusals.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database.js';
import type { DatabaseHandle } from '../../db/client.js';
import { buildOrganization } from '../../../test/support/factories.js';
import { importIati } from './import-iati.js';
import { IatiFileError } from './errors.js';
import { validDate } from './map-activity.js';
import { storableDate } from './prepare-activity.js';
import { arrayLiteral } from './raw-sql.js';
import { sharedData } from './test-helpers.js';

const sample = (file: string) => new URL(`iati-samples/${file}`, sharedData).pathname;

async function importFile(handle: DatabaseHandle, path: string) {
  return importIati(handle.db, { source: { bytes: createReadStream(path) }, fileName: path, sizeBytes: statSync(path).size, origin: 'cli' });
}

async function importText(handle: DatabaseHandle, xml: string) {
  const bytes = Buffer.from(xml);
  return importIati(handle.db, { source: { bytes: Readable.from([bytes]) }, fileName: 'crafted.xml', sizeBytes: bytes.length, origin: 'cli' });
}

const tables = ['programmes', 'programme_members', 'organizations', 'iati_activities', 'iati_participations', 'iati_transactions', 'iati_budgets', 'iati_related_activities', 'iati_activity_countries', 'iati_activity_sectors'];

async function counts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) result[table] = Number((await handle.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);
  return result;
}

// Counted from the raw text with regular expressions, independently of the reader.
function countElements(path: string) {
  const body = readFileSync(path, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const count = (pattern: RegExp) => body.match(pattern)?.length ?? 0;
  const identifiers = [...body.matchAll(/<iati-identifier>\s*([^<]*?)\s*<\/iati-identifier>/g)].map((match) => match[1]);
  return {
    activities: count(/<iati-activity[\s>]/g),
    distinctIdentifiers: new Set(identifiers).size,
    participatingOrgs: count(/<participating-org\b/g),
    transactions: count(/<transaction[\s/>]/g),
    budgets: count(/<budget[\s/>]/g),
    // Transactions may name their own recipient country; only the activity's are counted.
    countries: body.replace(/<transaction[\s>][\s\S]*?<\/transaction>/g, '').match(/<recipient-country\b/g)?.length ?? 0,
  };
}

describe('importing real IATI files into the database', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it.each(['small-ngo/3f-denmark-2.03.xml', 'ingo/cafod-1.00.xml', 'bilateral/canada-2.03.xml', 'multilateral/worldbank-tz-1.01.xml'])(
    '%s: the tables hold what the summary and an independent count say',
    async (file) => {
      const path = sample(file);
      const before = await counts(handle);
      const { summary } = await importFile(handle, path);
      const after = await counts(handle);
      const added = (table: string) => after[table]! - before[table]!;
      const expected = countElements(path);
      expect(summary.activities).toBe(expected.activities);
      expect(expected.distinctIdentifiers).toBe(expected.activities);
      expect(added('iati_activities')).toBe(expected.activities);
      expect(added('programmes')).toBe(expected.activities);
      expect(added('iati_participations')).toBe(expected.participatingOrgs);
      expect(added('iati_transactions')).toBe(summary.transactions);
      expect(added('iati_transactions')).toBe(expected.transactions);
      expect(added('iati_budgets')).toBe(expected.budgets);
      expect(added('iati_activity_countries')).toBe(expected.countries);
      expect(added('organizations')).toBe(summary.organizations.created);
      const p = summary.participations;
      expect(p.funding + p.accountable + p.extending + p.implementing).toBeLessThanOrEqual(expected.participatingOrgs);
    },
  );

  it('maps a 1.x file: lower-case roles become 2.x roles, funders become funder members', async () => {
    await importFile(handle, sample('bilateral/usg-big_value-1.0.xml'));
    const roles = await handle.query<{ role: string; iati_role: number; n: number }>(
      `select m.role, m.iati_role, count(*)::int as n from programme_members m join iati_activities a on a.programme_id = m.programme_id
       join iati_imports i on i.id = a.import_id where i.file_name like '%usg-big_value-1.0.xml' group by 1, 2 order by 2`,
    );
    expect(roles.map((row) => [row.role, row.iati_role])).toEqual([['funder', 1], ['partner', 3], ['partner', 4]]);
    const [programme] = await handle.query<{ status: string; ref: string }>(
      `select p.status, p.ref from programmes p join iati_activities a on a.programme_id = p.id where a.version = '1.0' limit 1`,
    );
    expect(programme?.ref).toBeTruthy();
  });

  it('importing the same file twice changes nothing, and counts its organizations as matched', async () => {
    const path = sample('bilateral/dfid-ph-1.02.xml');
    const first = await importFile(handle, path);
    const between = await counts(handle);
    const second = await importFile(handle, path);
    expect(await counts(handle)).toEqual(between);
    expect(second.summary.activities).toBe(first.summary.activities);
    expect(second.summary.organizations.created).toBe(0);
    expect(second.summary.organizations.matched).toBe(first.summary.organizations.created + first.summary.organizations.matched);
  });
});

const activityXml = (options: { id: string; updated: string; title: string; orgName?: string; orgRef?: string }) => `
  <iati-activity last-updated-datetime="${options.updated}" default-currency="EUR" xml:lang="en">
    <iati-identifier>${options.id}</iati-identifier>
    <reporting-org ref="XM-TEST-1" type="21"><narrative>Test Publisher</narrative></reporting-org>
    <title><narrative>${options.title}</narrative><narrative xml:lang="fr">Titre</narrative></title>
    <participating-org role="1" ref="XM-DONOR-9" type="10"><narrative>Donor Agency</narrative></participating-org>
    <participating-org role="4" ${options.orgRef ? `ref="${options.orgRef}"` : ''} type="22"><narrative>${options.orgName ?? 'Partner Local'}</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="2" iso-date="2020-01-01"/>
    <recipient-country code="KE"/>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2020-02-01"/><value value-date="2020-02-01">1000</value>
      <receiver-org ref="${options.orgRef ?? ''}"><narrative>${options.orgName ?? 'Partner Local'}</narrative></receiver-org></transaction>
  </iati-activity>`;
const documentXml = (...activities: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">${activities.join('')}\n</iati-activities>\n`;

describe('versions, organization matching and refusals', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it('a newer last-updated replaces the stored activity under the same programme; an older one does not', async () => {
    await importText(handle, documentXml(activityXml({ id: 'XM-TEST-1-A', updated: '2021-01-01T00:00:00Z', title: 'First title' })));
    const [first] = await handle.query<{ id: string; title: string }>(`select p.id, p.title from programmes p join iati_activities a on a.programme_id = p.id where a.iati_identifier = 'XM-TEST-1-A'`);
    const before = await counts(handle);
    await importText(handle, documentXml(activityXml({ id: 'XM-TEST-1-A', updated: '2022-06-01T00:00:00Z', title: 'Second title' })));
    const [second] = await handle.query<{ id: string; title: string }>(`select p.id, p.title from programmes p join iati_activities a on a.programme_id = p.id where a.iati_identifier = 'XM-TEST-1-A'`);
    expect(second).toEqual({ id: first!.id, title: 'Second title' });
    expect(await counts(handle)).toEqual(before);
    await importText(handle, documentXml(activityXml({ id: 'XM-TEST-1-A', updated: '2020-01-01T00:00:00Z', title: 'Old title' })));
    const [third] = await handle.query<{ title: string }>(`select p.title from programmes p join iati_activities a on a.programme_id = p.id where a.iati_identifier = 'XM-TEST-1-A'`);
    expect(third!.title).toBe('Second title');
  });

  it('matches organizations by identifier, then by normalized name, and never duplicates them', async () => {
    const existing = await buildOrganization(handle.db, { name: 'Réseau des Femmes, Kenya', identifier: null });
    const byIdentifier = await buildOrganization(handle.db, { name: 'Registered name', identifier: 'KE-NGC-777' });
    const { summary } = await importText(
      handle,
      documentXml(
        activityXml({ id: 'XM-TEST-1-B', updated: '2021-01-01T00:00:00Z', title: 'B', orgName: 'RESEAU DES FEMMES  KENYA.' }),
        activityXml({ id: 'XM-TEST-1-C', updated: '2021-01-01T00:00:00Z', title: 'C', orgName: 'Another spelling', orgRef: 'ke-ngc-777' }),
      ),
    );
    expect(summary.organizations.created).toBe(0);
    const members = await handle.query<{ organization_id: string; iati_role: number }>(
      `select m.organization_id, m.iati_role from programme_members m join iati_activities a on a.programme_id = m.programme_id where a.iati_identifier in ('XM-TEST-1-B', 'XM-TEST-1-C') and m.iati_role = 4 order by a.iati_identifier`,
    );
    expect(members.map((member) => member.organization_id)).toEqual([existing.id, byIdentifier.id]);
    const donors = await handle.query<{ n: number }>(`select count(*)::int as n from organizations where identifier = 'XM-DONOR-9'`);
    expect(donors[0]!.n).toBe(1);
  });

  const refused: Array<[string, string, string]> = [
    ['not well-formed after activities', documentXml(activityXml({ id: 'XM-BAD-1', updated: '2021-01-01', title: 'x' }), '<iati-activity><iati-identifier>X</iati-identifer></iati-activity>'), 'not-well-formed'],
    ['truncated', documentXml(activityXml({ id: 'XM-BAD-2', updated: '2021-01-01', title: 'x' })).slice(0, -40), 'truncated'],
    ['a DOCTYPE', `<?xml version="1.0"?>\n<!DOCTYPE iati-activities [<!ENTITY lol "lol">]>\n<iati-activities version="2.03"/>`, 'entity-forbidden'],
    ['not IATI', '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>\n', 'not-iati'],
  ];

  it.each(refused)('refuses a file that is %s and imports nothing of it', async (_label, xml, code) => {
    const before = await counts(handle);
    const error = await importText(handle, xml).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(IatiFileError);
    expect((error as IatiFileError).code).toBe(code);
    expect((error as IatiFileError).line).toBeGreaterThanOrEqual(1);
    expect(await counts(handle)).toEqual(before);
  });

  it('refuses a file over the size limit', async () => {
    const before = await counts(handle);
    const xml = documentXml(activityXml({ id: 'XM-BIG', updated: '2021-01-01', title: 'x'.repeat(5000) }));
    const bytes = Buffer.from(xml);
    await expect(importIati(handle.db, { source: { bytes: Readable.from([bytes.subarray(0, 3000), bytes.subarray(3000)]) }, fileName: 'big.xml', sizeBytes: bytes.length, origin: 'cli', readOptions: { maxBytes: 4000 } })).rejects.toMatchObject({ code: 'too-large' });
    expect(await counts(handle)).toEqual(before);
  });
});

describe('the audit trail of an import', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  const trailOf = (importId: string) =>
    handle.query<{ transaction_id: string; action: string; actor_user_id: string | null; new_values: Record<string, unknown> }>(
      `select transaction_id::text, action, actor_user_id, new_values from audit_log where table_name = 'iati_imports' and record_id = $1`,
      [importId],
    );

  it('records one row per import, in its transaction, with what it created and replaced, instead of one per record', async () => {
    const before = Number((await handle.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n);
    const first = await importText(handle, documentXml(
      activityXml({ id: 'XM-AUD-1', updated: '2021-01-01T00:00:00Z', title: 'One' }),
      activityXml({ id: 'XM-AUD-2', updated: '2021-01-01T00:00:00Z', title: 'Two' }),
    ));
    expect(Number((await handle.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n)).toBe(before + 1);
    const [row] = await trailOf(first.importId);
    expect(row).toMatchObject({ action: 'insert', actor_user_id: null });
    expect(row!.new_values).toMatchObject({
      kind: 'iati-import', file_name: 'crafted.xml', source: 'cli', publisher: 'XM-TEST-1', status: 'done',
      programmes_created: 2, programmes_replaced: 0, activities_unchanged: 0, organizations_created: first.summary.organizations.created, transactions: 2,
    });

    const second = await importText(handle, documentXml(
      activityXml({ id: 'XM-AUD-1', updated: '2022-01-01T00:00:00Z', title: 'One, revised' }),
      activityXml({ id: 'XM-AUD-2', updated: '2021-01-01T00:00:00Z', title: 'Two' }),
    ));
    expect((await trailOf(second.importId))[0]!.new_values).toMatchObject({ programmes_created: 0, programmes_replaced: 1, activities_unchanged: 1 });
  });

  it('keeps auditing every other change: the bulk setting ends with the import transaction', async () => {
    await importText(handle, documentXml(activityXml({ id: 'XM-AUD-3', updated: '2021-01-01T00:00:00Z', title: 'Three' })));
    const organization = await buildOrganization(handle.db, { name: 'Audited after an import' });
    const rows = await handle.query<{ n: number }>(`select count(*)::int as n from audit_log where table_name = 'organizations' and record_id = $1`, [organization.id]);
    expect(rows[0]!.n).toBe(1);
    const setting = await handle.query<{ value: string | null }>(`select current_setting('consortia.bulk_import', true) as value`);
    expect(setting[0]!.value ?? '').not.toBe('on');
  });

  it('leaves no trail of a refused file', async () => {
    const before = await handle.query<{ n: number }>('select count(*)::int as n from audit_log');
    await expect(importText(handle, documentXml(activityXml({ id: 'XM-AUD-4', updated: '2021-01-01', title: 'x' })).slice(0, -40))).rejects.toBeInstanceOf(IatiFileError);
    expect(await handle.query<{ n: number }>('select count(*)::int as n from audit_log')).toEqual(before);
  });
});

describe('storableDate', () => {
  it('answers exactly as validDate', () => {
    const samples = ['2020-02-29', '2019-02-29', '1900-02-29', '2000-02-29', '2100-02-28', '1899-12-31', '2200-12-31', '2201-01-01', '2011-02-30', '2011-04-31', '2011-04-30',
      '0001-01-01', '2020-13-01', '2020-00-10', '2020-01-00', '2020-1-01', '2020-01-01T00:00:00Z', '２０２０-01-01', '', 'abcd-ef-gh', '2020/01/01', ' 2020-01-0'];
    for (let day = 0; day < 800; day += 1) samples.push(new Date(Date.UTC(1999, 0, 1) + day * 86_400_000).toISOString().slice(0, 10));
    for (const sample of [...samples, null, undefined]) expect(storableDate(sample), String(sample)).toBe(validDate(sample));
  });
});

describe('arrayLiteral', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it('gives the database back exactly the texts and numbers it was handed', async () => {
    const texts = ['plain', '', 'NULL', 'null', 'a,b', '{braces}', 'say "hi"', 'back\\slash\\', '\\"', ' spaced ', 'line\nbreak\ttab', 'é ü 中文 مياه', '[{"lang":"en","text":"A \\"quoted\\" name"}]', null];
    const [row] = await handle.query<{ a: Array<string | null> }>('select $1::text[] as a', [arrayLiteral(texts)]);
    expect(row!.a).toEqual(texts);
    const numbers = [0, -1.5, 1e21, 123456789.125, null];
    const [numeric] = await handle.query<{ a: string[] }>('select $1::numeric[]::text[] as a', [arrayLiteral(numbers)]);
    expect(numeric!.a.map((value) => (value === null ? null : Number(value)))).toEqual(numbers);
  });
});
