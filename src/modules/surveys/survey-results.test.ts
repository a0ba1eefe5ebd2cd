import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { surveyAnswers, surveyComments } from '../../db/schema/index.js';
import { computeAuthenticity } from '../analytics/compute-authenticity.js';
import type { ProgrammeBundle } from '../bundle/schema.js';
import { surveyAggregatesForAnalysis } from './aggregates-for-analysis.js';
import { computeRoundAggregates, programmeSurveyAggregates } from './results.js';
import { loadRound } from './rounds.js';

type Link = { recipientId: string; token: string; organizationId: string };
type Results = {
  shown: boolean;
  reason?: string;
  respondents: number;
  total: { respondents: number; overall: number } | null;
  givenBy: { shown: boolean; reason?: string; groups: Array<{ key: string; respondents: number }> } | null;
  leadVsPartners: { shown: boolean; gap: { overall: number } | null } | null;
  receivedBy: { shown: boolean; groups: Array<{ key: string; name?: string; respondents: number; dimensions: Array<{ key: string; mean: number }> }> } | null;
  comments: { shown: boolean; texts: string[] };
  overRounds: Array<{ shown: boolean }>;
};

let test: TestApp;
let manager: Session;
let partner: Session;
const ids = { lead: '', p1: '', p2: '', programme: '' };
let managerActor: { userId: string; organizationId: string };

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  ids.lead = (await buildOrganization(db, { name: 'Lead NGO' })).id;
  ids.p1 = (await buildOrganization(db, { name: 'Partner One' })).id;
  ids.p2 = (await buildOrganization(db, { name: 'Partner Two' })).id;
  const managerUser = await buildUser(db, { organizationId: ids.lead, role: 'org-admin' });
  managerActor = { userId: managerUser.id, organizationId: ids.lead };
  const partnerUser = await buildUser(db, { organizationId: ids.p1 });
  ids.programme = (
    await buildProgramme(db, {
      members: [
        { organizationId: ids.lead, role: 'lead' },
        { organizationId: ids.p1, role: 'partner' },
        { organizationId: ids.p2, role: 'partner' },
      ],
    })
  ).id;
  manager = await login(test.app, managerUser.email, TEST_PASSWORD);
  partner = await login(test.app, partnerUser.email, TEST_PASSWORD);
});

afterAll(async () => {
  await test?.close();
});

const inject = (options: InjectOptions) => test.app.inject(options);
/** Rows of a raw query, on either driver. */
const rowsOf = (result: unknown) => (result as { rows: Array<Record<string, unknown>> }).rows;

async function runRound(instrumentKey: string, perOrganization: Record<string, number>, value: (organization: string, item: string, target?: string) => number, extra: Record<string, unknown> = {}) {
  const instruments = (await inject({ method: 'GET', url: '/api/survey-instruments', headers: manager.headers() })).json() as { items: Array<{ id: string; key: string | null }> };
  const created = await inject({
    method: 'POST',
    url: '/api/survey-rounds',
    headers: manager.headers(),
    payload: { instrumentId: instruments.items.find((item) => item.key === instrumentKey)!.id, programmeId: ids.programme, title: instrumentKey, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), ...extra },
  });
  const round = created.json() as { id: string; version: number };
  const recipients = Object.entries(perOrganization).flatMap(([organizationId, count]) => Array.from({ length: count }, (_, index) => ({ email: `r${index}-${organizationId}-${round.id}@example.org`.slice(0, 300), name: `R ${index}`, organizationId })));
  const links = ((await inject({ method: 'POST', url: `/api/survey-rounds/${round.id}/recipients`, headers: manager.headers(), payload: { recipients } })).json() as { links: Link[] }).links;
  const answerBodies: string[] = [];
  for (const [index, link] of links.entries()) {
    const form = (await inject({ method: 'GET', url: `/api/survey-answers/${link.token}` })).json() as { targets: Array<{ id: string }>; groups: Array<{ items: Array<{ key: string }> }> };
    const items = form.groups.flatMap((group) => group.items.map((item) => item.key));
    const answers =
      form.targets.length > 0
        ? form.targets.flatMap((target) => items.map((item) => ({ item, target: target.id, value: value(link.organizationId, item, target.id) })))
        : items.map((item) => ({ item, value: value(link.organizationId, item) }));
    const response = await inject({ method: 'POST', url: `/api/survey-answers/${link.token}`, payload: { answers, comment: `comment number ${index}` } });
    expect(response.statusCode, response.body).toBe(201);
    answerBodies.push(response.body);
  }
  await inject({ method: 'POST', url: `/api/survey-rounds/${round.id}/close`, headers: manager.headers(), payload: { version: round.version } });
  return { round, links, answerBodies };
}

const resultsOf = async (roundId: string, session = partner) => (await inject({ method: 'GET', url: `/api/survey-rounds/${roundId}/results`, headers: session.headers() })).json() as Results;
const csvOf = async (roundId: string) => (await inject({ method: 'GET', url: `/api/survey-rounds/${roundId}/results.csv`, headers: partner.headers() })).body;

describe('anonymity of what is stored and answered', () => {
  it('stores answers without any column for a person, a token or a time', () => {
    const forbidden = /user|recipient|person|email|name|token|created|updated|submitted|address|ip/i;
    for (const table of [surveyAnswers, surveyComments]) {
      const columns = Object.values(getTableColumns(table)).map((column) => column.name);
      expect(columns.filter((column) => forbidden.test(column))).toEqual([]);
    }
    expect(Object.values(getTableColumns(surveyAnswers)).map((column) => column.name).sort()).toEqual(['id', 'respondent_organization_id', 'round_id', 'target_organization_id', 'values']);
  });

  it('keeps the database columns of answers to round, organizations and values', async () => {
    const columns = await test.database.db.execute(sql`select column_name from information_schema.columns where table_name = 'survey_answers' order by column_name`);
    expect(rowsOf(columns).map((row) => row.column_name)).toEqual(['id', 'respondent_organization_id', 'round_id', 'target_organization_id', 'values']);
  });
});

describe('results under the k threshold', () => {
  it('hides everything on every path when a round has fewer than k respondents', async () => {
    const { round, links, answerBodies } = await runRound('communication-climate-pulse', { [ids.lead]: 1, [ids.p1]: 1 }, () => 4);
    const results = await resultsOf(round.id);
    expect(results).toMatchObject({ shown: false, reason: 'too-few-respondents', total: null, givenBy: null, receivedBy: null, comments: { texts: [] } });
    const csv = await csvOf(round.id);
    expect(csv.trim().split('\n')).toHaveLength(1);
    // The page reads the same API; the export and the answer carry no token and no person.
    for (const body of [JSON.stringify(results), csv, ...answerBodies]) {
      for (const link of links) {
        expect(body).not.toContain(link.token);
        expect(body).not.toContain(link.recipientId);
      }
      expect(body).not.toMatch(/@example\.org/);
    }
    const { aggregates } = await aggregatesOf(round.id);
    expect(surveyAggregatesForAnalysis([{ closedOn: '2026-01-01', aggregates }]).ratings).toEqual([]);
  });

  it('shows a health check per dimension, per organization and lead versus partners once every group has k', async () => {
    const { round } = await runRound('partnership-health-check', { [ids.lead]: 3, [ids.p1]: 3, [ids.p2]: 3 }, (organization) => (organization === ids.lead ? 4 : 2));
    const results = await resultsOf(round.id);
    expect(results.shown).toBe(true);
    expect(results.total!.respondents).toBe(9);
    expect(results.givenBy!.shown).toBe(true);
    expect(results.givenBy!.groups.map((group) => group.respondents)).toEqual([3, 3, 3]);
    // The lead answers 4 everywhere, reverse items then score 1: the gap is positive but under 2.
    expect(results.leadVsPartners!.shown).toBe(true);
    expect(results.leadVsPartners!.gap!.overall).toBeGreaterThan(0);
    expect(results.comments.texts).toHaveLength(9);
    const csv = await csvOf(round.id);
    expect(csv).toContain('given-by');
    expect(csv).toContain('lead-vs-partners');
    expect(csv).not.toContain('comment number');
  });

  it('hides the per-organization breakdown on the API and in the export when one organization has fewer than k', async () => {
    const { round } = await runRound('partnership-health-check', { [ids.lead]: 3, [ids.p1]: 3, [ids.p2]: 2 }, () => 3);
    const results = await resultsOf(round.id);
    expect(results.shown).toBe(true);
    expect(results.givenBy).toMatchObject({ shown: false, reason: 'group-too-small', groups: [] });
    const csv = await csvOf(round.id);
    expect(csv).not.toContain('given-by');
    expect(csv).toContain('total');
    // Earlier rounds of the same instrument appear over time, each under the same rule.
    expect(results.overRounds.length).toBeGreaterThanOrEqual(2);
  });

  it('hides comments when the round turned them off', async () => {
    const response = await inject({ method: 'GET', url: '/api/survey-instruments', headers: manager.headers() });
    const pulse = (response.json() as { items: Array<{ id: string; key: string | null }> }).items.find((item) => item.key === 'communication-climate-pulse')!;
    const created = await inject({
      method: 'POST',
      url: '/api/survey-rounds',
      headers: manager.headers(),
      payload: { instrumentId: pulse.id, programmeId: ids.programme, title: 'no comments', opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 60_000).toISOString(), commentsEnabled: false },
    });
    const round = created.json() as { id: string };
    const [link] = ((await inject({ method: 'POST', url: `/api/survey-rounds/${round.id}/recipients`, headers: manager.headers(), payload: { recipients: [{ email: 'c@example.org', name: 'C', organizationId: ids.p1 }] } })).json() as { links: Link[] }).links;
    const refused = await inject({ method: 'PUT', url: `/api/survey-answers/${link!.token}/draft`, payload: { answers: [], comment: 'hello' } });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('/comment');
  });
});

async function aggregatesOf(roundId: string) {
  const { round } = await loadRound(test.database.db, {
    actor: { ...managerActor, email: '', name: '', role: 'org-admin', isInstanceAdmin: false, language: null, via: 'session' },
    roundId,
    action: 'survey-round.view',
  });
  return { round, aggregates: await computeRoundAggregates(test.database.db, { round, instanceMinGroupSize: 3 }) };
}

describe('trust and value between partners', () => {
  it('gives what each organization receives and reaches the authenticity profile as aggregates', async () => {
    // Partners distrust the lead (1); the lead rates partners 4: the profile must see the gap.
    const { round } = await runRound('trust-and-value-rating', { [ids.lead]: 3, [ids.p1]: 3, [ids.p2]: 3 }, (organization, _item, target) => (organization === ids.lead ? 4 : target === ids.lead ? 1 : 3));
    const results = await resultsOf(round.id);
    const lead = results.receivedBy!.groups.find((group) => group.key === ids.lead)!;
    expect(lead).toMatchObject({ name: 'Lead NGO', respondents: 6 });
    expect(lead.dimensions.find((dimension) => dimension.key === 'trust')!.mean).toBe(1);
    expect(results.leadVsPartners!.gap!.overall).toBe(3);

    const { aggregates } = await aggregatesOf(round.id);
    const refs = new Map([
      [ids.lead, 'lead'],
      [ids.p1, 'p1'],
      [ids.p2, 'p2'],
    ]);
    const forAnalysis = surveyAggregatesForAnalysis([{ closedOn: '2026-06-30', aggregates }], (id) => refs.get(id)!);
    expect(forAnalysis.ratings).toHaveLength(6);
    expect(forAnalysis.received.find((entry) => entry.organization === 'lead')).toMatchObject({ trust: 1, value: 1, respondents: 6 });
    expect(forAnalysis.leadVsPartners).toMatchObject({ leadView: 4, partnersView: 1, gap: 3, leadRespondents: 3, partnerRespondents: 6 });

    const bundle: ProgrammeBundle = {
      format: 'consortia.programme-bundle/1',
      programme: { ref: 'P', title: 'P', start: '2026-01-01', end: '2027-12-31', currency: 'EUR', countries: [] },
      organizations: [{ ref: 'lead', name: 'Lead NGO' }, { ref: 'p1', name: 'Partner One' }, { ref: 'p2', name: 'Partner Two' }],
      members: [
        { org: 'lead', role: 'lead' },
        { org: 'p1', role: 'partner' },
        { org: 'p2', role: 'partner' },
      ],
      tasks: [],
      budget: [],
      meetings: [],
      decisions: [],
      interactions: [],
      learning: [],
      ratings: forAnalysis.ratings,
    } as unknown as ProgrammeBundle;
    const fromDatabase = await programmeSurveyAggregates(test.database.db, { programmeId: ids.programme, instanceMinGroupSize: 3, refOf: (id) => refs.get(id)! });
    expect(fromDatabase.ratings.map(({ rater, ratee, trust, value }) => ({ rater, ratee, trust, value }))).toEqual(forAnalysis.ratings.map(({ rater, ratee, trust, value }) => ({ rater, ratee, trust, value })));
    const profile = computeAuthenticity(bundle);
    const perception = profile.dimensions.find((dimension) => dimension.key === 'perception')!;
    expect(perception.score).not.toBeNull();
    const metric = (key: string) => perception.metrics.find((entry) => entry.key === key)?.value;
    expect(metric('partners-trust-in-lead')).toBe(1);
    expect(metric('perception-gap')).toBe(3);
    expect(profile.flags.map((entry) => entry.key)).toEqual(expect.arrayContaining(['lead-distrusted', 'perception-gap']));
  });
});
