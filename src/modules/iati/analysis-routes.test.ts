// The analysis API over a real imported file: JSON and CSV, and one organization's figures.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { importIati } from './import-iati.js';
import { sharedData } from './test-helpers.js';

describe('IATI analysis API', () => {
  let test: TestApp;
  let session: Session;
  beforeAll(async () => {
    test = await createTestApp();
    for (const file of ['ingo/cafod-1.00.xml', 'small-ngo/3f-denmark-2.03.xml']) {
      const bytes = readFileSync(new URL(`iati-samples/${file}`, sharedData));
      await importIati(test.database.db, { source: { bytes: Readable.from([bytes]) }, fileName: file, sizeBytes: bytes.length, origin: 'cli' });
    }
    const user = await buildUser(test.database.db);
    session = await login(test.app, user.email, TEST_PASSWORD);
  });
  afterAll(async () => test.close());

  it('answers the funding-flow network as JSON and as CSV', async () => {
    const json = await test.app.inject({ method: 'GET', url: '/api/iati/analysis/funding-flows', headers: session.headers() });
    expect(json.statusCode).toBe(200);
    const flows = json.json();
    expect(flows.edges.length).toBeGreaterThan(0);
    const csv = await test.app.inject({ method: 'GET', url: '/api/iati/analysis/funding-flows?format=csv', headers: session.headers() });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toContain('provider');
    expect(csv.body.trim().split('\n').length).toBe(flows.edges.length + 1);
  });

  it('filters by publisher and country, and answers localization with the 25% reference', async () => {
    const byPublisher = await test.app.inject({ method: 'GET', url: '/api/iati/analysis/localization?publisher=DK-CVR-31378028', headers: session.headers() });
    expect(byPublisher.statusCode).toBe(200);
    expect(byPublisher.json()).toMatchObject({ currency: 'DKK', reference: 0.25 });
    const byCountry = await test.app.inject({ method: 'GET', url: '/api/iati/analysis/co-participation?country=zz', headers: session.headers() });
    expect(byCountry.json()).toMatchObject({ nodes: [], edges: [] });
    const bad = await test.app.inject({ method: 'GET', url: '/api/iati/analysis/localization?country=Kenya', headers: session.headers() });
    expect(bad.statusCode).toBe(400);
    const csv = await test.app.inject({ method: 'GET', url: '/api/iati/analysis/localization?format=csv', headers: session.headers() });
    expect(csv.body).toContain('grand_bargain_reference');
  });

  it("gives an organization's IATI profile", async () => {
    const [publisher] = await test.database.query<{ id: string; n: number }>(
      `select reporting_organization_id as id, count(*)::int as n from iati_activities where reporting_org_ref = 'GB-CHC-285776' group by 1`,
    );
    const response = await test.app.inject({ method: 'GET', url: `/api/organizations/${publisher!.id}/iati-profile`, headers: session.headers() });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ organizationId: publisher!.id, published: publisher!.n });
    expect(response.json().passedOn).toBeGreaterThan(0);
  });
});
