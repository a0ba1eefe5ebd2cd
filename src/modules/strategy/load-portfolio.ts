import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations, programmeGoalLinks, programmeMembers, programmes, strategies, strategyGoals } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { can } from '../../lib/policy.js';
import { computeAuthenticity } from '../analytics/compute-authenticity.js';
import { exportBundle } from '../bundle/export-bundle.js';
import type { ProgrammeBundle } from '../bundle/schema.js';
import { activeMembership, getProgrammeAccess } from '../programmes/access.js';
import { computePortfolioFigures, type GoalInput, type PortfolioFigures, type PortfolioProgramme } from './portfolio-figures.js';

/** Gives the bundle of one programme; whole budget or only the organization's own lines, as the reader may see. */
export type LoadBundle = (programmeId: string, options: { budgetOrganizationId: string | null }) => Promise<ProgrammeBundle>;

/** The default: the programme bundle exported from the database. */
export const bundleLoader =
  (db: Database): LoadBundle =>
  (programmeId, options) =>
    exportBundle(db, { programmeId, budgetOrganizationId: options.budgetOrganizationId });

/**
 * The actor's organization's portfolio: every programme it currently takes part in, each
 * programme's authenticity profile computed from its bundle, dependence on donors and partners,
 * and where the strategy goals stand.
 */
export async function loadPortfolio(db: Database, options: { actor: Actor; loadBundle?: LoadBundle }): Promise<PortfolioFigures> {
  const { actor } = options;
  const loadBundle = options.loadBundle ?? bundleLoader(db);
  const rows = await db
    .select({ programme: programmes })
    .from(programmeMembers)
    .innerJoin(programmes, eq(programmes.id, programmeMembers.programmeId))
    .where(and(eq(programmeMembers.organizationId, actor.organizationId), activeMembership()));
  const [self] = await db.select({ name: organizations.name, identifier: organizations.identifier }).from(organizations).where(eq(organizations.id, actor.organizationId));
  const [strategy] = await db.select({ id: strategies.id }).from(strategies).where(eq(strategies.organizationId, actor.organizationId)).limit(1);
  const goals = strategy ? await db.select().from(strategyGoals).where(eq(strategyGoals.strategyId, strategy.id)) : [];
  const links =
    goals.length === 0 || rows.length === 0
      ? []
      : await db.select().from(programmeGoalLinks).where(and(inArray(programmeGoalLinks.goalId, goals.map((goal) => goal.id)), inArray(programmeGoalLinks.programmeId, rows.map((row) => row.programme.id))));

  const portfolio: PortfolioProgramme[] = [];
  for (const { programme } of rows) {
    const access = await getProgrammeAccess(db, actor, programme.id);
    const wholeBudget = can(actor, 'programme.view-budget', { kind: 'programme', access });
    const bundle = await loadBundle(programme.id, { budgetOrganizationId: wholeBudget ? null : actor.organizationId });
    const selfOrganization = bundle.organizations.find((organization) => (self?.identifier && organization.identifier === self.identifier) || organization.name === self?.name);
    portfolio.push({
      id: programme.id,
      ref: programme.ref,
      title: programme.title,
      status: programme.status,
      countries: programme.countries,
      sectors: programme.sectors,
      donors: programme.donors,
      bundle,
      profile: computeAuthenticity(bundle),
      selfRef: selfOrganization?.ref ?? null,
      goalIds: links.filter((link) => link.programmeId === programme.id).map((link) => link.goalId),
    });
  }
  portfolio.sort((a, b) => a.title.localeCompare(b.title));
  const goalInputs: GoalInput[] = goals.map((goal) => ({
    id: goal.id,
    title: goal.title,
    indicatorKind: goal.indicatorKind,
    direction: goal.direction,
    target: Number(goal.target),
    manualValue: goal.manualValue === null ? null : Number(goal.manualValue),
  }));
  return computePortfolioFigures(portfolio, goalInputs);
}
