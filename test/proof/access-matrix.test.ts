import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFor } from './access-bodies.js';
import { expectedAccess } from './access-expectations.js';
import { PathResolver } from './access-paths.js';
import { actors, buildAccessWorld, type AccessWorld, type ActorName, type Side } from './access-world.js';
import { login } from '../support/app.js';
import { readOperations, type Operation } from './support/routes.js';
import { sampleOf } from './support/sample.js';

let world: AccessWorld;
let operations: Operation[];
let paths: PathResolver;

beforeAll(async () => {
  world = await buildAccessWorld();
  operations = await readOperations(world.app);
  paths = new PathResolver(world);
}, 180_000);
afterAll(async () => world?.close());

type Observation = { url: string | null; status: number; body: string; payload?: unknown };

/**
 * One case: one route, one side, one actor, in a transaction rolled back afterwards, so that it
 * meets exactly the world every other case meets (nothing another case wrote, deleted or
 * versioned), whatever the order the cases run in.
 */
async function tryCase(operation: Operation, side: Side, actor: ActorName): Promise<Observation> {
  const url = await paths.resolve(operation, side, actor);
  if (url === null) return { url, status: 0, body: '' };
  const ids: Record<string, string | undefined> = {
    organizationId: operation.path.startsWith('/api/programmes/{id}') ? world.partner[side] : world.lead[side],
    programmeId: world.programme[side],
    userId: world.users.manager.id,
    workPackageId: await paths.pick('work_packages', `programme_id = '${world.programme[side]}'`),
    activityId: await paths.pick('plan_activities', `exists (select 1 from work_packages w where w.id = t.work_package_id and w.programme_id = '${world.programme[side]}')`),
  };
  const idFor = (name: string) => (/organizationid$/i.test(name) ? ids.organizationId : ids[name]);
  const query = operation.query
    .filter((parameter) => parameter.required)
    .map((parameter) => `${parameter.name}=${encodeURIComponent(String(sampleOf(parameter.schema, idFor, parameter.name)))}`)
    .join('&');
  const payload = operation.body ? await bodyFor(world, operation.key, side, actor, sampleOf(operation.body, idFor) as Record<string, unknown> | undefined) : undefined;
  return world.isolated(async () => {
    let session = actor === 'anonymous' ? undefined : world.sessions[actor];
    // Logging out ends the session: this case signs in afresh (inside the case, so it is rolled back too).
    if (operation.key === 'POST /api/auth/logout' && actor !== 'anonymous') session = await login(world.app, world.users[actor].email, world.users[actor].password);
    const response = await world.app.inject({ method: operation.method as 'GET', url: query ? `${url}?${query}` : url, headers: session?.headers() ?? {}, ...(payload !== undefined ? { payload } : {}) });
    return { url, status: response.statusCode, body: response.body, payload };
  });
}

/**
 * A case that does not answer within a minute is reported by name: the usual cause is a query the
 * app sends outside the case's transaction (on PGlite it then waits for that transaction forever).
 */
async function withinLimit<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within 60 s (a query outside the case's transaction?)`)), 60_000);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** The statuses a declaration accepts for one actor: "200" or a justified set "200/409". */
function accepts(declared: string | undefined, status: number): boolean {
  return declared !== undefined && declared.split('/').map(Number).includes(status);
}

describe('access matrix', () => {
  it('declares an expected result for every route of the OpenAPI document', () => {
    const undeclared = operations.map((operation) => operation.key).filter((key) => !(key in expectedAccess));
    expect(undeclared, 'undeclared route').toEqual([]);
    const gone = Object.keys(expectedAccess).filter((key) => !operations.some((operation) => operation.key === key));
    expect(gone, 'declared route that no longer exists').toEqual([]);
  });

  it('answers every route, as every actor, on both sides, with exactly the declared status and nothing it may not show', async () => {
    const failures: string[] = [];
    const observed: string[] = [];
    const seen = new Set<string>();
    const timings: Array<[string, number]> = [];
    for (const operation of operations) {
      const started = performance.now();
      const sides: Side[] = operation.pathParameters.some((name) => name !== 'list') ? ['A', 'B'] : ['A'];
      const got: string[] = [];
      const declared = (expectedAccess[operation.key] ?? '').split('|').map((part) => part.trim().split(/\s+/));
      for (const side of sides) {
        const statuses: number[] = [];
        const expectedRow = declared.find((fields) => fields[0] === side)?.slice(1) ?? [];
        for (const [index, actor] of actors.entries()) {
          const observation = await withinLimit(tryCase(operation, side, actor), `${operation.key} as ${actor} on ${side}`);
          statuses.push(observation.status);
          if (process.env.PROOF_PRINT_MATRIX && (observation.status === 400 || observation.status === 409)) console.log(`${operation.key} as ${actor} on ${side}: ${observation.body.slice(0, 400)} SENT ${JSON.stringify(observation.payload)}`);
          const where = `${operation.key} as ${actor} on ${side} (${observation.url ?? 'no record'})`;
          if (!accepts(expectedRow[index], observation.status)) failures.push(`${where}: expected ${expectedRow[index] ?? 'nothing declared'}, got ${observation.status} ${observation.body.slice(0, 160)}`);
          for (const secret of world.secrets) {
            if (!observation.body.includes(secret.text)) continue;
            if (secret.visibleTo.includes(actor)) seen.add(secret.text);
            else failures.push(`${where} shows ${secret.what} ("${secret.text}")`);
          }
        }
        got.push(`${side} ${statuses.join(' ')}`);
      }
      observed.push(`  '${operation.key}': '${got.join(' | ')}',`);
      timings.push([operation.key, performance.now() - started]);
    }
    // A marker its readers never meet would prove nothing by its absence elsewhere.
    for (const secret of world.secrets) if (secret.visibleTo.length > 0 && !seen.has(secret.text)) failures.push(`${secret.what} ("${secret.text}") never shown to ${secret.visibleTo.join(', ')}`);
    for (const key of paths.ambiguous) failures.push(`ambiguous record choice (two candidates with the same content): ${key}`);
    // Set PROOF_PRINT_MATRIX=1 to print what the server answered, in the table's own format.
    if (process.env.PROOF_PRINT_MATRIX) console.log(observed.join('\n'));
    if (process.env.PROOF_PRINT_TIMES) console.log(timings.sort((a, b) => b[1] - a[1]).slice(0, 15).map(([key, ms]) => `${Math.round(ms)} ms ${key}`).join('\n'));
    expect(failures).toEqual([]);
  }, 300_000);
});
