import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';

let t: TestApp;
let lead: { id: string };
let candidateA: { id: string };
let candidateB: { id: string };
let session: Session;
let colleague: Session;
let programmeId: string;

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: Array<{ pointer: string; message: string }> } };

beforeAll(async () => {
  t = await createTestApp({ APPRAISAL_FILE_LIMIT_BYTES: '1024' });
  const db = t.database.db;
  lead = await buildOrganization(db, { name: 'Lead NGO' });
  candidateA = await buildOrganization(db, { name: 'Candidate A' });
  candidateB = await buildOrganization(db, { name: 'Candidate B' });
  const user = await buildUser(db, { organizationId: lead.id });
  const other = await buildUser(db, { organizationId: lead.id });
  programmeId = (await buildProgramme(db, { members: [{ organizationId: lead.id, role: 'lead' }] })).id;
  session = await login(t.app, user.email, TEST_PASSWORD);
  colleague = await login(t.app, other.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, as: Session, payload?: unknown) => {
  const response = await t.app.inject({ method, url, headers: as.headers(), ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: (response.body ? response.json() : {}) as Json };
};

describe('appraisal templates', () => {
  it('lists the built-in default first, read-only, with weights adding up to 100', async () => {
    const { status, body } = await call('GET', '/api/appraisal-templates', session);
    expect(status).toBe(200);
    const items = body.items as Array<{ id: string; builtIn: boolean; editable: boolean; totalWeight: number }>;
    expect(items[0]).toMatchObject({ id: 'default', builtIn: true, editable: false, totalWeight: 100 });
  });

  it('refuses to change the built-in template', async () => {
    const { status } = await call('PATCH', '/api/appraisal-templates/default', session, { version: 1, title: { en: 'Mine' } });
    expect(status).toBe(403);
  });

  it('copies the default into the organization, where colleagues can edit it', async () => {
    const copy = await call('POST', '/api/appraisal-templates/default/copy', session);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ builtIn: false, editable: true, copiedFrom: 'default', version: 1 });
    expect((copy.body.title as { en: string }).en).toMatch(/^Copy of /);

    const groups = structuredClone(copy.body.groups) as Array<{ criteria: Array<{ weight: number }> }>;
    groups[0]!.criteria[0]!.weight += 2;
    groups[0]!.criteria[1]!.weight -= 2;
    const edited = await call('PATCH', `/api/appraisal-templates/${copy.body.id}`, colleague, { version: 1, groups, title: { en: 'Our appraisal', fr: 'Notre évaluation' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, totalWeight: 100, title: { en: 'Our appraisal' } });
  });

  it('refuses weights that do not add up to 100, naming the field', async () => {
    const copy = await call('POST', '/api/appraisal-templates/default/copy', session);
    const groups = structuredClone(copy.body.groups) as Array<{ criteria: Array<{ weight: number }> }>;
    groups[0]!.criteria[0]!.weight += 5;
    const { status, body } = await call('PATCH', `/api/appraisal-templates/${copy.body.id}`, session, { version: 1, groups });
    expect(status).toBe(400);
    expect(body.error!.code).toBe('validation_failed');
    expect(body.error!.details).toEqual([expect.objectContaining({ pointer: '/groups', message: expect.stringMatching(/add up to 105/) })]);

    const negative = await call('POST', '/api/appraisal-templates', session, {
      title: { en: 'Bad' },
      scale: { min: 0, max: 4 },
      groups: [{ key: 'g', title: { en: 'G' }, criteria: [{ key: 'c', title: { en: 'C' }, weight: -100 }] }],
    });
    expect(negative.status).toBe(400);
    expect(negative.body.error!.details![0]!.pointer).toBe('/groups/0/criteria/0/weight');
  });

  it('answers 409 to a template update made on a stale version', async () => {
    const copy = await call('POST', '/api/appraisal-templates/default/copy', session);
    expect((await call('PATCH', `/api/appraisal-templates/${copy.body.id}`, session, { version: 1, title: { en: 'First' } })).status).toBe(200);
    const stale = await call('PATCH', `/api/appraisal-templates/${copy.body.id}`, colleague, { version: 1, title: { en: 'Second' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error!.code).toBe('version_conflict');
  });

  it('keeps the appraisal\'s own copy of a template that is later changed or deleted', async () => {
    const copy = await call('POST', '/api/appraisal-templates/default/copy', session);
    const appraisal = await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateA.id, templateId: copy.body.id });
    expect(appraisal.body.templateId).toBe(copy.body.id);
    const groups = structuredClone(copy.body.groups) as Array<{ criteria: Array<{ weight: number }> }>;
    groups[0]!.criteria[0]!.weight += 1;
    groups[0]!.criteria[1]!.weight -= 1;
    await call('PATCH', `/api/appraisal-templates/${copy.body.id}`, session, { version: 1, groups });
    expect((await call('DELETE', `/api/appraisal-templates/${copy.body.id}`, session)).status).toBe(204);
    const after = await call('GET', `/api/appraisals/${appraisal.body.id}`, session);
    expect(after.body.templateId).toBeNull();
    expect((after.body.template as { groups: Array<{ criteria: Array<{ weight: number }> }> }).groups[0]!.criteria[0]!.weight).toBe(8);
    const onDefault = await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateA.id });
    expect((await call('GET', `/api/appraisals/${onDefault.body.id}`, session)).body.templateId).toBe('default');
  });

  it('keeps an organization\'s templates from other organizations', async () => {
    const copy = await call('POST', '/api/appraisal-templates/default/copy', session);
    const stranger = await buildUser(t.database.db);
    const strangerSession = await login(t.app, stranger.email, TEST_PASSWORD);
    expect((await call('GET', `/api/appraisal-templates/${copy.body.id}`, strangerSession)).status).toBe(404);
    expect((await call('PATCH', `/api/appraisal-templates/${copy.body.id}`, strangerSession, { version: 1, title: { en: 'x' } })).status).toBe(404);
    const list = await call('GET', '/api/appraisal-templates', strangerSession);
    expect((list.body.items as unknown[]).length).toBe(1);
    const appraisal = await call('POST', '/api/appraisals', strangerSession, { candidateOrganizationId: candidateA.id, templateId: copy.body.id });
    expect(appraisal.status).toBe(400);
    expect(appraisal.body.error!.details![0]!.pointer).toBe('/templateId');
  });
});

describe('appraisals', () => {
  it('creates an appraisal with scores and evidence and computes the weighted total and completeness', async () => {
    const { status, body } = await call('POST', '/api/appraisals', session, {
      candidateOrganizationId: candidateA.id,
      programmeId,
      scores: [
        { criterionKey: 'purpose-clarity', score: 4, evidence: 'Joint concept note' },
        { criterionKey: 'roles-clarity', score: 2 },
      ],
      strengths: 'Deep local roots',
    });
    expect(status).toBe(201);
    // Purpose group only: (8×4/4 + 6×2/4) / 14 = 11/14
    expect(body.result).toMatchObject({ total: 78.6, completeness: 14, scoredCriteria: 2 });
    expect(body).toMatchObject({ templateId: 'default', candidate: { id: candidateA.id, name: 'Candidate A' }, programme: { id: programmeId }, decision: null, version: 1, canEdit: true });
    expect((body.scores as Array<{ criterionKey: string; evidence: string }>).find((score) => score.criterionKey === 'purpose-clarity')!.evidence).toBe('Joint concept note');
  });

  it('refuses scores off the scale or for unknown criteria, naming the field', async () => {
    const offScale = await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateA.id, scores: [{ criterionKey: 'purpose-clarity', score: 5 }] });
    expect(offScale.status).toBe(400);
    expect(offScale.body.error!.details![0]!.pointer).toBe('/scores/0/score');
    const unknown = await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateA.id, scores: [{ criterionKey: 'nope', score: 1 }] });
    expect(unknown.body.error!.details![0]!.pointer).toBe('/scores/0/criterionKey');
    const self = await call('POST', '/api/appraisals', session, { candidateOrganizationId: lead.id });
    expect(self.body.error!.details![0]!.pointer).toBe('/candidateOrganizationId');
    const notMine = await buildProgramme(t.database.db);
    const programme = await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateA.id, programmeId: notMine.id });
    expect(programme.body.error!.details![0]!.pointer).toBe('/programmeId');
  });

  it('updates scores with the current version and answers 409 to a stale one', async () => {
    const created = await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateA.id });
    const url = `/api/appraisals/${created.body.id}`;
    const first = await call('PATCH', url, session, { version: 1, scores: [{ criterionKey: 'standing', score: 3, evidence: 'References from two networks' }] });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await call('PATCH', url, colleague, { version: 1, risks: 'Overwrite' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: [expect.objectContaining({ pointer: '/version' })] });
    const fresh = await call('GET', url, colleague);
    expect(fresh.body.risks).toBe('');
  });

  it('records a decision with its reason, who took it, when, and the total at that moment', async () => {
    const created = await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateB.id, scores: [{ criterionKey: 'purpose-clarity', score: 3 }] });
    const url = `/api/appraisals/${created.body.id}/decision`;
    const missingReason = await call('POST', url, session, { version: 1, decision: 'select', reason: ' ' });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.error!.details![0]!.pointer).toBe('/reason');
    const wrongDecision = await call('POST', url, session, { version: 1, decision: 'maybe', reason: 'x' });
    expect(wrongDecision.status).toBe(400);

    const decided = await call('POST', url, session, { version: 1, decision: 'select-with-support', reason: 'Strong roots; finance systems need support' });
    expect(decided.status).toBe(201);
    expect(decided.body.decision).toMatchObject({ decision: 'select-with-support', reason: 'Strong roots; finance systems need support', totalAtDecision: 75, decidedBy: { name: expect.any(String) } });
    expect(Date.parse((decided.body.decision as { decidedAt: string }).decidedAt)).toBeGreaterThan(Date.now() - 60_000);

    const stale = await call('POST', url, colleague, { version: 1, decision: 'do-not-select', reason: 'Changed my mind' });
    expect(stale.status).toBe(409);
    const changed = await call('POST', url, colleague, { version: decided.body.version, decision: 'do-not-select', reason: 'Funding fell through' });
    expect(changed.body.decision).toMatchObject({ decision: 'do-not-select' });
    expect(changed.body.decisions as unknown[]).toHaveLength(2);
  });

  it('compares the candidates appraised for one programme, best total first', async () => {
    const db = t.database.db;
    const programme = await buildProgramme(db, { members: [{ organizationId: lead.id, role: 'lead' }] });
    const weak = await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateA.id, programmeId: programme.id, scores: [{ criterionKey: 'purpose-clarity', score: 1 }] });
    await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateB.id, programmeId: programme.id, scores: [{ criterionKey: 'purpose-clarity', score: 4 }, { criterionKey: 'standing', score: 3 }] });
    await call('POST', `/api/appraisals/${weak.body.id}/decision`, session, { version: 1, decision: 'do-not-select', reason: 'Unclear purpose' });
    const { status, body } = await call('GET', `/api/appraisals/compare?programmeId=${programme.id}`, session);
    expect(status).toBe(200);
    const candidates = body.candidates as Array<{ candidate: { name: string }; total: number; completeness: number; scores: Record<string, number>; decision: { decision: string } | null }>;
    expect(candidates.map((candidate) => candidate.candidate.name)).toEqual(['Candidate B', 'Candidate A']);
    expect(candidates[0]).toMatchObject({ total: 88.3, completeness: 15, scores: { 'purpose-clarity': 4, standing: 3 }, decision: null });
    expect(candidates[1]).toMatchObject({ total: 25, decision: { decision: 'do-not-select' } });
    expect(body.sameTemplate).toBe(true);
    expect((body.groups as unknown[]).length).toBe(7);

    const outsider = await login(t.app, (await buildUser(db)).email, TEST_PASSWORD);
    expect((await call('GET', `/api/appraisals/compare?programmeId=${programme.id}`, outsider)).status).toBe(404);
  });
});

describe('evidence files', () => {
  const upload = (appraisalId: string, content: Buffer, contentType: string, name = 'evidence.pdf', as: Session = session) =>
    t.app.inject({ method: 'POST', url: `/api/appraisals/${appraisalId}/files?name=${encodeURIComponent(name)}`, headers: as.headers({ 'content-type': contentType }), payload: content });

  it('stores a file in the database and gives it back as it was', async () => {
    const created = await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateA.id });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 255])]);
    const response = await upload(created.body.id as string, pdf, 'application/pdf', 'Audit 2024 – résumé.pdf');
    expect(response.statusCode).toBe(201);
    const file = response.json() as { id: string; sizeBytes: number; name: string };
    expect(file).toMatchObject({ sizeBytes: pdf.length, name: 'Audit 2024 – résumé.pdf' });
    const download = await t.app.inject({ method: 'GET', url: `/api/appraisals/${created.body.id}/files/${file.id}`, headers: colleague.headers() });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Audit%202024%20%E2%80%93%20r%C3%A9sum%C3%A9.pdf");
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const view = await call('GET', `/api/appraisals/${created.body.id}`, session);
    expect(view.body.files).toEqual([expect.objectContaining({ id: file.id, contentType: 'application/pdf' })]);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/appraisals/${created.body.id}/files/${file.id}`, headers: session.headers() })).statusCode).toBe(204);
  });

  it('refuses files over the configured size limit with 413', async () => {
    const created = await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateA.id });
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 65)]);
    const response = await upload(created.body.id as string, big, 'application/pdf');
    expect(response.statusCode).toBe(413);
    expect((response.json() as Json).error!.code).toBe('payload_too_large');
    const text = await upload(created.body.id as string, Buffer.alloc(2000, 65), 'text/plain', 'notes.txt');
    expect(text.statusCode).toBe(413);
  });

  it('refuses types it does not accept, and content that is not what its type says, with 415', async () => {
    const created = await call('POST', '/api/appraisals', session, { candidateOrganizationId: candidateA.id });
    const id = created.body.id as string;
    expect((await upload(id, Buffer.from('MZ\x90\x00'), 'application/x-msdownload', 'tool.exe')).statusCode).toBe(415);
    expect((await upload(id, Buffer.from('<script>alert(1)</script>'), 'text/html', 'page.html')).statusCode).toBe(415);
    const disguised = await upload(id, Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf');
    expect(disguised.statusCode).toBe(415);
    expect((disguised.json() as Json).error!.message).toMatch(/not application\/pdf/);
    const binaryText = await upload(id, Buffer.from([0x41, 0x00, 0x42]), 'text/plain', 'x.txt');
    expect(binaryText.statusCode).toBe(415);
    expect((await upload(id, Buffer.from('name,score\nA,3\n'), 'text/csv', 'scores.csv')).statusCode).toBe(201);
    const view = await call('GET', `/api/appraisals/${id}`, session);
    expect(view.body.files as unknown[]).toHaveLength(1);
  });
});
