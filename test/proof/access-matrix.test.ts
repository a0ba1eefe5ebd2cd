import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedAccess } from './access-expectations.js';
import { formatStatuses, leakedSecrets, runOrder, tryOperation } from './support/matrix-runner.js';
import { readOperations, type Operation, type Side } from './support/routes.js';
import { sampleOf } from './support/sample.js';
import { actors, buildWorld, type World } from './support/world.js';

let world: World;
let operations: Operation[];
const apiTokens: Record<string, string> = {};

beforeAll(async () => {
  world = await buildWorld();
  operations = await readOperations(world.app);
  const create = operations.find((operation) => operation.key === 'POST /api/me/tokens');
  for (const actor of ['outsider', 'vendor', 'partner', 'manager'] as const) {
    const response = await world.app.inject({ method: 'POST', url: '/api/me/tokens', headers: world.sessions[actor].headers(), payload: sampleOf(create?.body, () => undefined) as object });
    apiTokens[actor] = (response.json() as { id?: string; token?: { id: string } }).id ?? (response.json() as { token?: { id: string } }).token?.id ?? '';
  }
}, 120_000);
afterAll(async () => world?.t.close());

describe('access matrix', () => {
  it('declares an expected result for every route of the OpenAPI document', () => {
    const undeclared = operations.map((operation) => operation.key).filter((key) => !(key in expectedAccess));
    expect(undeclared, 'undeclared route').toEqual([]);
    const gone = Object.keys(expectedAccess).filter((key) => !operations.some((operation) => operation.key === key));
    expect(gone, 'declared route that no longer exists').toEqual([]);
  });

  it('answers every route, as every actor, on both programmes, with the declared status and nothing it may not show', async () => {
    const failures: string[] = [];
    const observed: string[] = [];
    const ordered = [...operations].sort((left, right) => runOrder(left) - runOrder(right));
    for (const operation of ordered) {
      const sidesToTry: Side[] = operation.pathParameters.length > 0 ? ['A', 'B'] : ['A'];
      const statuses: Partial<Record<Side, number[]>> = {};
      for (const side of sidesToTry) {
        statuses[side] = [];
        for (const actor of actors) {
          const observation = await tryOperation(world, operation, side, actor, apiTokens);
          statuses[side]!.push(observation.status);
          if (observation.status >= 500) failures.push(`${operation.key} as ${actor} on ${side}: ${observation.status} ${observation.body.slice(0, 200)}`);
          for (const leak of leakedSecrets(world, observation)) failures.push(`${operation.key} as ${actor} on ${side} (${observation.url}) shows ${leak}`);
        }
      }
      const got = formatStatuses(statuses);
      observed.push(`  '${operation.key}': '${got}',`);
      const expected = expectedAccess[operation.key];
      if (expected !== undefined && expected !== got) failures.push(`${operation.key}: expected ${expected}, got ${got}`);
    }
    // Set PROOF_PRINT_MATRIX=1 to print what the server answered, in the table's own format.
    if (process.env.PROOF_PRINT_MATRIX) console.log(observed.join('\n'));
    expect(failures).toEqual([]);
  }, 300_000);
});
