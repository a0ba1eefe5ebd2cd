import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database.js';
import type { DatabaseHandle } from '../../db/client.js';
import { surveyDrafts, surveyRounds } from '../../db/schema/index.js';
import { computeRoundAggregates } from '../surveys/results.js';
import { roundStatus } from '../surveys/rounds.js';
import { seedDemo } from './seed-demo.js';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});

afterAll(async () => {
  await database?.close();
});

describe('the survey demo', () => {
  it('holds two closed rounds whose every breakdown passes k, and an open round with a draft', async () => {
    const rounds = await database.db.select().from(surveyRounds);
    const closed = rounds.filter((round) => roundStatus(round) === 'closed');
    expect(closed.map((round) => round.definition.kind).sort()).toEqual(['dyadic', 'health-check']);
    for (const round of closed) {
      const aggregates = await computeRoundAggregates(database.db, { round, instanceMinGroupSize: 3 });
      expect(aggregates.givenBy?.shown).toBe(true);
      expect(aggregates.leadVsPartners?.shown).toBe(true);
      if (round.definition.perTarget) expect(aggregates.receivedBy?.shown).toBe(true);
    }
    const open = rounds.find((round) => roundStatus(round) === 'open')!;
    expect(open).toBeDefined();
    expect((await database.db.select().from(surveyDrafts)).length).toBe(1);
    const results = await computeRoundAggregates(database.db, { round: open, instanceMinGroupSize: 3 });
    expect(results.disclosure).toEqual({ shown: false, reason: 'round-open' });
  });
});
