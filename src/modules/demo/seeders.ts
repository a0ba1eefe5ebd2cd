import type { Database } from '../../db/client.js';
import { seedRegistry } from './seed-registry.js';
import { seedProgramme } from './seed-programme.js';
import { seedWorklog } from './seed-worklog.js';
import { seedAppraisal } from './seed-appraisal.js';
import { seedSurveys } from './seed-surveys.js';
import { seedNetworks } from './seed-networks.js';
import { seedIati } from './seed-iati.js';

/** What the core demo created, for each capability's seeder to build on. */
export type DemoContext = {
  /** Organization ids by demo key: lead, tiwindi, rfrn, cds, tillaberi. */
  organizationIds: Map<string, string>;
  /** User ids by e-mail. */
  userIds: Map<string, string>;
  /** The demo programme "Sahel Resilience Consortium". */
  programmeId: string;
};

export type DemoSeeder = (db: Database, context: DemoContext) => Promise<void>;

/**
 * Each capability adds its own demo data here (one file per capability, e.g. seed-registry.ts),
 * so that every screen shows something on a fresh start. They run in order, in one transaction.
 */
export const demoSeeders: DemoSeeder[] = [];
demoSeeders.push(seedRegistry);
demoSeeders.push(seedProgramme);
demoSeeders.push(seedWorklog);
demoSeeders.push(seedAppraisal);
demoSeeders.push(seedSurveys);
demoSeeders.push(seedNetworks);
demoSeeders.push(seedIati);
