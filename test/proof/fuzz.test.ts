// Hostile input: every write route gets generated bodies, query strings and path parameters.
// Whatever arrives, the server answers in its one error shape, never with a 5xx, a stack trace
// or SQL, and a refused request stores nothing.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-data.js';
import { createTestApp, login, type Session, type TestApp } from '../support/app.js';
import { changedTables, rowCounter } from './support/row-counts.js';
import { preferRecordsOf, readOperations, resolvePath, type Operation } from './support/routes.js';
import { sampleOf } from './support/sample.js';
import { rows } from './support/rows.js';
import { sql } from 'drizzle-orm';

/**
 * Generated requests per run, spread over the write routes. CI runs the suite twice (embedded
 * database, then PostgreSQL), so the default gives at least 10,000 in all.
 */
const TOTAL_REQUESTS = Number(process.env.PROOF_FUZZ_REQUESTS ?? 5_000);

let t: TestApp;
let app: FastifyInstance;
let session: Session;
let writeRoutes: Operation[];
let countRows: () => Promise<string>;
let programmeId: string;
let leadId: string;
let sent = 0;
let lastCounts: string | undefined;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  await seedDemo(t.database.db);
  session = await login(app, 'amina@sahel-relief.example', DEMO_PASSWORD);
  const [row] = await rows<{ id: string; lead: string }>(t.database.db, sql`select p.id::text as id, u.organization_id::text as lead from programmes p, users u where p.ref = 'SRC-2025' and u.email = 'amina@sahel-relief.example'`);
  programmeId = row!.id;
  leadId = row!.lead;
  preferRecordsOf(leadId);
  writeRoutes = (await readOperations(app)).filter(
    (operation) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(operation.method) && operation.key !== 'POST /api/auth/logout',
  );
  countRows = await rowCounter(t.database.db);
}, 120_000);
afterAll(async () => t?.close());

const nasty = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\ud800',
  "' or 1=1 --",
  '"; drop table organizations; --',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00',
  'x'.repeat(100_000),
  '9'.repeat(400),
  '-1',
  '1e309',
  '2026-02-30',
  '0000-00-00',
  '00000000-0000-0000-0000-000000000000',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ مرحبا',
  '',
  ' ',
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nasty },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53, 0.1, -0.5, true, null, [], {}) },
);

type Request = { body: unknown; query: Record<string, string>; pathNoise: string | null; contentType: string | null };

function requestArbitrary(operation: Operation, sample: Record<string, unknown>): fc.Arbitrary<Request> {
  const keys = [...new Set([...Object.keys(sample), ...Object.keys(operation.body?.properties ?? {})])];
  const body = fc.oneof(
    // A valid-looking body with one or two fields replaced or added.
    fc.record({ changes: fc.array(fc.tuple(keys.length > 0 ? fc.constantFrom(...keys) : fc.string(), value), { minLength: 1, maxLength: 2 }) }).map(({ changes }) => ({ ...sample, ...Object.fromEntries(changes) })),
    fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 4 }),
    value,
  );
  const query = fc.dictionary(fc.constantFrom(...(operation.query.length > 0 ? operation.query.map((parameter) => parameter.name) : ['q', 'cursor', 'limit'])), fc.oneof(nasty, fc.string({ maxLength: 20 })), { maxKeys: 2 });
  const pathNoise = operation.pathParameters.length > 0 ? fc.option(fc.oneof(nasty, fc.string({ maxLength: 30 }), fc.uuid()), { freq: 3 }) : fc.constant(null);
  const contentType = fc.option(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data; boundary=x'), { freq: 8 });
  return fc.record({ body, query, pathNoise, contentType });
}

/** Percent-encodes a segment; lone surrogates become the bytes of an invalid UTF-8 sequence, which is hostile too. */
function encodePathSegment(text: string): string {
  return text.replace(/[\ud800-\udfff]/g, '\u0001').split('\u0001').map((part) => encodeURIComponent(part)).join('%ED%A0%80');
}

const stackTrace = /\bat [^\n]+\.(ts|js|mjs):\d+|node_modules|\n\s+at /;
const sqlText = /\b(select\s+[\w"*]|insert\s+into|update\s+"?\w+"?\s+set|delete\s+from|syntax error at|violates (foreign key|unique|check|not-null) constraint|relation "\w+")/i;

describe('hostile input on every write route', () => {
  it('never answers 5xx, leaks no stack or SQL, keeps one error shape, and stores nothing when it refuses', async () => {
    const perRoute = Math.ceil(TOTAL_REQUESTS / writeRoutes.length);
    const failures: string[] = [];
    for (const operation of writeRoutes.filter((candidate) => !process.env.PROOF_FUZZ_ROUTE || candidate.key.includes(process.env.PROOF_FUZZ_ROUTE))) {
      const sides = { programme: { A: programmeId, B: programmeId }, organization: { A: leadId, B: leadId } };
      const realUrl = await resolvePath(t.database.db, operation, 'A', sides, {});
      const idFor = (name: string) => (/organizationid$/i.test(name) ? leadId : name === 'programmeId' ? programmeId : undefined);
      const sample = (sampleOf(operation.body, idFor) ?? {}) as Record<string, unknown>;
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operation, typeof sample === 'object' && sample !== null ? sample : {}), async (request) => {
          let url = realUrl ?? operation.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
          if (request.pathNoise !== null) {
            const segments = url.split('/');
            const positions = operation.path.split('/').flatMap((segment, index) => (segment.startsWith('{') ? [index] : []));
            segments[positions[request.pathNoise.length % positions.length]!] = encodePathSegment(request.pathNoise);
            url = segments.join('/');
          }
          const query = new URLSearchParams(request.query).toString();
          // Counting once per request: the count after one request is the count before the next.
          const before = lastCounts ?? (await countRows());
          const payload = request.contentType && !request.contentType.startsWith('application/json') ? String(JSON.stringify(request.body) ?? '') : JSON.stringify(request.body ?? null);
          const response = await app.inject({
            method: operation.method as 'POST',
            url: query ? `${url}?${query}` : url,
            headers: session.headers({ 'content-type': request.contentType ?? 'application/json' }),
            payload,
          });
          sent += 1;
          lastCounts = await countRows();
          const where = `${operation.key} ${response.statusCode}`;
          expect(response.statusCode, `${where}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
          if (response.statusCode >= 400) {
            const body = response.json() as { error?: { code?: unknown; message?: unknown } };
            expect(typeof body.error?.code, `${where}: error shape ${response.body.slice(0, 200)}`).toBe('string');
            expect(typeof body.error?.message, `${where}: error shape`).toBe('string');
            expect(response.body, `${where}: stack trace`).not.toMatch(stackTrace);
            expect(response.body, `${where}: SQL in the error`).not.toMatch(sqlText);
            const changed = changedTables(before, lastCounts);
            expect(changed, `${where}: refused request stored something`).toEqual([]);
          }
        }),
        { numRuns: perRoute, seed: Number(process.env.PROOF_FUZZ_SEED ?? 20260), endOnFailure: true },
      ).catch((error: unknown) => {
        const cause = (error as { cause?: Error }).cause;
        const counterexample = /Counterexample: (.*)/.exec(String((error as Error).message))?.[1] ?? '';
        failures.push(`${operation.key}: ${String(cause?.message ?? error).slice(0, 400)} with ${counterexample.slice(0, 400)}`);
      });
    }
    expect(failures).toEqual([]);
    if (!process.env.PROOF_FUZZ_ROUTE) expect(sent).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
  }, 600_000);
});
