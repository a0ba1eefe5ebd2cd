import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Listed = { items: Array<{ title: string; myRole: string; organizationRole: string | null }> };

describe('the programme list names the role of the viewer and of their organization', () => {
  it("gives the organization's consortium role beside the user's own programme role", async () => {
    const db = t.database.db;
    const lead = await buildOrganization(db, { name: 'Lead NGO' });
    const partner = await buildOrganization(db, { name: 'Partner NGO' });
    const consultancy = await buildOrganization(db, { name: 'Outside consultancy' });
    const manager = await buildUser(db, { organizationId: lead.id });
    const partnerUser = await buildUser(db, { organizationId: partner.id });
    const outsideManager = await buildUser(db, { organizationId: consultancy.id });
    const donorObserver = await buildUser(db);
    await buildProgramme(db, {
      title: 'Roles programme',
      members: [
        { organizationId: lead.id, role: 'lead' },
        { organizationId: partner.id, role: 'partner' },
      ],
      users: [
        { userId: manager.id, role: 'manager' },
        { userId: outsideManager.id, role: 'manager' },
        { userId: donorObserver.id, role: 'observer' },
      ],
    });
    const rolesOf = async (email: string) => {
      const session = await login(t.app, email, TEST_PASSWORD);
      const list = (await t.app.inject({ method: 'GET', url: '/api/programmes', headers: session.headers() })).json() as Listed;
      return list.items.filter((item) => item.title === 'Roles programme').map(({ myRole, organizationRole }) => ({ myRole, organizationRole }));
    };
    expect(await rolesOf(manager.email)).toEqual([{ myRole: 'manager', organizationRole: 'lead' }]);
    expect(await rolesOf(partnerUser.email)).toEqual([{ myRole: 'partner', organizationRole: 'partner' }]);
    expect(await rolesOf(outsideManager.email)).toEqual([{ myRole: 'manager', organizationRole: null }]);
    expect(await rolesOf(donorObserver.email)).toEqual([{ myRole: 'observer', organizationRole: null }]);
  });
});
