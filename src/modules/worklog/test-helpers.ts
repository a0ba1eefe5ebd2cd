import { eq } from 'drizzle-orm';
import { programmes } from '../../db/schema/index.js';
import { login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

/**
 * A programme (2025-2027) with a lead (its org-admin is a manager), two partners, an observer
 * (donor staff), and an outsider from a non-member organization, each signed in.
 */
export async function buildLogProgramme(t: TestApp) {
  const db = t.database.db;
  const lead = await buildOrganization(db, { name: 'Lead NGO', acronym: 'LEAD' });
  const partnerA = await buildOrganization(db, { name: 'Partner Alpha', acronym: 'ALPHA' });
  const partnerB = await buildOrganization(db, { name: 'Partner Beta', acronym: 'BETA', identifier: 'NE-RC-0042' });
  const outsiderOrg = await buildOrganization(db, { name: 'Outsider' });
  const donorOrg = await buildOrganization(db, { name: 'Donor Agency' });
  const manager = await buildUser(db, { organizationId: lead.id, role: 'org-admin' });
  const leadMember = await buildUser(db, { organizationId: lead.id });
  const alphaUser = await buildUser(db, { organizationId: partnerA.id });
  const alphaColleague = await buildUser(db, { organizationId: partnerA.id });
  const betaUser = await buildUser(db, { organizationId: partnerB.id });
  const observer = await buildUser(db, { organizationId: donorOrg.id });
  const outsider = await buildUser(db, { organizationId: outsiderOrg.id });
  const programme = await buildProgramme(db, {
    members: [
      { organizationId: lead.id, role: 'lead' },
      { organizationId: partnerA.id, role: 'partner' },
      { organizationId: partnerB.id, role: 'partner' },
    ],
    users: [
      { userId: manager.id, role: 'manager' },
      { userId: observer.id, role: 'observer' },
    ],
  });
  await db.update(programmes).set({ startDate: '2025-01-01', endDate: '2027-12-31', localities: ['Kaya', 'Ségou'] }).where(eq(programmes.id, programme.id));
  const sessions: Record<'manager' | 'leadMember' | 'alpha' | 'alphaColleague' | 'beta' | 'observer' | 'outsider', Session> = {
    manager: await login(t.app, manager.email, TEST_PASSWORD),
    leadMember: await login(t.app, leadMember.email, TEST_PASSWORD),
    alpha: await login(t.app, alphaUser.email, TEST_PASSWORD),
    alphaColleague: await login(t.app, alphaColleague.email, TEST_PASSWORD),
    beta: await login(t.app, betaUser.email, TEST_PASSWORD),
    observer: await login(t.app, observer.email, TEST_PASSWORD),
    outsider: await login(t.app, outsider.email, TEST_PASSWORD),
  };
  const base = `/api/programmes/${programme.id}`;
  const call = (session: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, payload?: unknown) =>
    t.app.inject({ method, url: `${base}${path}`, headers: session.headers(), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  return {
    programme,
    base,
    organizations: { lead, partnerA, partnerB, outsider: outsiderOrg },
    users: { manager, leadMember, alphaUser, alphaColleague, betaUser, observer, outsider },
    sessions,
    call,
  };
}

export type LogFixture = Awaited<ReturnType<typeof buildLogProgramme>>;

/** The error body of a failed request. */
export type ErrorBody = { error: { code: string; message: string; details?: Array<{ pointer: string; message: string; value?: unknown }> } };
