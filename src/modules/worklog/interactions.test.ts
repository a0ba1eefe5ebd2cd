import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { buildLogProgramme, type ErrorBody, type LogFixture } from './test-helpers.js';

let t: TestApp;
let f: LogFixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await buildLogProgramme(t);
});
afterAll(async () => t.close());

const countInteractions = async () => {
  let total = 0;
  let cursor: string | null = null;
  do {
    const page = (await f.call(f.sessions.alpha, 'GET', `/interactions?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: unknown[]; nextCursor: string | null };
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
};

const importCsv = (text: string, dryRun?: boolean) =>
  t.app.inject({
    method: 'POST',
    url: `${f.base}/interactions/import${dryRun === undefined ? '' : `?dryRun=${dryRun}`}`,
    headers: f.sessions.beta.headers({ 'content-type': 'text/csv' }),
    payload: text,
  });

describe('interactions', () => {
  it('records an interaction; the initiator defaults to "from" and must be one of the two', async () => {
    const created = await f.call(f.sessions.alpha, 'POST', '/interactions', {
      date: '2025-04-02',
      fromOrganizationId: f.organizations.partnerA.id,
      toOrganizationId: f.organizations.partnerB.id,
      channel: 'call',
      subject: 'Seed varieties',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ initiatedByOrganizationId: f.organizations.partnerA.id, recordedByOrganizationId: f.organizations.partnerA.id });
    const wrongInitiator = await f.call(f.sessions.alpha, 'POST', '/interactions', {
      date: '2025-04-02',
      fromOrganizationId: f.organizations.partnerA.id,
      toOrganizationId: f.organizations.partnerB.id,
      initiatedByOrganizationId: f.organizations.lead.id,
    });
    expect((wrongInitiator.json() as ErrorBody).error.details![0]!.pointer).toBe('/initiatedByOrganizationId');
  });

  it('records many at once, or none when one item is wrong, naming each bad item by pointer', async () => {
    const before = await countInteractions();
    const good = { date: '2025-05-01', fromOrganizationId: f.organizations.lead.id, toOrganizationId: f.organizations.partnerA.id, channel: 'email' };
    const refused = await f.call(f.sessions.leadMember, 'POST', '/interactions/batch', {
      items: [good, { ...good, toOrganizationId: f.organizations.outsider.id }, good, { ...good, toOrganizationId: f.organizations.lead.id }],
    });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as ErrorBody).error.details!.map((detail) => detail.pointer)).toEqual(['/items/1/toOrganizationId', '/items/3/toOrganizationId']);
    expect(await countInteractions()).toBe(before);

    const badChannel = await f.call(f.sessions.leadMember, 'POST', '/interactions/batch', { items: [good, { ...good, channel: 'pigeon' }] });
    expect((badChannel.json() as ErrorBody).error.details![0]!.pointer).toBe('/items/1/channel');

    const accepted = await f.call(f.sessions.leadMember, 'POST', '/interactions/batch', { items: [good, good, { ...good, channel: 'visit' }] });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ imported: 3 });
    expect(await countInteractions()).toBe(before + 3);
  });

  it('imports CSV naming organizations by name, acronym or identifier', async () => {
    const before = await countInteractions();
    const csv = ['date,from,to,channel,initiated_by,subject', '2025-06-01,ALPHA,Partner Beta,call,,Field plans', '2025-06-02,ne-rc-0042,LEAD,visit,to,"Visit, with a comma"'].join('\n');
    const dry = await importCsv(csv, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, rows: 2, imported: 0, problems: [] });
    expect(await countInteractions()).toBe(before);
    const real = await importCsv(csv);
    expect(real.statusCode).toBe(201);
    expect(real.json()).toMatchObject({ imported: 2 });
    const latest = (await f.call(f.sessions.beta, 'GET', '/interactions?limit=1&from=2025-06-02&to=2025-06-02')).json() as { items: Array<{ initiatedByOrganizationId: string; subject: string }> };
    expect(latest.items[0]).toMatchObject({ initiatedByOrganizationId: f.organizations.lead.id, subject: 'Visit, with a comma' });
  });

  it('refuses a CSV file with an unknown organization, naming the row and column, and stores nothing', async () => {
    const before = await countInteractions();
    const csv = ['date,from,to,channel', '2025-06-01,ALPHA,BETA,call', '2025-06-02,ALPHA,Nobody Known,email', '2025-13-01,ALPHA,BETA,fax'].join('\n');
    const dry = await importCsv(csv, true);
    expect(dry.json()).toEqual({
      dryRun: true,
      rows: 3,
      imported: 0,
      problems: [
        { row: 3, column: 'to', reason: "unknown organization 'Nobody Known': not a member of this programme" },
        { row: 4, column: 'date', reason: "'2025-13-01' is not a date (YYYY-MM-DD)" },
        { row: 4, column: 'channel', reason: "'fax' is not a channel; expected meeting, call, email, message, visit" },
      ],
    });
    const real = await importCsv(csv);
    expect(real.statusCode).toBe(400);
    const body = real.json() as ErrorBody;
    expect(body.error.details![0]).toMatchObject({ pointer: '/rows/3/to', value: { row: 3, column: 'to' } });
    expect(await countInteractions()).toBe(before);
  });

  it('refuses a CSV header without the needed columns', async () => {
    const response = await importCsv('when,who\n2025-01-01,ALPHA', true);
    expect((response.json() as { problems: Array<{ row: number; column: string }> }).problems.map((problem) => problem.column)).toEqual(['date', 'from', 'to', 'when', 'who']);
  });

  it('lets an observer read but not record', async () => {
    expect((await f.call(f.sessions.observer, 'GET', '/interactions')).statusCode).toBe(200);
    const refused = await f.call(f.sessions.observer, 'POST', '/interactions', { date: '2025-04-02', fromOrganizationId: f.organizations.partnerA.id, toOrganizationId: f.organizations.partnerB.id });
    expect(refused.statusCode).toBe(403);
  });
});

describe('learning and open ratings', () => {
  it('records learning both ways, with people', async () => {
    const response = await f.call(f.sessions.alpha, 'POST', '/learning', {
      date: '2025-07-01',
      fromOrganizationId: f.organizations.partnerA.id,
      toOrganizationId: f.organizations.lead.id,
      fromUserIds: [f.users.alphaUser.id],
      toUserIds: [f.users.leadMember.id],
      topic: 'Zai pits and half-moons',
      kind: 'capacity-building',
    });
    expect(response.statusCode).toBe(201);
    const wrongPerson = await f.call(f.sessions.alpha, 'POST', '/learning', {
      date: '2025-07-01',
      fromOrganizationId: f.organizations.partnerA.id,
      toOrganizationId: f.organizations.lead.id,
      fromUserIds: [f.users.betaUser.id],
      topic: 'x',
      kind: 'exchange',
    });
    expect((wrongPerson.json() as ErrorBody).error.details![0]!.pointer).toBe('/fromUserIds/0');
  });

  it('records ratings in the rater\'s own name only, 1..4', async () => {
    const created = await f.call(f.sessions.beta, 'POST', '/ratings', { rateeOrganizationId: f.organizations.lead.id, trust: 2, value: 4, date: '2025-08-01' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ raterOrganizationId: f.organizations.partnerB.id, trust: 2, value: 4 });
    const inAnotherName = await f.call(f.sessions.beta, 'POST', '/ratings', { raterOrganizationId: f.organizations.partnerA.id, rateeOrganizationId: f.organizations.lead.id, trust: 2, value: 2 });
    expect(inAnotherName.statusCode).toBe(403);
    const outOfRange = await f.call(f.sessions.beta, 'POST', '/ratings', { rateeOrganizationId: f.organizations.lead.id, trust: 5, value: 0 });
    expect((outOfRange.json() as ErrorBody).error.details!.map((detail) => detail.pointer)).toEqual(['/trust', '/value']);
    const self = await f.call(f.sessions.beta, 'POST', '/ratings', { rateeOrganizationId: f.organizations.partnerB.id, trust: 4, value: 4 });
    expect((self.json() as ErrorBody).error.details![0]!.pointer).toBe('/rateeOrganizationId');
    const rating = created.json() as { id: string };
    expect((await f.call(f.sessions.alpha, 'PATCH', `/ratings/${rating.id}`, { version: 1, trust: 1 })).statusCode).toBe(403);
    expect((await f.call(f.sessions.beta, 'PATCH', `/ratings/${rating.id}`, { version: 1, trust: 3 })).statusCode).toBe(200);
  });
});

describe('timeline and organization activity', () => {
  it('merges every kind of record newest first, pages without overlap, and filters', async () => {
    const seen: Array<{ type: string; id: string; date: string }> = [];
    let cursor: string | null = null;
    do {
      const response = await f.call(f.sessions.beta, 'GET', `/log/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as { items: Array<{ type: string; id: string; date: string }>; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((item) => item.id)).size).toBe(seen.length);
    expect(seen.map((item) => item.date)).toEqual([...seen.map((item) => item.date)].sort().reverse());
    expect(new Set(seen.map((item) => item.type))).toEqual(new Set(['interaction', 'learning', 'rating']));

    const ratingsOnly = (await f.call(f.sessions.beta, 'GET', '/log/timeline?types=rating')).json() as { items: Array<{ type: string; trust: number }> };
    expect(ratingsOnly.items.every((item) => item.type === 'rating')).toBe(true);
    const june = (await f.call(f.sessions.beta, 'GET', `/log/timeline?from=2025-06-01&to=2025-06-30&organizationId=${f.organizations.lead.id}`)).json() as {
      items: Array<{ organizationIds: string[]; date: string }>;
    };
    expect(june.items.length).toBeGreaterThan(0);
    expect(june.items.every((item) => item.organizationIds.includes(f.organizations.lead.id) && item.date.startsWith('2025-06'))).toBe(true);
    const badType = await f.call(f.sessions.beta, 'GET', '/log/timeline?types=gossip');
    expect(badType.statusCode).toBe(400);
    const badCursor = await f.call(f.sessions.beta, 'GET', `/log/timeline?cursor=${Buffer.from('["x","y"]').toString('base64url')}`);
    expect((badCursor.json() as ErrorBody).error.details![0]!.pointer).toBe('/cursor');
  });

  it('shows what one organization learned, taught and rated in a period', async () => {
    const response = await f.call(f.sessions.alpha, 'GET', `/organizations/${f.organizations.partnerA.id}/activity?from=2025-07-01&to=2025-09-30`);
    expect(response.statusCode).toBe(200);
    const activity = response.json() as { counts: Record<string, number>; taught: Array<{ topic: string }> };
    expect(activity.taught.map((row) => row.topic)).toEqual(['Zai pits and half-moons']);
    expect(activity.counts.learned).toBe(0);
    const outsider = await f.call(f.sessions.alpha, 'GET', `/organizations/${f.organizations.outsider.id}/activity`);
    expect(outsider.statusCode).toBe(404);
  });
});
