import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../src/db/client.js';
import { createTestDatabase } from '../../src/db/test-database.js';
import { knowledgeCategories, appraisalFiles, appraisals, appraisalTemplates, budgetLines, privateNotes, programmeMembers, programmes, programmeUsers, strategies, surveyComments, surveyInstruments } from '../../src/db/schema/index.js';
import { loadConfig } from '../../src/lib/config.js';
import { defaultTemplate } from '../../src/modules/appraisal/content.js';
import { DEMO_PASSWORD, demoOrganizations } from '../../src/modules/demo/demo-data.js';
import { seedAppraisal } from '../../src/modules/demo/seed-appraisal.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { seedSurveys } from '../../src/modules/demo/seed-surveys.js';
import { seedNetworks } from '../../src/modules/demo/seed-networks.js';
import { seedProgramme } from '../../src/modules/demo/seed-programme.js';
import { seedWorklog } from '../../src/modules/demo/seed-worklog.js';
import { buildApp } from '../../src/server/app.js';
import { login, type Session } from '../support/app.js';
import { buildAppraisal, buildOrganization, buildPerson, buildSurveyRound, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { rows } from './support/rows.js';

export const actors = ['anonymous', 'outsider', 'vendor', 'partner', 'manager'] as const;
export type ActorName = (typeof actors)[number];
export type Side = 'A' | 'B';

/** A confidential text planted in the data, and the actors allowed to read it. */
export type Secret = { text: string; what: string; visibleTo: ActorName[] };

export type AccessWorld = {
  app: Awaited<ReturnType<typeof buildApp>>;
  db: Database;
  /** Runs `work` in a transaction that is always rolled back: every case starts from the same world. */
  isolated: <T>(work: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
  /** A: the demo programme (budget not transparent) with a vendor added; B: a second consortium none of the actors belongs to. */
  programme: Record<Side, string>;
  /** The lead of each side: side A's top-level records are the lead's (the manager's organization), side B's are B's lead's. */
  lead: Record<Side, string>;
  /** A partner member of each side's programme (Issa's organization on A). */
  partner: Record<Side, string>;
  organizations: { vendor: string; outsider: string; otherPartner: string };
  users: Record<Exclude<ActorName, 'anonymous'>, { id: string; email: string; password: string }> & { managerB: { id: string }; colleague: { id: string } };
  sessions: Record<Exclude<ActorName, 'anonymous'>, Session>;
  /** Each actor's own personal API token id, and one of B's manager (side B of the token routes). */
  apiTokens: Record<Exclude<ActorName, 'anonymous'> | 'managerB', string>;
  secrets: Secret[];
  /** A valid survey instrument definition, and a built-in instrument every organization may run. */
  instrumentDefinition: unknown;
  builtInInstrumentId: string;
};

/**
 * The database the app is given: every statement goes to the running case's transaction when
 * there is one (so the request's own transaction becomes a savepoint inside it), else to `db`.
 */
function caseScopedHandle(handle: DatabaseHandle, scope: AsyncLocalStorage<Database>): DatabaseHandle {
  const db = new Proxy(handle.db, {
    get(target, property) {
      const base = scope.getStore() ?? target;
      const value: unknown = Reflect.get(base, property, base);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(base) : value;
    },
  });
  const query = async <Row>(text: string, values?: unknown[]) => {
    const result = (await (db as unknown as { session: { client: { query: (t: string, v?: unknown[]) => Promise<{ rows: unknown[] }> } } }).session.client.query(text, values)) as { rows: Row[] };
    return result.rows;
  };
  // Code that keeps something per database object (the prepared session lookup) is handed the
  // case's own transaction during a case: anything prepared on the shared object would run outside
  // the case's transaction and, on PGlite, wait for it forever.
  return {
    ...handle,
    get db() {
      return scope.getStore() ?? db;
    },
    query,
  };
}

class RolledBack extends Error {}

/**
 * The demo (programme A) with a vendor member added, an unrelated organization, a second consortium
 * (programme B) seeded with the same plan, working log, appraisals and networks for organizations
 * none of the actors belongs to, and planted secrets each only some actors may read.
 */
export async function buildAccessWorld(): Promise<AccessWorld> {
  const handle = await createTestDatabase();
  const scope = new AsyncLocalStorage<Database>();
  const scoped = caseScopedHandle(handle, scope);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' });
  const app = await buildApp({ config, database: scoped, logger: false });
  await app.ready();
  const db = handle.db;
  const isolated = async <T>(work: () => Promise<T>): Promise<T> => {
    let result: T | undefined;
    try {
      await db.transaction(async (tx) => {
        result = await scope.run(tx as unknown as Database, work);
        throw new RolledBack();
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
    return result as T;
  };

  await seedDemo(db);
  const [demo] = await rows<{ id: string }>(db, sql`select id from programmes where ref = 'SRC-2025' or title like 'Sahel Resilience%' limit 1`);
  const programmeA = demo!.id;
  const userByEmail = async (email: string) => (await rows<{ id: string; organization_id: string }>(db, sql`select id, organization_id from users where email = ${email}`))[0]!;
  const amina = await userByEmail('amina@sahel-relief.example');
  const issa = await userByEmail('issa@tiwindi.example');
  const mariama = await userByEmail('mariama@rfrn.example');

  const vendorOrganization = await buildOrganization(db, { name: 'Vendor Logistics Ltd' });
  const vendorUser = await buildUser(db, { organizationId: vendorOrganization.id, role: 'org-admin' });
  await db.insert(programmeMembers).values({ programmeId: programmeA, organizationId: vendorOrganization.id, role: 'vendor', iatiRole: 4 });
  const outsiderOrganization = await buildOrganization(db, { name: 'Unrelated Foundation' });
  const outsiderUser = await buildUser(db, { organizationId: outsiderOrganization.id, role: 'org-admin' });
  await db.update(programmes).set({ budgetTransparent: false }).where(sql`${programmes.id} = ${programmeA}`);

  // Programme B: five organizations of its own, seeded like the demo, none of the actors in it.
  const keys = ['lead', 'tiwindi', 'rfrn', 'cds', 'tillaberi'] as const;
  const organizationIdsB = new Map<string, string>();
  for (const key of keys) organizationIdsB.set(key, (await buildOrganization(db, { name: `B ${key} organization` })).id);
  const [programmeRowB] = await db.insert(programmes).values({ ref: 'B-0001', title: 'SECRET-PROGRAMME-B-TITLE', budgetTransparent: false }).returning();
  const programmeB = programmeRowB!.id;
  for (const key of keys) {
    await db.insert(programmeMembers).values({ programmeId: programmeB, organizationId: organizationIdsB.get(key)!, role: key === 'lead' ? 'lead' : 'partner', iatiRole: key === 'lead' ? 2 : 4 });
  }
  const leadB = organizationIdsB.get('lead')!;
  const managerB = await buildUser(db, { organizationId: leadB, role: 'org-admin' });
  await db.insert(programmeUsers).values({ programmeId: programmeB, userId: managerB.id, role: 'manager' });
  const userIdsB = new Map<string, string>();
  for (const demoOrganization of demoOrganizations) {
    for (const person of demoOrganization.users) {
      const organizationId = organizationIdsB.get(demoOrganization.key);
      if (!organizationId) continue;
      userIdsB.set(person.email, person.manager ? managerB.id : (await buildUser(db, { organizationId })).id);
    }
  }
  const contextB = { organizationIds: organizationIdsB, userIds: userIdsB, programmeId: programmeB };
  await seedProgramme(db, contextB);
  await seedWorklog(db, contextB);
  await seedAppraisal(db, contextB);
  await seedSurveys(db, contextB);
  await buildPerson(db, { name: 'A person working for the lead of B', organizationId: leadB });
  // The networks seeder reuses organizations found by name: hide the demo's network organizations
  // meanwhile, so that programme B gets a network, statements and strategy of its own.
  const sharedNames = ['Sahel NGO Forum', 'Dryland Development Alliance'];
  await db.execute(sql`update organizations set name = name || ' (demo)' where name in (${sql.join(sharedNames.map((name) => sql`${name}`), sql`, `)})`);
  await seedNetworks(db, contextB);
  await db.execute(sql`update organizations set name = left(name, length(name) - 7) where name like '% (demo)'`);

  const secrets: Secret[] = [];
  const plant = (text: string, what: string, visibleTo: ActorName[]) => secrets.push({ text, what, visibleTo });
  plant('SECRET-PROGRAMME-B-TITLE', 'the title of a programme nobody here belongs to', []);

  await db.insert(privateNotes).values({ ownerOrganizationId: amina.organization_id, subjectOrganizationId: issa.organization_id, body: 'SECRET-NOTE-OF-LEAD', authorId: amina.id });
  plant('SECRET-NOTE-OF-LEAD', "the lead's private note", ['manager']);
  await db.insert(privateNotes).values({ ownerOrganizationId: outsiderOrganization.id, subjectOrganizationId: amina.organization_id, body: 'SECRET-NOTE-OF-OUTSIDER', authorId: outsiderUser.id });
  plant('SECRET-NOTE-OF-OUTSIDER', "an unrelated organization's private note", ['outsider']);
  await db.insert(privateNotes).values({ ownerOrganizationId: leadB, subjectOrganizationId: amina.organization_id, body: 'SECRET-NOTE-OF-B', authorId: managerB.id });
  plant('SECRET-NOTE-OF-B', "programme B lead's private note about the lead", []);

  const criterion = defaultTemplate.definition.groups[0]!.criteria[0]!.key;
  const [appraisalA] = await db.insert(appraisals).values({ organizationId: amina.organization_id, candidateOrganizationId: issa.organization_id, programmeId: programmeA, template: defaultTemplate.definition, scores: { [criterion]: { score: 2, evidence: 'SECRET-APPRAISAL-EVIDENCE' } } }).returning();
  plant('SECRET-APPRAISAL-EVIDENCE', "the lead's unshared appraisal of a partner", ['manager']);
  const appraisalB = await buildAppraisal(db, { organizationId: leadB, candidateOrganizationId: amina.organization_id });
  await db.update(appraisals).set({ scores: { [criterion]: { score: 1, evidence: 'SECRET-APPRAISAL-OF-B' } } }).where(sql`${appraisals.id} = ${appraisalB.id}`);
  plant('SECRET-APPRAISAL-OF-B', "programme B lead's unshared appraisal of the lead", []);
  // An evidence file on each, with a marked content.
  for (const [appraisalId, text, visibleTo] of [[appraisalA!.id, 'SECRET-FILE-OF-LEAD', ['manager']], [appraisalB.id, 'SECRET-FILE-OF-B', []]] as const) {
    const content = Buffer.from(text);
    await db.insert(appraisalFiles).values({ appraisalId, name: 'evidence.txt', contentType: 'text/plain', sizeBytes: content.length, content });
    plant(text, 'an evidence file of an unshared appraisal', [...visibleTo]);
  }

  await buildSurveyRound(db, { instrumentKey: 'none', organizationId: amina.organization_id }).catch(() => undefined); // seeds the built-in instruments
  const [builtIn] = await rows<{ key: string }>(db, sql`select built_in_key as key from survey_instruments where built_in_key is not null order by built_in_key limit 1`);
  const instrumentKey = builtIn!.key;
  const round = await buildSurveyRound(db, { instrumentKey, organizationId: amina.organization_id, programmeId: programmeA, minGroupSize: 5 });
  await db.insert(surveyComments).values({ roundId: round.id, text: 'SECRET-SURVEY-COMMENT' });
  plant('SECRET-SURVEY-COMMENT', 'a survey comment below the anonymity threshold', []);
  await buildSurveyRound(db, { instrumentKey, organizationId: leadB, programmeId: programmeB });

  await db.insert(strategies).values({ organizationId: mariama.organization_id, title: 'SECRET-STRATEGY-OF-RFRN', shared: false }).onConflictDoNothing();
  await db.update(strategies).set({ title: 'SECRET-STRATEGY-OF-RFRN', shared: false }).where(sql`${strategies.organizationId} = ${mariama.organization_id}`);
  plant('SECRET-STRATEGY-OF-RFRN', 'an unshared strategy of a partner', []);

  await db.insert(budgetLines).values({ programmeId: programmeA, organizationId: mariama.organization_id, description: 'Rural outreach', amount: '7654321.98' });
  plant('7654321.98', "another member's budget amount while the budget is not transparent", ['manager']);

  // Markers in programme B's own content and in the records B's organizations keep for themselves:
  // none of the actors may ever read them. The lead's unshared feedback and its stakeholders are its own.
  const bOrganizations = sql.join([...organizationIdsB.values()].map((id) => sql`${id}::uuid`), sql`, `);
  const markB: Array<[string, SQL]> = [
    ['SECRET-B-DECISION', sql`update decisions set description = 'SECRET-B-DECISION' where programme_id = ${programmeB}`],
    ['SECRET-B-MINUTES', sql`update meetings set minutes = 'SECRET-B-MINUTES' where programme_id = ${programmeB}`],
    ['SECRET-B-WORK-PACKAGE', sql`update work_packages set description = 'SECRET-B-WORK-PACKAGE' where programme_id = ${programmeB}`],
    ['SECRET-B-BUDGET-LINE', sql`update budget_lines set description = 'SECRET-B-BUDGET-LINE' where programme_id = ${programmeB}`],
    ['SECRET-B-LEARNING', sql`update learning_exchanges set description = 'SECRET-B-LEARNING' where programme_id = ${programmeB}`],
    ['SECRET-B-INTERACTION', sql`update interactions set subject = 'SECRET-B-INTERACTION' where programme_id = ${programmeB}`],
    ['SECRET-B-FEEDBACK', sql`update feedback_records set details = 'SECRET-B-FEEDBACK' where organization_id = ${leadB}`],
    ['SECRET-B-STAKEHOLDER', sql`update stakeholders set notes = 'SECRET-B-STAKEHOLDER' where organization_id = ${leadB}`],
    ['SECRET-B-STRATEGY', sql`update strategies set summary = 'SECRET-B-STRATEGY' where organization_id = ${leadB}`],
    ['SECRET-B-STATEMENT-DRAFT', sql`update statement_versions v set body = 'SECRET-B-STATEMENT-DRAFT' from statements s where s.id = v.statement_id and s.status = 'draft' and s.drafting_organization_id in (${bOrganizations})`],
  ];
  for (const [text, update] of markB) {
    await db.execute(update);
    plant(text, "programme B's content or a record of one of its organizations", []);
  }
  await db.execute(sql`update feedback_records set details = 'SECRET-FEEDBACK-OF-LEAD' where organization_id = ${amina.organization_id} and not shared`);
  plant('SECRET-FEEDBACK-OF-LEAD', "the lead's unshared stakeholder feedback", ['manager']);
  await db.execute(sql`update stakeholders set notes = 'SECRET-STAKEHOLDER-OF-LEAD' where organization_id = ${amina.organization_id}`);
  plant('SECRET-STAKEHOLDER-OF-LEAD', "the lead's notes on its stakeholders", ['manager']);

  // Records of kinds the demo does not have, on both sides.
  for (const organizationId of [amina.organization_id, leadB]) {
    await db.insert(appraisalTemplates).values({ organizationId, definition: defaultTemplate.definition, copiedFrom: 'default' });
    await db.insert(surveyInstruments).values({ organizationId, definition: round.definition });
  }

  const users = {
    outsider: { id: outsiderUser.id, email: outsiderUser.email, password: TEST_PASSWORD },
    vendor: { id: vendorUser.id, email: vendorUser.email, password: TEST_PASSWORD },
    partner: { id: issa.id, email: 'issa@tiwindi.example', password: DEMO_PASSWORD },
    manager: { id: amina.id, email: 'amina@sahel-relief.example', password: DEMO_PASSWORD },
    managerB: { id: managerB.id, email: managerB.email, password: TEST_PASSWORD },
    colleague: { id: (await userByEmail('thomas@sahel-relief.example')).id },
  };
  const sessions = {
    outsider: await login(app, users.outsider.email, users.outsider.password),
    vendor: await login(app, users.vendor.email, users.vendor.password),
    partner: await login(app, users.partner.email, users.partner.password),
    manager: await login(app, users.manager.email, users.manager.password),
  };
  const managerBSession = await login(app, users.managerB.email, users.managerB.password);
  const apiTokens = {} as AccessWorld['apiTokens'];
  for (const [name, session] of [...Object.entries(sessions), ['managerB', managerBSession] as const]) {
    const response = await app.inject({ method: 'POST', url: '/api/me/tokens', headers: session.headers(), payload: { name: `matrix ${name}` } });
    if (response.statusCode !== 201) throw new Error(`token for ${name}: ${response.statusCode} ${response.body}`);
    const body = response.json() as { id?: string; token?: { id: string } };
    apiTokens[name as keyof AccessWorld['apiTokens']] = body.id ?? body.token?.id ?? '';
  }
  // A private article of each lead, with its text marked for the leak check.
  for (const [name, session] of [['manager', sessions.manager], ['managerB', managerBSession]] as const) {
    const text = `SECRET-ARTICLE-OF-${name}`;
    const response = await app.inject({ method: 'POST', url: '/api/knowledge/articles', headers: session.headers(), payload: { category: knowledgeCategories[0], title: text, body: text } });
    if (response.statusCode !== 201) throw new Error(`article for ${name}: ${response.statusCode} ${response.body}`);
    plant(text, `a private article of ${name === 'manager' ? "the lead" : "programme B's lead"}`, name === 'manager' ? ['manager'] : []);
  }
  return {
    app,
    db,
    isolated,
    close: async () => {
      await app.close();
      await handle.close();
    },
    programme: { A: programmeA, B: programmeB },
    lead: { A: amina.organization_id, B: leadB },
    partner: { A: issa.organization_id, B: organizationIdsB.get('tiwindi')! },
    organizations: { vendor: vendorOrganization.id, outsider: outsiderOrganization.id, otherPartner: mariama.organization_id },
    users,
    sessions,
    apiTokens,
    secrets,
    instrumentDefinition: round.definition,
    builtInInstrumentId: (await rows<{ id: string }>(db, sql`select id::text as id from survey_instruments where built_in_key = ${instrumentKey}`))[0]!.id,
  };
}
