// The IATI API: upload run as a job and polled to the end, imports list, public read access to
// imported programmes and no changes to them, and the export validated by the official schema.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { importIati } from './import-iati.js';
import { sharedData } from './test-helpers.js';

const schema = new URL('iati-standard/schemas/2.03/iati-activities-schema.xsd', sharedData).pathname;
const sample = (file: string) => new URL(`iati-samples/${file}`, sharedData).pathname;
const workDir = mkdtempSync(join(tmpdir(), 'iati-routes-'));

function xmllint(xml: string): string {
  const file = join(workDir, `export-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync('/usr/bin/xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
    return 'valid';
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
  }
}

type ImportView = { status: string; progress: number; summary: { activities: number; transactions: number } | null; error: { code: string; line: number } | null };

async function pollUntilFinished(test: TestApp, session: Session, id: string): Promise<ImportView> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const response = await test.app.inject({ method: 'GET', url: `/api/iati/imports/${id}`, headers: session.headers() });
    expect(response.statusCode).toBe(200);
    const view = response.json() as ImportView;
    if (['done', 'refused', 'failed'].includes(view.status)) return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

describe('IATI API', () => {
  let test: TestApp;
  let admin: Session;
  let member: Session;
  let other: Session;
  beforeAll(async () => {
    test = await createTestApp();
    const { db } = test.database;
    const organization = await buildOrganization(db);
    const adminUser = await buildUser(db, { organizationId: organization.id, role: 'org-admin' });
    const memberUser = await buildUser(db, { organizationId: organization.id });
    const otherUser = await buildUser(db);
    admin = await login(test.app, adminUser.email, TEST_PASSWORD);
    member = await login(test.app, memberUser.email, TEST_PASSWORD);
    other = await login(test.app, otherUser.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await test.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('runs an upload as a job: 202, then progress, then the summary', async () => {
    const xml = readFileSync(sample('ingo/cafod-1.00.xml'));
    const upload = await test.app.inject({ method: 'POST', url: '/api/iati/imports?name=cafod.xml', headers: admin.headers({ 'content-type': 'application/xml' }), payload: xml });
    expect(upload.statusCode).toBe(202);
    const { id } = upload.json() as { id: string };
    const view = await pollUntilFinished(test, admin, id);
    expect(view).toMatchObject({ status: 'done', progress: 1, error: null });
    expect(view.summary?.activities).toBe(57);
    const list = await test.app.inject({ method: 'GET', url: '/api/iati/imports', headers: other.headers() });
    expect(list.json().items[0]).toMatchObject({ id, fileName: 'cafod.xml', status: 'done', counts: { activities: 57 } });
    const stored = await test.database.query<{ n: number }>('select count(*)::int as n from iati_import_files');
    expect(stored[0]!.n).toBe(0);

    // The audit trail says who imported what: one row for the import, read by the uploader's administrators.
    const trail = await test.app.inject({ method: 'GET', url: `/api/audit?table=iati_imports&recordId=${id}`, headers: admin.headers() });
    expect(trail.statusCode).toBe(200);
    const entries = trail.json().items as Array<{ actor: { email: string | null } | null; action: string; after: Record<string, unknown> }>;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor?.email).toBeTruthy();
    expect(entries[0]!.after).toMatchObject({ kind: 'iati-import', file_name: 'cafod.xml', source: 'web', programmes_created: 57, programmes_replaced: 0 });
  });

  it('answers a refused upload with the reason and position, and imports nothing', async () => {
    const before = await test.database.query<{ n: number }>('select count(*)::int as n from programmes');
    const xml = '<?xml version="1.0"?>\n<iati-activities version="2.03">\n<iati-activity><iati-identifier>X-1</iati-identifier></iati-activity>\n<iati-activity>';
    const upload = await test.app.inject({ method: 'POST', url: '/api/iati/imports', headers: admin.headers({ 'content-type': 'text/xml' }), payload: xml });
    const view = await pollUntilFinished(test, admin, (upload.json() as { id: string }).id);
    expect(view.status).toBe('refused');
    expect(view.error).toMatchObject({ code: 'truncated' });
    expect(view.error!.line).toBeGreaterThanOrEqual(3);
    const after = await test.database.query<{ n: number }>('select count(*)::int as n from programmes');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('refuses uploads from users who are not administrators, other content types and files over the limit', async () => {
    const forbidden = await test.app.inject({ method: 'POST', url: '/api/iati/imports', headers: member.headers({ 'content-type': 'application/xml' }), payload: '<iati-activities/>' });
    expect(forbidden.statusCode).toBe(403);
    const json = await test.app.inject({ method: 'POST', url: '/api/iati/imports', headers: admin.headers({ 'content-type': 'application/json' }), payload: '{}' });
    expect(json.statusCode).toBe(415);
    const small = await createTestApp({ IMPORT_LIMIT_BYTES: '1000' });
    try {
      const user = await buildUser(small.database.db, { role: 'org-admin' });
      const session = await login(small.app, user.email, TEST_PASSWORD);
      const big = await small.app.inject({ method: 'POST', url: '/api/iati/imports', headers: session.headers({ 'content-type': 'application/xml' }), payload: 'x'.repeat(2000) });
      expect(big.statusCode).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('lets every signed-in user read an imported programme, and nobody change it', async () => {
    const path = sample('bilateral/usaid-2.03.xml');
    const bytes = readFileSync(path);
    await importIati(test.database.db, { source: { bytes: Readable.from([bytes]) }, fileName: 'usaid.xml', sizeBytes: bytes.length, origin: 'cli' });
    const [imported] = await test.database.query<{ programme_id: string; organization_id: string }>(
      `select a.programme_id, m.organization_id from iati_activities a join programme_members m on m.programme_id = a.programme_id and m.role = 'lead' limit 1`,
    );
    const read = await test.app.inject({ method: 'GET', url: `/api/programmes/${imported!.programme_id}`, headers: other.headers() });
    expect(read.statusCode).toBe(200);
    // Even an administrator of the lead organization may not change an imported programme.
    const leadAdmin = await buildUser(test.database.db, { organizationId: imported!.organization_id, role: 'org-admin' });
    const session = await login(test.app, leadAdmin.email, TEST_PASSWORD);
    const patch = await test.app.inject({ method: 'PATCH', url: `/api/programmes/${imported!.programme_id}`, headers: session.headers(), payload: { version: read.json().version, title: 'Changed' } });
    expect(patch.statusCode).toBe(403);
    const listed = await test.app.inject({ method: 'GET', url: '/api/programmes?limit=100', headers: other.headers() });
    expect((listed.json().items as Array<{ id: string }>).some((item) => item.id === imported!.programme_id)).toBe(true);
  });

  it('exports a programme as IATI 2.03 that validates, and importing it gives back members, roles and budgets', async () => {
    const { db } = test.database;
    const lead = await buildOrganization(db, { name: 'Export Lead', identifier: 'XM-EXPORT-LEAD', type: '21' });
    const partner = await buildOrganization(db, { name: 'Export Partner', identifier: 'KE-NGO-EXPORT', type: '22' });
    const funder = await buildOrganization(db, { name: 'Export Funder', identifier: 'XM-EXPORT-FUND', type: '10' });
    const leadUser = await buildUser(db, { organizationId: lead.id });
    const programme = await buildProgramme(db, { members: [{ organizationId: lead.id, role: 'lead' }, { organizationId: partner.id, role: 'partner' }, { organizationId: funder.id, role: 'funder' }] });
    await test.database.query(`update programmes set start_date = '2024-01-01', end_date = '2025-12-31', status = 'implementation', countries = '{KE}' where id = $1`, [programme.id]);
    await test.database.query(`insert into budget_lines (programme_id, organization_id, amount) values ($1, $2, 1500), ($1, $3, 500)`, [programme.id, lead.id, partner.id]).catch(() => undefined);
    const session = await login(test.app, leadUser.email, TEST_PASSWORD);
    const response = await test.app.inject({ method: 'GET', url: `/api/programmes/${programme.id}/iati.xml`, headers: session.headers() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/xml/);
    expect(xmllint(response.body)).toBe('valid');
    // Outsiders do not see a programme made here.
    expect((await test.app.inject({ method: 'GET', url: `/api/programmes/${programme.id}/iati.xml`, headers: other.headers() })).statusCode).toBe(404);

    const fresh = await createTestApp();
    try {
      const { summary } = await importIati(fresh.database.db, { source: { bytes: Readable.from([Buffer.from(response.body)]) }, fileName: 'export.xml', sizeBytes: response.body.length, origin: 'cli' });
      expect(summary.activities).toBe(1);
      const members = await fresh.database.query<{ identifier: string; role: string; iati_role: number }>(
        'select o.identifier, m.role, m.iati_role from programme_members m join organizations o on o.id = m.organization_id order by o.identifier',
      );
      expect(members).toEqual([
        { identifier: 'KE-NGO-EXPORT', role: 'partner', iati_role: 4 },
        { identifier: 'XM-EXPORT-FUND', role: 'funder', iati_role: 1 },
        { identifier: 'XM-EXPORT-LEAD', role: 'lead', iati_role: 2 },
      ]);
      const [imported] = await fresh.database.query<{ ref: string; start_date: string; countries: string[] }>('select ref, start_date::text, countries from programmes');
      expect(imported).toMatchObject({ ref: `XM-EXPORT-LEAD-${programme.ref}`, start_date: '2024-01-01', countries: ['KE'] });
      const budgets = await fresh.database.query<{ value: string }>('select value::text from iati_budgets');
      const lines = await test.database.query<{ n: number }>('select count(*)::int as n from budget_lines where programme_id = $1', [programme.id]);
      expect(budgets.map((b) => Number(b.value))).toEqual(lines[0]!.n > 0 ? [2000] : []);
    } finally {
      await fresh.close();
    }
  });

  it('round-trips an imported programme: transactions and budgets come back the same', async () => {
    const bytes = readFileSync(sample('bilateral/beis-2.03.xml'));
    await importIati(test.database.db, { source: { bytes: Readable.from([bytes]) }, fileName: 'beis.xml', sizeBytes: bytes.length, origin: 'cli' });
    const [imported] = await test.database.query<{ programme_id: string }>(
      `select a.programme_id from iati_activities a where exists (select 1 from iati_transactions t where t.programme_id = a.programme_id) and exists (select 1 from iati_budgets b where b.programme_id = a.programme_id) limit 1`,
    );
    const response = await test.app.inject({ method: 'GET', url: `/api/programmes/${imported!.programme_id}/iati.xml`, headers: other.headers() });
    expect(response.statusCode).toBe(200);
    expect(xmllint(response.body)).toBe('valid');
    const shape = async (database: TestApp['database'], programmeId?: string) => ({
      transactions: await database.query(`select type, date::text, value::text, currency, provider_ref, receiver_ref from iati_transactions ${programmeId ? 'where programme_id = $1' : ''} order by position`, programmeId ? [programmeId] : []),
      budgets: await database.query(`select type, period_start::text, period_end::text, value::text from iati_budgets ${programmeId ? 'where programme_id = $1' : ''} order by position`, programmeId ? [programmeId] : []),
      roles: await database.query(`select role, count(*)::int as n from iati_participations where role is not null ${programmeId ? 'and programme_id = $1' : ''} group by role order by role`, programmeId ? [programmeId] : []),
    });
    const fresh = await createTestApp();
    try {
      await importIati(fresh.database.db, { source: { bytes: Readable.from([Buffer.from(response.body)]) }, fileName: 'export.xml', sizeBytes: response.body.length, origin: 'cli' });
      const original = await shape(test.database, imported!.programme_id);
      const back = await shape(fresh.database);
      expect(back.budgets).toEqual(original.budgets);
      expect(back.roles).toEqual(original.roles);
      expect(back.transactions.map((t) => ({ ...t, currency: null }))).toEqual(original.transactions.map((t) => ({ ...t, currency: null })));
    } finally {
      await fresh.close();
    }
  });

  it('answers 400 naming what is missing when the lead has no IATI identifier', async () => {
    const { db } = test.database;
    const lead = await buildOrganization(db, { name: 'No Identifier Lead', identifier: null });
    const leadUser = await buildUser(db, { organizationId: lead.id });
    const programme = await buildProgramme(db, { members: [{ organizationId: lead.id, role: 'lead' }] });
    const session = await login(test.app, leadUser.email, TEST_PASSWORD);
    const response = await test.app.inject({ method: 'GET', url: `/api/programmes/${programme.id}/iati.xml`, headers: session.headers() });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].pointer).toBe('/lead/identifier');
  });
});
