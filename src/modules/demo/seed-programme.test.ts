import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../db/test-database.js';
import type { DatabaseHandle } from '../../db/client.js';
import { programmes } from '../../db/schema/index.js';
import { loadPlan } from '../programmes/plan-tree.js';
import { loadBudget } from '../programmes/budget.js';
import { loadAgreement } from '../programmes/agreement.js';
import { listTeam } from '../programmes/team.js';
import { seedDemo } from './seed-demo.js';
import { demoProgramme } from './demo-data.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database.close());

describe('the demo programme', () => {
  it('has a logframe, an action plan with RACI and localities, a budget, an agreement with sign-offs and a team', async () => {
    const { db } = database;
    const [programme] = await db.select().from(programmes).where(eq(programmes.ref, demoProgramme.ref));
    expect(programme!.logframe!.specificObjectives).toHaveLength(3);
    const plan = await loadPlan(db, programme!.id);
    expect(plan.packages).toHaveLength(3);
    expect(plan.tasks).toHaveLength(15);
    expect(new Set(plan.tasks.map((task) => task.locality))).toEqual(new Set(['Kaya', 'Tillabéri', 'Ségou']));
    for (const task of plan.tasks) expect(Object.values(task.raci).filter((letters) => letters.includes('A'))).toHaveLength(1);
    const budget = await loadBudget(db, { programmeId: programme!.id, visibility: { whole: true } });
    expect(budget.summary.organizations.filter((row) => row.amount > 0)).toHaveLength(5);
    const agreement = await loadAgreement(db, programme!.id);
    expect(agreement.statements.length).toBeGreaterThanOrEqual(3);
    expect(agreement.signoffs).toHaveLength(3);
    expect((await listTeam(db, programme!.id)).length).toBeGreaterThanOrEqual(6);
  });
});
