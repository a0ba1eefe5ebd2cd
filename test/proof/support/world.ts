import { sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/client.js';
import { appraisals, appraisalTemplates, surveyInstruments, budgetLines, privateNotes, programmeMembers, programmes, programmeUsers, strategies, surveyComments } from '../../../src/db/schema/index.js';
import { defaultTemplate } from '../../../src/modules/appraisal/content.js';
import { DEMO_PASSWORD, demoOrganizations } from '../../../src/modules/demo/demo-data.js';
import { seedDemo } from '../../../src/modules/demo/seed-demo.js';
import { seedProgramme } from '../../../src/modules/demo/seed-programme.js';
import { seedWorklog } from '../../../src/modules/demo/seed-worklog.js';
import { createTestApp, login, type Session, type TestApp } from '../../support/app.js';
import { buildOrganization, buildSurveyRound, buildUser, TEST_PASSWORD } from '../../support/factories.js';

export const actors = ['anonymous', 'outsider', 'vendor', 'partner', 'manager'] as const;
export type ActorName = (typeof actors)[number];

/** A confidential text planted in the data, and the actors allowed to read it. */
export type Secret = { text: string; what: string; visibleTo: ActorName[] };

export type World = {
  t: TestApp;
  app: FastifyInstance;
  db: Database;
  /** Programme A: the demo programme (budget not transparent), with a vendor added. Programme B: a second consortium none of the actors belongs to. */
  programmeA: string;
  programmeB: string;
  organizations: { lead: string; partner: string; otherPartner: string; vendor: string; outsider: string; leadB: string; partnerB: string };
  users: Record<Exclude<ActorName, 'anonymous'>, { id: string; email: string; password: string }>;
  sessions: Record<Exclude<ActorName, 'anonymous'>, Session>;
  secrets: Secret[];
};

/** Runs a query and returns its rows, on PGlite and PostgreSQL alike. */
export async function rows<T = Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The demo, a vendor member, an unrelated organization, a second seeded programme, and secrets each only some may read. */
export async function buildWorld(): Promise<World> {
  const t = await createTestApp();
  const db = t.database.db;
  await seedDemo(db);
  const [demo] = await rows<{ id: string }>(db, sql`select id from programmes where ref = 'SRC-2025' or title like 'Sahel Resilience%' limit 1`);
  const programmeA = demo!.id;
  const organizationByUser = async (email: string) =>
    (await rows<{ id: string; organization_id: string }>(db, sql`select id, organization_id from users where email = ${email}`))[0]!;
  const amina = await organizationByUser('amina@sahel-relief.example');
  const issa = await organizationByUser('issa@tiwindi.example');
  const mariama = await organizationByUser('mariama@rfrn.example');

  const vendorOrganization = await buildOrganization(db, { name: 'Vendor Logistics Ltd' });
  const vendorUser = await buildUser(db, { organizationId: vendorOrganization.id, role: 'org-admin' });
  await db.insert(programmeMembers).values({ programmeId: programmeA, organizationId: vendorOrganization.id, role: 'vendor', iatiRole: 4 });
  const outsiderOrganization = await buildOrganization(db, { name: 'Unrelated Foundation' });
  const outsiderUser = await buildUser(db, { organizationId: outsiderOrganization.id, role: 'org-admin' });
  await db.update(programmes).set({ budgetTransparent: false }).where(sql`${programmes.id} = ${programmeA}`);

  // Programme B: five organizations of its own, the demo plan and working log, none of the actors in it.
  const keys = ['lead', 'tiwindi', 'rfrn', 'cds', 'tillaberi'] as const;
  const organizationIdsB = new Map<string, string>();
  for (const key of keys) organizationIdsB.set(key, (await buildOrganization(db, { name: `B ${key} organization` })).id);
  const [programmeRowB] = await db
    .insert(programmes)
    .values({ ref: 'B-0001', title: 'SECRET-PROGRAMME-B-TITLE', budgetTransparent: false })
    .returning();
  const programmeB = programmeRowB!.id;
  for (const key of keys) {
    await db.insert(programmeMembers).values({ programmeId: programmeB, organizationId: organizationIdsB.get(key)!, role: key === 'lead' ? 'lead' : 'partner', iatiRole: key === 'lead' ? 2 : 4 });
  }
  const managerB = await buildUser(db, { organizationId: organizationIdsB.get('lead')!, role: 'org-admin' });
  await db.insert(programmeUsers).values({ programmeId: programmeB, userId: managerB.id, role: 'manager' });
  // Each demo person gets a counterpart in the matching organization of programme B.
  const userIdsB = new Map<string, string>();
  for (const demo of demoOrganizations) {
    for (const person of demo.users) {
      const organizationId = organizationIdsB.get(demo.key);
      if (!organizationId) continue;
      userIdsB.set(person.email, person.manager ? managerB.id : (await buildUser(db, { organizationId })).id);
    }
  }
  await seedProgramme(db, { organizationIds: organizationIdsB, userIds: userIdsB, programmeId: programmeB });
  await seedWorklog(db, { organizationIds: organizationIdsB, userIds: userIdsB, programmeId: programmeB });

  const secrets: Secret[] = [];
  const plant = (text: string, what: string, visibleTo: ActorName[]) => secrets.push({ text, what, visibleTo });

  await db.insert(privateNotes).values({ ownerOrganizationId: amina.organization_id, subjectOrganizationId: issa.organization_id, body: 'SECRET-NOTE-OF-LEAD', authorId: amina.id });
  plant('SECRET-NOTE-OF-LEAD', 'the lead\'s private note', ['manager']);
  await db.insert(privateNotes).values({ ownerOrganizationId: outsiderOrganization.id, subjectOrganizationId: amina.organization_id, body: 'SECRET-NOTE-OF-OUTSIDER', authorId: outsiderUser.id });
  plant('SECRET-NOTE-OF-OUTSIDER', 'an unrelated organization\'s private note', ['outsider']);

  const criterion = defaultTemplate.definition.groups[0]!.criteria[0]!.key;
  await db.insert(appraisals).values({
    organizationId: amina.organization_id,
    candidateOrganizationId: issa.organization_id,
    programmeId: programmeA,
    template: defaultTemplate.definition,
    scores: { [criterion]: { score: 2, evidence: 'SECRET-APPRAISAL-EVIDENCE' } },
  });
  plant('SECRET-APPRAISAL-EVIDENCE', 'the lead\'s unshared appraisal of a partner', ['manager']);

  const round = await buildSurveyRound(db, { instrumentKey: 'partnership-health', organizationId: amina.organization_id, programmeId: programmeA, minGroupSize: 5 }).catch(async () => {
    const [instrument] = await rows<{ built_in_key: string }>(db, sql`select built_in_key from survey_instruments where built_in_key is not null limit 1`);
    return buildSurveyRound(db, { instrumentKey: instrument!.built_in_key, organizationId: amina.organization_id, programmeId: programmeA, minGroupSize: 5 });
  });
  await db.insert(surveyComments).values({ roundId: round.id, text: 'SECRET-SURVEY-COMMENT' });
  plant('SECRET-SURVEY-COMMENT', 'a survey comment below the anonymity threshold', []);

  await db.insert(strategies).values({ organizationId: mariama.organization_id, title: 'SECRET-STRATEGY-OF-RFRN', shared: false }).onConflictDoNothing();
  await db.update(strategies).set({ title: 'SECRET-STRATEGY-OF-RFRN', shared: false }).where(sql`${strategies.organizationId} = ${mariama.organization_id}`);
  plant('SECRET-STRATEGY-OF-RFRN', 'an unshared strategy of a partner', []);

  await db.insert(budgetLines).values({ programmeId: programmeA, organizationId: mariama.organization_id, description: 'Rural outreach', amount: '7654321.98' });
  plant('7654321.98', 'another member\'s budget amount while the budget is not transparent', ['manager']);
  plant('SECRET-PROGRAMME-B-TITLE', 'the title of a programme nobody here belongs to', []);

  // Records of kinds the demo does not have, on both sides.
  for (const organizationId of [amina.organization_id, organizationIdsB.get('lead')!]) {
    await db.insert(appraisalTemplates).values({ organizationId, definition: defaultTemplate.definition, copiedFrom: 'default' });
    await db.insert(surveyInstruments).values({ organizationId, definition: round.definition });
  }
  await buildSurveyRound(db, { instrumentKey: (await rows<{ k: string }>(db, sql`select built_in_key as k from survey_instruments where built_in_key is not null limit 1`))[0]!.k, organizationId: organizationIdsB.get('lead')!, programmeId: programmeB });

  const users = {
    outsider: { id: outsiderUser.id, email: outsiderUser.email, password: TEST_PASSWORD },
    vendor: { id: vendorUser.id, email: vendorUser.email, password: TEST_PASSWORD },
    partner: { id: issa.id, email: 'issa@tiwindi.example', password: DEMO_PASSWORD },
    manager: { id: amina.id, email: 'amina@sahel-relief.example', password: DEMO_PASSWORD },
  };
  const sessions = {
    outsider: await login(t.app, users.outsider.email, users.outsider.password),
    vendor: await login(t.app, users.vendor.email, users.vendor.password),
    partner: await login(t.app, users.partner.email, users.partner.password),
    manager: await login(t.app, users.manager.email, users.manager.password),
  };
  return {
    t,
    app: t.app,
    db,
    programmeA,
    programmeB,
    organizations: {
      lead: amina.organization_id,
      partner: issa.organization_id,
      otherPartner: mariama.organization_id,
      vendor: vendorOrganization.id,
      outsider: outsiderOrganization.id,
      leadB: organizationIdsB.get('lead')!,
      partnerB: organizationIdsB.get('tiwindi')!,
    },
    users,
    sessions,
    secrets,
  };
}
