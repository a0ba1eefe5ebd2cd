import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { pdfRendererAvailable, renderPdf } from './agreement-document.js';
import { buildConsortiumFixture, call, type ConsortiumFixture } from './test-fixture.js';

let fixture: ConsortiumFixture;
beforeAll(async () => {
  fixture = await buildConsortiumFixture();
});
afterAll(async () => fixture.test.close());

describe('the partnership agreement', () => {
  it('lets each member write its own contributions and expectations, and only its own', async () => {
    const { app, sessions, programme, organizations } = fixture;
    const base = `/api/programmes/${programme.id}/agreement`;
    const own = await call(app, sessions.partner, 'PUT', `${base}/statements/${organizations.partner.id}`, { contributions: 'Local knowledge & trust of <communities>', expectations: 'Funding for our staff' });
    expect(own.statusCode).toBe(200);
    const forOthers = await call(app, sessions.manager, 'PUT', `${base}/statements/${organizations.partner.id}`, { version: 1, contributions: 'x', expectations: 'y' });
    expect(forOthers.statusCode).toBe(403);
    const stale = await call(app, sessions.partner, 'PUT', `${base}/statements/${organizations.partner.id}`, { version: 5, contributions: 'x', expectations: 'y' });
    expect(stale.statusCode).toBe(409);
    await call(app, sessions.manager, 'PUT', `${base}/statements/${organizations.lead.id}`, { contributions: 'Grant management', expectations: 'Learning from partners' });
  });

  it('lets managers edit the ingredients with a version, publish versions, and clears sign-offs with a new version', async () => {
    const { app, sessions, programme } = fixture;
    const base = `/api/programmes/${programme.id}/agreement`;
    const draft = (await call(app, sessions.partner, 'GET', base)).json();
    const byPartner = await call(app, sessions.partner, 'PATCH', base, { version: draft.version, sharedObjectives: 'x' });
    expect(byPartner.statusCode).toBe(403);
    const edited = await call(app, sessions.manager, 'PATCH', base, { version: draft.version, partnershipStatement: 'We enter into a partnership.', sharedObjectives: 'Resilient villages.', transparency: 'The whole budget is shared.' });
    expect(edited.statusCode).toBe(200);
    const stale = await call(app, sessions.manager, 'PATCH', base, { version: draft.version, monitoring: 'x' });
    expect(stale.statusCode).toBe(409);

    const v1 = await call(app, sessions.manager, 'POST', `${base}/versions`, { version: edited.json().version, note: 'First' });
    expect(v1.statusCode).toBe(201);
    expect(v1.json().number).toBe(1);
    expect((await call(app, sessions.partner, 'POST', `${base}/sign`)).statusCode).toBe(201);
    expect((await call(app, sessions.manager, 'POST', `${base}/sign`)).statusCode).toBe(201);
    // The vendor has no focal point set: it cannot sign.
    expect((await call(app, sessions.vendor, 'POST', `${base}/sign`)).statusCode).toBe(403);
    let agreement = (await call(app, sessions.partner, 'GET', base)).json();
    expect(agreement.versions[0].signoffs).toHaveLength(2);

    const v2 = await call(app, sessions.manager, 'POST', `${base}/versions`, { version: v1.json().version });
    expect(v2.json().number).toBe(2);
    agreement = (await call(app, sessions.partner, 'GET', base)).json();
    expect(agreement.versions.map((version: { number: number }) => version.number)).toEqual([2, 1]);
    expect(agreement.versions[0].signoffs).toHaveLength(0);
    expect(agreement.versions[1].signoffs).toHaveLength(2);
  });

  it('renders an HTML document from the programme data, escaping what members wrote', async () => {
    const { app, sessions, programme } = fixture;
    const response = await call(app, sessions.partner, 'GET', `/api/programmes/${programme.id}/agreement.html?version=draft`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    const html = response.body;
    expect(html).toContain('Partnership agreement');
    expect(html).toContain(programme.title);
    expect(html).toContain('We enter into a partnership.');
    expect(html).toContain('Local knowledge &amp; trust of &lt;communities&gt;');
    expect(html).not.toContain('<communities>');
    expect(html).toContain('Partner Association');
    // Monitoring and mutual learning are still empty: the document says the ingredient is missing.
    expect(html.match(/essential ingredient is missing/g)?.length).toBe(2);
    const french = (await call(app, sessions.partner, 'GET', `/api/programmes/${programme.id}/agreement.html?lang=fr`)).body;
    expect(french).toContain('Accord de partenariat');
    expect(french).toContain('Version 2');
    const missing = await call(app, sessions.partner, 'GET', `/api/programmes/${programme.id}/agreement.html?version=9`);
    expect(missing.statusCode).toBe(404);
  });

  it('answers 503 with a clear message when no headless browser is installed', async () => {
    await expect(renderPdf('<p>x</p>', '/nonexistent/chromium')).rejects.toThrow(AppError);
    await expect(renderPdf('<p>x</p>', '/nonexistent/chromium')).rejects.toThrow(/Chromium/);
  });

  const pdfTitle = pdfRendererAvailable() ? 'renders a PDF through headless Chromium' : 'renders a PDF through headless Chromium — SKIPPED: /usr/bin/chromium is not installed';
  it.skipIf(!pdfRendererAvailable())(pdfTitle, async () => {
    const { app, sessions, programme } = fixture;
    const response = await call(app, sessions.partner, 'GET', `/api/programmes/${programme.id}/agreement.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
