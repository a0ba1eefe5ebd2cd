import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

type Entry = { id: number; transactionId: number; actor: { id: string; email: string | null } | null; table: string; recordId: string; action: string; programmeId: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

// Tables deliberately left out of the trail (see migration 0015): anonymity, secrets in motion, bulk public data, bookkeeping, derived indexes.
const notAudited = new Set([
  'audit_log', 'sessions', 'login_attempts', 'jobs', 'registry_search_words',
  'survey_answers', 'survey_comments', 'survey_completions', 'survey_drafts', 'survey_recipients', 'survey_link_attempts',
  'iati_imports', 'iati_import_files', 'iati_activities', 'iati_activity_countries', 'iati_activity_sectors', 'iati_budgets', 'iati_participations', 'iati_related_activities', 'iati_transactions',
]);

describe('audit trail', () => {
  let t: TestApp;
  let manager: Session;
  let managerId: string;
  let partner: Session;
  let outsiderAdmin: Session;
  let instanceAdmin: Session;
  let leadId: string;
  let partnerOrgId: string;

  const trail = async (session: Session, query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: session.headers() });
    return { status: response.statusCode, items: response.statusCode === 200 ? (response.json().items as Entry[]) : [], body: response.json() as Record<string, unknown> };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    leadId = (await buildOrganization(db)).id;
    partnerOrgId = (await buildOrganization(db)).id;
    const managerUser = await buildUser(db, { organizationId: leadId });
    managerId = managerUser.id;
    const partnerUser = await buildUser(db, { organizationId: partnerOrgId });
    const outsider = await buildUser(db, { role: 'org-admin' });
    const admin = await buildUser(db, { isInstanceAdmin: true, role: 'org-admin' });
    manager = await login(t.app, managerUser.email, TEST_PASSWORD);
    partner = await login(t.app, partnerUser.email, TEST_PASSWORD);
    outsiderAdmin = await login(t.app, outsider.email, TEST_PASSWORD);
    instanceAdmin = await login(t.app, admin.email, TEST_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('records who created and changed a programme, and what changed, in the transaction of the change', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/programmes', headers: manager.headers(), payload: { ref: 'AUD-1', title: 'Audited programme' } });
    expect(created.statusCode).toBe(201);
    const programme = created.json() as { id: string; version: number };
    const updated = await t.app.inject({ method: 'PATCH', url: `/api/programmes/${programme.id}`, headers: manager.headers(), payload: { version: programme.version, title: 'Renamed programme' } });
    expect(updated.statusCode).toBe(200);

    const { status, items } = await trail(manager, `table=programmes&recordId=${programme.id}`);
    expect(status).toBe(200);
    expect(items.map((entry) => entry.action)).toEqual(['update', 'insert']);
    const [update, insert] = items as [Entry, Entry];
    expect(insert.actor?.id).toBe(managerId);
    expect(insert.after?.title).toBe('Audited programme');
    expect(update.before).toMatchObject({ title: 'Audited programme' });
    expect(update.after).toMatchObject({ title: 'Renamed programme' });
    expect(Object.keys(update.after ?? {})).not.toContain('ref');
    expect(update.transactionId).not.toBe(insert.transactionId);

    // The membership written by the same request shares the programme row's transaction.
    const all = await trail(manager, `programmeId=${programme.id}`);
    const membership = all.items.find((entry) => entry.table === 'programme_members');
    expect(membership?.transactionId).toBe(insert.transactionId);
    expect(membership?.actor?.id).toBe(managerId);
  });

  it('keeps nothing, trail included, of a rejected request', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/programmes', headers: manager.headers(), payload: { ref: 'AUD-2', title: 'Second' } });
    const programme = created.json() as { id: string; version: number };
    const before = await trail(instanceAdmin, `programmeId=${programme.id}&limit=100`);
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/programmes/${programme.id}`, headers: manager.headers(), payload: { version: programme.version + 5, title: 'Lost' } });
    expect(stale.statusCode).toBe(409);
    const after = await trail(instanceAdmin, `programmeId=${programme.id}&limit=100`);
    expect(after.items.map((entry) => entry.id)).toEqual(before.items.map((entry) => entry.id));
  });

  it('lets managers read their programme, administrators their organization, and nobody else', async () => {
    const programme = await buildProgramme(t.database.db, { members: [{ organizationId: leadId, role: 'lead' }, { organizationId: partnerOrgId, role: 'partner' }], users: [{ userId: managerId, role: 'manager' }] });
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/programmes/${programme.id}`, headers: manager.headers(), payload: { version: programme.version, summary: 'Confidential plans' } });
    expect(patched.statusCode).toBe(200);

    expect((await trail(manager, `programmeId=${programme.id}`)).items.length).toBeGreaterThan(0);
    expect((await trail(partner, `programmeId=${programme.id}`)).status).toBe(403);
    expect((await trail(partner, '')).status).toBe(403);
    expect((await trail(outsiderAdmin, `programmeId=${programme.id}`)).status).toBe(403);
    const outsiderView = await trail(outsiderAdmin, 'limit=100');
    expect(outsiderView.status).toBe(200);
    expect(JSON.stringify(outsiderView.items)).not.toContain('Confidential plans');
    expect(outsiderView.items.every((entry) => entry.programmeId === null)).toBe(true);
    expect((await trail(instanceAdmin, `programmeId=${programme.id}`)).items.some((entry) => entry.after?.summary === 'Confidential plans')).toBe(true);
  });

  it('records changes made outside a request as the system, and never copies secrets', async () => {
    const user = await buildUser(t.database.db, { organizationId: leadId });
    const { items } = await trail(instanceAdmin, `table=users&recordId=${user.id}`);
    expect(items).toHaveLength(1);
    expect(items[0]!.actor).toBeNull();
    expect(items[0]!.after?.password_hash).toBe('(hidden)');
  });

  it('cannot be changed: no route writes it and the database refuses', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = await t.app.inject({ method, url: '/api/audit', headers: instanceAdmin.headers(), payload: {} });
      expect(response.statusCode).toBe(404);
    }
    const [first] = (await t.database.query<{ id: number }>('select id from audit_log order by id limit 1'));
    await expect(t.database.query('update audit_log set record_id = $1 where id = $2', ['forged', first!.id])).rejects.toThrow(/cannot be changed/);
    await expect(t.database.query('delete from audit_log where id = $1', [first!.id])).rejects.toThrow(/cannot be changed/);
  });

  it('answers pages with a cursor and refuses a cursor it did not give', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/audit?limit=2', headers: instanceAdmin.headers() });
    const page = first.json() as { items: Entry[]; nextCursor: string };
    expect(page.items).toHaveLength(2);
    const second = await t.app.inject({ method: 'GET', url: `/api/audit?limit=2&cursor=${page.nextCursor}`, headers: instanceAdmin.headers() });
    expect((second.json() as { items: Entry[] }).items[0]!.id).toBeLessThan(page.items[1]!.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit?cursor=bogus', headers: instanceAdmin.headers() })).statusCode).toBe(400);
  });

  it('serves parallel changes, each in its own transaction', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) => t.app.inject({ method: 'POST', url: '/api/programmes', headers: manager.headers(), payload: { ref: `PAR-${index}`, title: `Parallel ${index}` } })),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(8).fill(201));
    const { items } = await trail(instanceAdmin, 'table=programmes&limit=100');
    const transactions = new Set(items.filter((entry) => String(entry.after?.ref ?? '').startsWith('PAR-')).map((entry) => entry.transactionId));
    expect(transactions.size).toBe(8);
  });

  it('audits every table except those deliberately left out', async () => {
    const rows = (await t.database.db.execute(sql`
      select t.table_name as name, exists (select 1 from information_schema.triggers g where g.event_object_table = t.table_name and g.trigger_name = 'consortia_audit') as audited
      from information_schema.tables t where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`)) as unknown as { rows: Array<{ name: string; audited: boolean }> };
    const missing = rows.rows.filter((row) => !row.audited && !notAudited.has(row.name)).map((row) => row.name);
    expect(missing, 'new tables need an audit trigger (or a reason to be left out)').toEqual([]);
  });
});
