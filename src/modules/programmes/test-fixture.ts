import type { FastifyInstance } from 'fastify';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { programmeMembers } from '../../db/schema/index.js';
import { and, eq } from 'drizzle-orm';

/** A programme with a lead (manager), a partner, a vendor and a funder, an observer and an outsider, all signed in. */
export async function buildConsortiumFixture(options: { budgetTransparent?: boolean } = {}) {
  const test: TestApp = await createTestApp();
  const { db } = test.database;
  const [lead, partner, vendor, funder, donor, outsider] = await Promise.all([
    buildOrganization(db, { name: 'Lead NGO', identifier: `XM-LEAD-${Math.random().toString(36).slice(2, 8)}` }),
    buildOrganization(db, { name: 'Partner Association' }),
    buildOrganization(db, { name: 'Vendor Ltd' }),
    buildOrganization(db, { name: 'Funder Foundation' }),
    buildOrganization(db, { name: 'Donor Agency' }),
    buildOrganization(db, { name: 'Outsider NGO' }),
  ]);
  const users = {
    manager: await buildUser(db, { organizationId: lead.id, role: 'org-admin' }),
    leadStaff: await buildUser(db, { organizationId: lead.id }),
    partner: await buildUser(db, { organizationId: partner.id }),
    vendor: await buildUser(db, { organizationId: vendor.id }),
    funder: await buildUser(db, { organizationId: funder.id }),
    observer: await buildUser(db, { organizationId: donor.id }),
    outsider: await buildUser(db, { organizationId: outsider.id }),
  };
  const programme = await buildProgramme(db, {
    members: [
      { organizationId: lead.id, role: 'lead' },
      { organizationId: partner.id, role: 'partner' },
      { organizationId: vendor.id, role: 'vendor' },
      { organizationId: funder.id, role: 'funder' },
    ],
    users: [
      { userId: users.manager.id, role: 'manager' },
      { userId: users.observer.id, role: 'observer' },
    ],
    budgetTransparent: options.budgetTransparent ?? true,
  });
  await db.update(programmeMembers).set({ focalPointUserId: users.partner.id }).where(and(eq(programmeMembers.programmeId, programme.id), eq(programmeMembers.organizationId, partner.id)));
  await db.update(programmeMembers).set({ focalPointUserId: users.manager.id }).where(and(eq(programmeMembers.programmeId, programme.id), eq(programmeMembers.organizationId, lead.id)));
  const sessions = {} as Record<keyof typeof users, Session>;
  for (const [key, user] of Object.entries(users)) sessions[key as keyof typeof users] = await login(test.app, user.email, TEST_PASSWORD);
  return { test, app: test.app, db, programme, organizations: { lead, partner, vendor, funder, donor, outsider }, users, sessions };
}

export type ConsortiumFixture = Awaited<ReturnType<typeof buildConsortiumFixture>>;

/** Sends a JSON request as a signed-in user. */
export async function call(app: FastifyInstance, session: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  return app.inject({ method, url, headers: session.headers(), ...(payload === undefined ? {} : { payload: payload as object }) });
}
