import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { organizations } from '../../db/schema/index.js';
import { XLSX_TYPE } from './table-files.js';

let t: TestApp;
let session: Session;
let memberSession: Session;

beforeAll(async () => {
  t = await createTestApp();
  const organization = await buildOrganization(t.database.db, { name: 'Importer NGO' });
  session = await login(t.app, (await buildUser(t.database.db, { organizationId: organization.id, role: 'org-admin' })).email, TEST_PASSWORD);
  memberSession = await login(t.app, (await buildUser(t.database.db, { organizationId: organization.id })).email, TEST_PASSWORD);
  await buildOrganization(t.database.db, { name: 'Taken Identifier Org', identifier: 'GB-CHC-555' });
});
afterAll(async () => t?.close());

async function count(): Promise<number> {
  return (await t.database.db.select().from(organizations)).length;
}

function upload(payload: string | Buffer, dryRun: boolean, contentType = 'text/csv', as = session) {
  return t.app.inject({ method: 'POST', url: `/api/organizations/import?dryRun=${dryRun}`, headers: as.headers({ 'content-type': contentType }), payload });
}

const goodCsv = 'name,acronym,identifier,type,country,scope,sectors,areas_of_influence\n"Coopérative des Femmes de Kaya",CFK,BF-RCCM-123,22,BF,local,31120; 31163,Kaya; Kongoussi\nWater Futures,,,,KE,national,,\n';

describe('organization import', () => {
  it('reports every problem of every row in a dry run, and imports nothing', async () => {
    const before = await count();
    const csv = [
      'name,identifier,type,country,scope,sectors,colour',
      'Good Row,,21,FR,international,,blue',
      ',,21,FR,,,',
      'Bad Codes,,99,XX,galactic,12345,',
      'Taken,GB-CHC-555,,,,,',
      'Repeat A,KE-NGC-1,,,,,',
      'Repeat B,ke-ngc-1,,,,,',
    ].join('\n');
    const response = await upload(csv, true);
    expect(response.statusCode).toBe(200);
    const report = response.json() as { problems: Array<{ row: number; column: string; reason: string }>; warnings: Array<{ column: string }>; rows: number };
    expect(report.rows).toBe(6);
    expect(report.problems.map((problem) => `${problem.row}:${problem.column}`).sort()).toEqual(['3:name', '4:country', '4:scope', '4:sectors', '4:type', '5:identifier', '7:identifier'].sort());
    expect(report.warnings.filter((warning) => warning.column !== 'identifier')).toEqual([expect.objectContaining({ column: 'colour' })]);
    expect(await count()).toBe(before);
  });

  it('imports nothing when any row is wrong, and says which row and why', async () => {
    const before = await count();
    const response = await upload(`${goodCsv}Broken,,,,ZZ,,,\n`, false);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ pointer: '/rows/4/country' }] } });
    expect(await count()).toBe(before);
  });

  it('imports a clean CSV file in full', async () => {
    const before = await count();
    const dry = (await upload(goodCsv, true)).json() as { created: number; problems: unknown[] };
    expect(dry).toMatchObject({ created: 2, problems: [] });
    expect(await count()).toBe(before);
    const response = await upload(goodCsv, false);
    expect(response.statusCode).toBe(200);
    expect(await count()).toBe(before + 2);
    const found = (await t.app.inject({ method: 'GET', url: '/api/organizations?q=kaya', headers: session.headers() })).json() as { items: Array<{ sectors: string[]; country: string }> };
    expect(found.items[0]).toMatchObject({ country: 'BF', sectors: ['31120', '31163'] });
  });

  it('reads XLSX files, and round-trips an export', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Organizations');
    sheet.addRow(['name', 'country', 'type']);
    sheet.addRow(['Spreadsheet Partner', 'SN', '24']);
    sheet.addRow(['Bad Spreadsheet Partner', 'SN', 'x']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = (await upload(file, true, XLSX_TYPE)).json() as { problems: Array<{ row: number; column: string }> };
    expect(report.problems).toEqual([expect.objectContaining({ row: 3, column: 'type' })]);

    const exported = await t.app.inject({ method: 'GET', url: '/api/organizations/export?format=xlsx&country=BF', headers: session.headers() });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX_TYPE);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(read.worksheets[0]!.getRow(2).getCell(2).value).toBe('Coopérative des Femmes de Kaya');

    const csv = await t.app.inject({ method: 'GET', url: '/api/organizations/export?format=csv&country=BF', headers: session.headers() });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Coopérative des Femmes de Kaya');
    // Re-importing the export updates the same organizations rather than creating copies.
    const again = (await upload(csv.body, true)).json() as { created: number; updated: number; problems: unknown[] };
    expect(again).toMatchObject({ created: 0, updated: 1, problems: [] });
  });

  it('exports formula-like cells as text, and reads them back unchanged', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/organizations', headers: session.headers(), payload: { name: '=HYPERLINK("http://example.com","Click")', acronym: '@SUM', country: 'TD', notes: '+33 1 23 45 67 89', otherNames: ['-1+1'] } });
    expect(created.statusCode).toBe(201);
    const csv = await t.app.inject({ method: 'GET', url: '/api/organizations/export?format=csv&country=TD', headers: session.headers() });
    expect(csv.body).toContain(`"'=HYPERLINK(""http://example.com"",""Click"")"`);
    expect(csv.body).toContain("'@SUM");
    expect(csv.body).toContain("'-1+1");
    expect(csv.body).not.toMatch(/(^|,)[=+@-]/m);
    const again = (await upload(csv.body, true)).json() as { created: number; updated: number; problems: unknown[] };
    expect(again).toMatchObject({ created: 0, updated: 1, problems: [] });
  });

  it('refuses other content types, empty bodies and members who are not administrators', async () => {
    expect((await upload('{}', true, 'application/json')).statusCode).toBe(415);
    expect((await upload('', true)).statusCode).toBe(400);
    expect((await upload(goodCsv, true, 'text/csv', memberSession)).statusCode).toBe(403);
  });
});

describe('people import', () => {
  it('resolves employers by identifier or name and reports unknown ones', async () => {
    const csv = 'name,organization,position,emails,languages\nAwa Traoré,BF-RCCM-123,Coordinator,awa@example.org,fr; mos\nNobody,No Such Org,,,\n';
    const dry = (await t.app.inject({ method: 'POST', url: '/api/people/import?dryRun=true', headers: session.headers({ 'content-type': 'text/csv' }), payload: csv })).json() as { problems: Array<{ row: number; column: string }> };
    expect(dry.problems).toEqual([expect.objectContaining({ row: 3, column: 'organization' })]);
    const clean = csv.split('\n').slice(0, 2).join('\n');
    const imported = await t.app.inject({ method: 'POST', url: '/api/people/import?dryRun=false', headers: session.headers({ 'content-type': 'text/csv' }), payload: clean });
    expect(imported.statusCode).toBe(200);
    const exported = await t.app.inject({ method: 'GET', url: '/api/people/export?format=csv', headers: session.headers() });
    expect(exported.body).toContain('Awa Traoré,BF-RCCM-123,Coordinator,awa@example.org,,fr; mos');
  });
});
