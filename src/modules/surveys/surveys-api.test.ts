import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildSurveyRound, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

type Link = { recipientId: string; token: string; url: string; organizationId: string };

let test: TestApp;
let manager: Session;
let partner: Session;
let outsider: Session;
const ids = { lead: '', p1: '', p2: '', outsiderOrg: '', programme: '' };

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  ids.lead = (await buildOrganization(db, { name: 'Lead NGO' })).id;
  ids.p1 = (await buildOrganization(db, { name: 'Partner One' })).id;
  ids.p2 = (await buildOrganization(db, { name: 'Partner Two' })).id;
  ids.outsiderOrg = (await buildOrganization(db)).id;
  const managerUser = await buildUser(db, { organizationId: ids.lead, role: 'org-admin' });
  const partnerUser = await buildUser(db, { organizationId: ids.p1 });
  const outsiderUser = await buildUser(db, { organizationId: ids.outsiderOrg, role: 'org-admin' });
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
  outsider = await login(test.app, outsiderUser.email, TEST_PASSWORD);
});

afterAll(async () => {
  await test?.close();
});

const inject = (options: InjectOptions) => test.app.inject(options);
/** Rows of a raw query, on either driver. */
const rowsOf = (result: unknown) => (result as { rows: Array<Record<string, unknown>> }).rows;

async function startRound(instrumentKey: string, extra: Record<string, unknown> = {}) {
  const instruments = (await inject({ method: 'GET', url: '/api/survey-instruments?limit=100', headers: manager.headers() })).json() as { items: Array<{ id: string; key: string | null }> };
  const instrument = instruments.items.find((item) => item.key === instrumentKey)!;
  const response = await inject({
    method: 'POST',
    url: '/api/survey-rounds',
    headers: manager.headers(),
    payload: { instrumentId: instrument.id, programmeId: ids.programme, title: `${instrumentKey} round`, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), ...extra },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

async function sendTo(roundId: string, perOrganization: Record<string, number>): Promise<Link[]> {
  const recipients = Object.entries(perOrganization).flatMap(([organizationId, count]) =>
    Array.from({ length: count }, (_, index) => ({ email: `p${index}-${organizationId.slice(0, 8)}-${roundId.slice(0, 6)}@example.org`, name: `Person ${index}`, organizationId, language: 'fr' })),
  );
  const response = await inject({ method: 'POST', url: `/api/survey-rounds/${roundId}/recipients`, headers: manager.headers(), payload: { recipients } });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { links: Link[] }).links;
}

type Form = { targets: Array<{ id: string }>; groups: Array<{ items: Array<{ key: string }> }>; language: string; title: string };

async function answerAll(link: Link, value: (item: string, target?: string) => number, comment?: string) {
  const form = (await inject({ method: 'GET', url: `/api/survey-answers/${link.token}` })).json() as Form;
  const items = form.groups.flatMap((group) => group.items.map((item) => item.key));
  const answers = form.targets.length > 0 ? form.targets.flatMap((target) => items.map((item) => ({ item, target: target.id, value: value(item, target.id) }))) : items.map((item) => ({ item, value: value(item) }));
  return inject({ method: 'POST', url: `/api/survey-answers/${link.token}`, payload: { answers, comment } });
}

async function close(round: { id: string; version: number }) {
  const response = await inject({ method: 'POST', url: `/api/survey-rounds/${round.id}/close`, headers: manager.headers(), payload: { version: round.version } });
  expect(response.statusCode, response.body).toBe(200);
}

describe('instruments', () => {
  it('lists the four built-ins, read-only for everyone', async () => {
    const list = (await inject({ method: 'GET', url: '/api/survey-instruments', headers: outsider.headers() })).json() as { items: Array<{ id: string; builtIn: boolean; canEdit: boolean; key: string }> };
    const builtIns = list.items.filter((item) => item.builtIn);
    expect(builtIns.map((item) => item.key).sort()).toEqual(['allegiance-check', 'communication-climate-pulse', 'partnership-health-check', 'trust-and-value-rating']);
    expect(builtIns.every((item) => !item.canEdit)).toBe(true);
    const instrument = (await inject({ method: 'GET', url: `/api/survey-instruments/${builtIns[0]!.id}`, headers: manager.headers() })).json() as { definition: unknown; version: number };
    const edit = await inject({ method: 'PATCH', url: `/api/survey-instruments/${builtIns[0]!.id}`, headers: manager.headers(), payload: { version: instrument.version, definition: instrument.definition } });
    expect(edit.statusCode).toBe(403);
  });

  it('keeps an organization’s own instrument private and editable by it', async () => {
    const definition = {
      title: { en: 'Our climate', fr: 'Notre climat' },
      description: { en: 'Staff climate', fr: 'Climat du personnel' },
      scales: { yes: { values: [1, 2, 3], labels: { en: ['No', 'Partly', 'Yes'], fr: ['Non', 'En partie', 'Oui'] } } },
      items: [
        { key: 'heard', dimension: 'voice', scale: 'yes', text: { en: 'I am heard', fr: 'Je suis entendu' } },
        { key: 'ignored', dimension: 'voice', scale: 'yes', reverse: true, text: { en: 'I am ignored', fr: 'Je suis ignoré' } },
      ],
      comments: { enabled: false, prompt: { en: '-', fr: '-' } },
    };
    const created = await inject({ method: 'POST', url: '/api/survey-instruments', headers: outsider.headers(), payload: { definition } });
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json() as { id: string; version: number };
    expect((await inject({ method: 'GET', url: `/api/survey-instruments/${id}`, headers: manager.headers() })).statusCode).toBe(404);
    const list = (await inject({ method: 'GET', url: '/api/survey-instruments', headers: manager.headers() })).json() as { items: Array<{ id: string }> };
    expect(list.items.some((item) => item.id === id)).toBe(false);
    const renamed = await inject({ method: 'PATCH', url: `/api/survey-instruments/${id}`, headers: outsider.headers(), payload: { version, definition: { ...definition, title: { en: 'Climate', fr: 'Climat' } } } });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it('refuses an item on a scale that does not exist, naming the field', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/survey-instruments',
      headers: manager.headers(),
      payload: {
        definition: {
          title: { en: 'x', fr: 'x' },
          description: { en: 'x', fr: 'x' },
          scales: { yes: { values: [1, 2], labels: { en: ['a', 'b'], fr: ['a', 'b'] } } },
          items: [{ key: 'a', dimension: 'd', scale: 'nope', text: { en: 'x', fr: 'x' } }],
          comments: { enabled: false, prompt: { en: '-', fr: '-' } },
        },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('/definition/items/0/scale');
  });
});

describe('rounds and access', () => {
  it('lets members see the programme’s rounds and answers 404 to others', async () => {
    const round = await startRound('communication-climate-pulse');
    expect((await inject({ method: 'GET', url: `/api/survey-rounds/${round.id}`, headers: partner.headers() })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: `/api/survey-rounds/${round.id}`, headers: outsider.headers() })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: `/api/survey-rounds/${round.id}/results`, headers: outsider.headers() })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: `/api/survey-rounds/${round.id}/results.csv`, headers: outsider.headers() })).statusCode).toBe(404);
    const list = (await inject({ method: 'GET', url: `/api/survey-rounds?programmeId=${ids.programme}`, headers: outsider.headers() })).json() as { items: unknown[] };
    expect(list.items).toEqual([]);
    // A partner sees the round but may not send it or see who it was sent to.
    expect((await inject({ method: 'GET', url: `/api/survey-rounds/${round.id}/progress`, headers: partner.headers() })).statusCode).toBe(403);
    expect((await inject({ method: 'POST', url: `/api/survey-rounds/${round.id}/recipients`, headers: partner.headers(), payload: { recipients: [] } })).statusCode).toBe(403);
  });

  it('refuses a group minimum below the instance minimum', async () => {
    const instruments = (await inject({ method: 'GET', url: '/api/survey-instruments', headers: manager.headers() })).json() as { items: Array<{ id: string }> };
    const response = await inject({
      method: 'POST',
      url: '/api/survey-rounds',
      headers: manager.headers(),
      payload: { instrumentId: instruments.items[0]!.id, programmeId: ids.programme, title: 'x', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 1000).toISOString(), minGroupSize: 2 },
    });
    expect(response.statusCode).toBe(400);
  });

  it('runs a round inside one organization for its own staff, hidden from others', async () => {
    const db = test.database.db;
    const round = await buildSurveyRound(db, { instrumentKey: 'allegiance-check', organizationId: ids.outsiderOrg });
    expect((await inject({ method: 'GET', url: `/api/survey-rounds/${round.id}`, headers: outsider.headers() })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: `/api/survey-rounds/${round.id}`, headers: manager.headers() })).statusCode).toBe(404);
    const wrongOrganization = await inject({ method: 'POST', url: `/api/survey-rounds/${round.id}/recipients`, headers: outsider.headers(), payload: { recipients: [{ email: 'a@example.org', name: 'A', organizationId: ids.lead }] } });
    expect(wrongOrganization.statusCode).toBe(400);
    expect(JSON.stringify(wrongOrganization.json())).toContain('/recipients/0/organizationId');
  });
});

describe('answering through a personal link', () => {
  let round: { id: string; version: number };
  let links: Link[];

  beforeAll(async () => {
    round = await startRound('partnership-health-check');
    links = await sendTo(round.id, { [ids.lead]: 3, [ids.p1]: 3, [ids.p2]: 3 });
  });

  it('shows the instrument in the person’s language without an account', async () => {
    const response = await inject({ method: 'GET', url: `/api/survey-answers/${links[0]!.token}` });
    expect(response.statusCode, response.body).toBe(200);
    const form = response.json() as Form;
    expect(form.language).toBe('fr');
    expect(form.title).toMatch(/partenariat/i);
    expect(links[0]!.url).toContain(`/s/${links[0]!.token}`);
    expect(links[0]!.token.length).toBeGreaterThanOrEqual(43);
  });

  it('saves progress and resumes it, then deletes the draft at submission', async () => {
    const link = links[0]!;
    const saved = await inject({ method: 'PUT', url: `/api/survey-answers/${link.token}/draft`, payload: { answers: [{ item: 'sp-explain', value: 4 }] } });
    expect(saved.statusCode, saved.body).toBe(200);
    const form = (await inject({ method: 'GET', url: `/api/survey-answers/${link.token}` })).json() as { draft: { answers: unknown[] } };
    expect(form.draft.answers).toEqual([{ item: 'sp-explain', value: 4 }]);
    expect((await answerAll(link, () => 3)).statusCode).toBe(201);
    const drafts = await test.database.db.execute(sql`select count(*)::int as count from survey_drafts where recipient_id = ${link.recipientId}`);
    expect(Number(rowsOf(drafts)[0]!.count)).toBe(0);
  });

  it('refuses an out-of-scale answer and stores nothing', async () => {
    const link = links[1]!;
    const response = await inject({ method: 'POST', url: `/api/survey-answers/${link.token}`, payload: { answers: [{ item: 'sp-explain', value: 9 }] } });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { details: Array<{ pointer: string }> } }).error.details[0]!.pointer).toBe('/answers/0/value');
    const incomplete = await inject({ method: 'POST', url: `/api/survey-answers/${link.token}`, payload: { answers: [{ item: 'sp-explain', value: 2 }] } });
    expect(incomplete.statusCode).toBe(400);
    const counts = await test.database.db.execute(sql`select (select count(*)::int from survey_answers where round_id = ${round.id}) as answers, (select count(*)::int from survey_completions where round_id = ${round.id}) as completions`);
    expect(rowsOf(counts)[0]).toMatchObject({ answers: 1, completions: 1 });
  });

  it('works once: a second submission, even at the same time, stores nothing twice', async () => {
    const link = links[2]!;
    const [first, second] = await Promise.all([answerAll(link, () => 2), answerAll(link, () => 2)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const again = await inject({ method: 'GET', url: `/api/survey-answers/${link.token}` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'conflict' } });
    const counts = await test.database.db.execute(sql`select count(*)::int as count from survey_answers where round_id = ${round.id}`);
    expect(Number(rowsOf(counts)[0]!.count)).toBe(2);
  });

  it('answers 404 to an unknown link', async () => {
    expect((await inject({ method: 'GET', url: `/api/survey-answers/${'x'.repeat(43)}`, remoteAddress: '10.9.9.9' })).statusCode).toBe(404);
  });

  it('shows the counts per organization to the manager, never what anyone answered', async () => {
    const progress = (await inject({ method: 'GET', url: `/api/survey-rounds/${round.id}/progress`, headers: manager.headers() })).json() as { answered: number; byOrganization: Array<{ organizationId: string; answered: number }> };
    expect(progress.answered).toBe(2);
    expect(progress.byOrganization.find((entry) => entry.organizationId === ids.lead)!.answered).toBe(2);
    expect(JSON.stringify(progress)).not.toMatch(/"value"|sp-explain/);
  });

  it('gives no results while the round is open, then refuses answers once it is closed', async () => {
    const open = (await inject({ method: 'GET', url: `/api/survey-rounds/${round.id}/results`, headers: partner.headers() })).json() as { shown: boolean; reason: string; total: unknown };
    expect(open).toMatchObject({ shown: false, reason: 'round-open', total: null });
    await close(round);
    const late = await inject({ method: 'POST', url: `/api/survey-answers/${links[3]!.token}`, payload: { answers: [{ item: 'sp-explain', value: 3 }] } });
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ error: { code: 'expired' } });
  });

  it('answers 410 for a link whose round has passed its closing date', async () => {
    const db = test.database.db;
    const expired = await buildSurveyRound(db, { instrumentKey: 'communication-climate-pulse', organizationId: ids.lead, programmeId: ids.programme });
    const [link] = await sendTo(expired.id, { [ids.p1]: 1 });
    await db.execute(sql`update survey_rounds set opens_at = now() - interval '3 days', closes_at = now() - interval '1 day' where id = ${expired.id}`);
    expect((await inject({ method: 'GET', url: `/api/survey-answers/${link!.token}` })).statusCode).toBe(410);
  });
});

describe('throttling link guesses', () => {
  it('refuses an address after too many unknown links, and only that address', async () => {
    const local = await createTestApp({ SURVEY_LINK_MAX_FAILURES_PER_ADDRESS: '3' });
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const response = await local.app.inject({ method: 'GET', url: `/api/survey-answers/${'guess'.repeat(10)}${attempt}`, remoteAddress: '10.1.1.1' });
        expect(response.statusCode).toBe(404);
      }
      const blocked = await local.app.inject({ method: 'GET', url: `/api/survey-answers/${'guess'.repeat(10)}`, remoteAddress: '10.1.1.1' });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      const other = await local.app.inject({ method: 'GET', url: `/api/survey-answers/${'guess'.repeat(10)}`, remoteAddress: '10.1.1.2' });
      expect(other.statusCode).toBe(404);
    } finally {
      await local.close();
    }
  });
});
