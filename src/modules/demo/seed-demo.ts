import { count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, programmeMembers, programmes, programmeUsers, users } from '../../db/schema/index.js';
import { createUser, findOrCreateOrganization, findUserByEmail } from '../accounts/users.js';
import { getSetting, putSetting, SETUP_SOURCE_KEY } from '../settings/settings.js';
import { DEMO_PASSWORD, demoAdmin, demoOrganizations, demoProgramme } from './demo-data.js';
import { demoSeeders, type DemoContext } from './seeders.js';

export type DemoLogin = { email: string; password: string; description: string };

/** Seeds the demo when the database is pristine (no users, never prepared by the command line); returns the log-ins or null. */
export async function seedDemoIfPristine(db: Database): Promise<DemoLogin[] | null> {
  const [row] = await db.select({ users: count() }).from(users);
  const source = await getSetting<string>(db, SETUP_SOURCE_KEY);
  if (Number(row?.users ?? 0) > 0 || source !== undefined) return null;
  return seedDemo(db);
}

/** Adds the demo organizations, users and programme, in one transaction; refuses if the demo is already there. */
export async function seedDemo(db: Database): Promise<DemoLogin[]> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.ref, demoProgramme.ref)).limit(1);
    if (existing) throw new DemoAlreadySeededError(`The demo programme ${demoProgramme.ref} is already in this database`);

    const logins: DemoLogin[] = [];
    const organizationIds = new Map<string, string>();
    const managerIds: string[] = [];
    const userIds = new Map<string, string>();
    for (const demo of demoOrganizations) {
      const [organization] = await tx
        .insert(organizations)
        .values({
          name: demo.name,
          acronym: demo.acronym,
          identifier: demo.identifier,
          type: demo.type,
          country: demo.country,
          scope: demo.scope,
          website: demo.website,
        })
        .returning();
      organizationIds.set(demo.key, organization!.id);
      for (const person of demo.users) {
        if (await findUserByEmail(tx, person.email)) continue;
        const user = await createUser(tx, {
          email: person.email,
          password: DEMO_PASSWORD,
          name: person.name,
          organizationId: organization!.id,
          role: person.role,
          language: person.language ?? null,
        });
        userIds.set(person.email, user.id);
        if (person.manager) managerIds.push(user.id);
        logins.push({ email: person.email, password: DEMO_PASSWORD, description: `${person.name}, ${demo.acronym}${person.manager ? ' (programme manager)' : ''}` });
      }
    }

    if (!(await findUserByEmail(tx, demoAdmin.email))) {
      const { organization } = await findOrCreateOrganization(tx, demoAdmin.organization);
      await createUser(tx, { email: demoAdmin.email, password: DEMO_PASSWORD, name: demoAdmin.name, organizationId: organization.id, role: 'org-admin', isInstanceAdmin: true });
      logins.push({ email: demoAdmin.email, password: DEMO_PASSWORD, description: 'instance administrator' });
    }

    const [programme] = await tx.insert(programmes).values({ ...demoProgramme, createdBy: managerIds[0] ?? null }).returning();
    for (const demo of demoOrganizations) {
      if (!demo.consortiumRole) continue;
      await tx.insert(programmeMembers).values({
        programmeId: programme!.id,
        organizationId: organizationIds.get(demo.key)!,
        role: demo.consortiumRole,
        iatiRole: demo.iatiRole,
        joinedOn: demoProgramme.startDate,
      });
    }
    for (const userId of managerIds) {
      await tx.insert(programmeUsers).values({ programmeId: programme!.id, userId, role: 'manager' });
    }
    const context: DemoContext = { organizationIds, userIds, programmeId: programme!.id };
    for (const seed of demoSeeders) await seed(tx, context);
    await putSetting(tx, SETUP_SOURCE_KEY, 'demo');
    return logins;
  });
}

export class DemoAlreadySeededError extends Error {}
