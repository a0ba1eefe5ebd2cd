import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database.js';
import type { DatabaseHandle } from '../../db/client.js';
import { decisionContests, decisions, interactions, learningExchanges, meetings, openRatings } from '../../db/schema/index.js';
import { seedDemo } from '../demo/seed-demo.js';
import { demoSeeders } from '../demo/seeders.js';
import { seedWorklog } from '../demo/seed-worklog.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  // Only the core demo and this seeder: other capabilities' demo data is theirs to test.
  demoSeeders.splice(0, demoSeeders.length, seedWorklog);
  await seedDemo(database.db);
});
afterAll(async () => database.close());

describe('demo working log', () => {
  it('gives the demo programme meetings with rotating chairs, decisions, interactions, learning and ratings', async () => {
    const db = database.db;
    const total = async (table: typeof meetings | typeof decisions | typeof interactions | typeof learningExchanges | typeof openRatings | typeof decisionContests) =>
      Number((await db.select({ n: count() }).from(table))[0]!.n);
    expect(await total(meetings)).toBe(6);
    expect(await total(decisions)).toBe(12);
    expect(await total(interactions)).toBe(60);
    expect(await total(learningExchanges)).toBe(8);
    expect(await total(openRatings)).toBe(20);
    expect(await total(decisionContests)).toBe(1);
    const chairs = new Set((await db.select({ chair: meetings.chairOrganizationId }).from(meetings)).map((row) => row.chair));
    expect(chairs.size).toBe(5);
    expect((await db.select().from(decisions).where(eq(decisions.scope, 'local'))).map((row) => row.locality).sort()).toEqual(['Kaya', 'Kaya', 'Ségou', 'Ségou', 'Tillabéri', 'Tillabéri']);
  });
});
