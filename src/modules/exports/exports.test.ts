import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { budgetLines, decisions, planTasks } from '../../db/schema/index.js';

describe('exports of the main lists', () => {
  let t: TestApp;
  let programmeId: string;
  let manager: Session;
  let partner: Session;
  let vendor: Session;
  let outsider: Session;

  const download = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers() });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const lead = await buildOrganization(db, { name: 'Lead Org' });
    const partnerOrg = await buildOrganization(db, { name: 'Partner Org' });
    const vendorOrg = await buildOrganization(db, { name: 'Vendor Org' });
    const outsiderOrg = await buildOrganization(db, { name: 'Outsider Org' });
    const managerUser = await buildUser(db, { organizationId: lead.id });
    const programme = await buildProgramme(db, {
      title: 'Exported programme',
      budgetTransparent: false,
      members: [{ organizationId: lead.id, role: 'lead' }, { organizationId: partnerOrg.id, role: 'partner' }, { organizationId: vendorOrg.id, role: 'vendor' }],
      users: [{ userId: managerUser.id, role: 'manager' }],
    });
    programmeId = programme.id;
    await db.insert(budgetLines).values([
      { programmeId, organizationId: lead.id, description: 'Lead salaries', amount: '1000.00' },
      { programmeId, organizationId: partnerOrg.id, description: 'Partner field work', amount: '500.00' },
      { programmeId, organizationId: vendorOrg.id, description: 'Vendor printing', amount: '50.00' },
    ]);
    await db.insert(planTasks).values({ programmeId, ref: 'T1', title: '=HYPERLINK("http://example.com","click")' });
    await db.insert(decisions).values({ programmeId, date: '2025-03-01', title: 'Secret decision of the consortium', scope: 'programme' });
    const other = await buildProgramme(db, { title: 'Other programme', members: [{ organizationId: outsiderOrg.id, role: 'lead' }] });
    await db.insert(decisions).values({ programmeId: other.id, date: '2025-03-02', title: 'Outsider decision', scope: 'programme' });
    manager = await login(t.app, managerUser.email, TEST_PASSWORD);
    partner = await login(t.app, (await buildUser(db, { organizationId: partnerOrg.id })).email, TEST_PASSWORD);
    vendor = await login(t.app, (await buildUser(db, { organizationId: vendorOrg.id })).email, TEST_PASSWORD);
    outsider = await login(t.app, (await buildUser(db, { organizationId: outsiderOrg.id })).email, TEST_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('gives budget lines whole to managers and only their own to partners and vendors when the budget is not transparent', async () => {
    const whole = (await download(manager, '/api/exports/budget-lines')).body;
    expect(whole).toContain('Lead salaries');
    expect(whole).toContain('Partner field work');
    const own = (await download(partner, `/api/exports/budget-lines?programmeId=${programmeId}`)).body;
    expect(own).toContain('Partner field work');
    expect(own).not.toContain('Lead salaries');
    expect(own).not.toContain('Vendor printing');
    const vendorOwn = (await download(vendor, '/api/exports/budget-lines')).body;
    expect(vendorOwn).toContain('Vendor printing');
    expect(vendorOwn).not.toContain('Partner field work');
  });

  it('leaves out the programmes a reader does not take part in, and hides them when asked by id', async () => {
    const mine = (await download(outsider, '/api/exports/decisions')).body;
    expect(mine).toContain('Outsider decision');
    expect(mine).not.toContain('Secret decision');
    for (const list of ['programmes', 'members', 'tasks', 'budget-lines', 'interactions']) {
      const body = (await download(outsider, `/api/exports/${list}?format=csv`)).body;
      expect(body, list).not.toContain('Exported programme');
      expect(body, list).not.toContain('Lead salaries');
      expect(body, list).not.toContain('HYPERLINK');
    }
    expect((await download(outsider, `/api/exports/tasks?programmeId=${programmeId}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/exports/tasks' })).statusCode).toBe(401);
    expect((await download(manager, '/api/exports/passwords')).statusCode).toBe(400);
  });

  it('guards formula-like cells in CSV and writes them as plain text in XLSX', async () => {
    const csv = await download(partner, `/api/exports/tasks?programmeId=${programmeId}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://example.com"",""click"")"`);
    const xlsx = await download(partner, `/api/exports/tasks?programmeId=${programmeId}&format=xlsx`);
    expect(xlsx.headers['content-disposition']).toContain('tasks.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getRow(2).getCell(3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://example.com","click")');
  });

  it('exports the shared registry lists to every signed-in user', async () => {
    const organizationsCsv = (await download(outsider, '/api/exports/organizations')).body;
    expect(organizationsCsv).toContain('Lead Org');
    expect((await download(outsider, '/api/exports/people?format=xlsx')).statusCode).toBe(200);
  });
});
