import { isLocalActor } from '../analytics/context.js';
import { computePortfolio, type PortfolioSummary } from '../analytics/compute-portfolio.js';
import { herfindahl } from '../analytics/dimension-resources.js';
import type { AuthenticityProfile, Verdict } from '../analytics/types.js';
import type { ProgrammeBundle } from '../bundle/schema.js';
import type { IndicatorKind, ProgrammeStatus, TargetDirection } from '../../db/schema/index.js';

/** One programme of an organization's portfolio, with its bundle and its authenticity profile. */
export type PortfolioProgramme = {
  id: string;
  ref: string;
  title: string;
  status: ProgrammeStatus;
  countries: string[];
  sectors: string[];
  /** Donors named on the programme; funder members of the bundle count too. */
  donors: string[];
  bundle: ProgrammeBundle;
  profile: AuthenticityProfile;
  /** The organization's own ref in the bundle (it is not its own partner). */
  selfRef: string | null;
  goalIds: string[];
};

export type GoalInput = { id: string; title: string; indicatorKind: IndicatorKind; direction: TargetDirection; target: number; manualValue: number | null };

export type Dependence = {
  /** What shares are measured on: budget amounts when there are any, else numbers of programmes. */
  basis: 'amount' | 'programmes';
  items: Array<{ name: string; programmes: number; amount: number; share: number }>;
  /** Sum of squared shares, 0..1: 1 when everything depends on one. */
  herfindahl: number | null;
  largestShare: number | null;
};

export type GoalStatus = { id: string; title: string; indicatorKind: IndicatorKind; direction: TargetDirection; target: number; value: number | null; status: 'on-track' | 'off-track' | 'unknown'; basis: 'linked' | 'portfolio'; programmes: number };

const round = (value: number, decimals = 4) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const budgetTotal = (bundle: ProgrammeBundle) => bundle.budget.reduce((sum, line) => sum + line.amount, 0);

function tally(values: Iterable<string>, into: Map<string, number>) {
  for (const value of values) into.set(value, (into.get(value) ?? 0) + 1);
}

function counts(programmes: readonly PortfolioProgramme[], keysOf: (programme: PortfolioProgramme) => string[]) {
  const map = new Map<string, number>();
  for (const programme of programmes) tally(new Set(keysOf(programme)), map);
  return [...map.entries()].map(([key, n]) => ({ key, programmes: n })).sort((a, b) => b.programmes - a.programmes || a.key.localeCompare(b.key));
}

function dependence(entries: Map<string, { programmes: number; amount: number }>): Dependence {
  const rows = [...entries.entries()].map(([name, value]) => ({ name, ...value }));
  const totalAmount = rows.reduce((sum, row) => sum + row.amount, 0);
  const totalProgrammes = rows.reduce((sum, row) => sum + row.programmes, 0);
  const basis = totalAmount > 0 ? 'amount' : 'programmes';
  const total = basis === 'amount' ? totalAmount : totalProgrammes;
  const items = rows
    .map((row) => ({ ...row, amount: round(row.amount, 2), share: total > 0 ? round((basis === 'amount' ? row.amount : row.programmes) / total) : 0 }))
    .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name));
  return {
    basis,
    items,
    herfindahl: items.length > 0 && total > 0 ? round(herfindahl(items.map((item) => item.share))) : null,
    largestShare: items.length > 0 && total > 0 ? items[0]!.share : null,
  };
}

/** Each donor's part of the portfolio: a programme's budget is split equally among its donors. */
export function donorDependence(programmes: readonly PortfolioProgramme[]): Dependence {
  const entries = new Map<string, { programmes: number; amount: number }>();
  for (const programme of programmes) {
    const funders = programme.bundle.members
      .filter((member) => member.role === 'funder')
      .map((member) => programme.bundle.organizations.find((organization) => organization.ref === member.org)?.name ?? member.org);
    const donors = [...new Set([...programme.donors, ...funders])];
    const amount = budgetTotal(programme.bundle);
    for (const donor of donors) {
      const entry = entries.get(donor) ?? { programmes: 0, amount: 0 };
      entry.programmes += 1;
      entry.amount += amount / donors.length;
      entries.set(donor, entry);
    }
  }
  return dependence(entries);
}

/** Each partner's part of the portfolio: the budget it manages across programmes (funders and the organization itself left out). */
export function partnerDependence(programmes: readonly PortfolioProgramme[]): Dependence {
  const entries = new Map<string, { programmes: number; amount: number }>();
  for (const programme of programmes) {
    const { bundle } = programme;
    for (const member of bundle.members) {
      if (member.role === 'funder' || member.org === programme.selfRef) continue;
      const name = bundle.organizations.find((organization) => organization.ref === member.org)?.name ?? member.org;
      const entry = entries.get(name) ?? { programmes: 0, amount: 0 };
      entry.programmes += 1;
      entry.amount += bundle.budget.filter((line) => line.org === member.org).reduce((sum, line) => sum + line.amount, 0);
      entries.set(name, entry);
    }
  }
  return dependence(entries);
}

/**
 * The value of one indicator over a set of programmes, in percent (null when there is no data):
 * - local-budget-share: budget managed by local and national actors / whole budget;
 * - local-decision-share: decisions in which a local or national actor co-decided or decided (involvement 3 or 4) / all decisions;
 * - single-donor-dependence: the largest donor's share of the portfolio;
 * - genuine-share: programmes whose verdict is genuine / programmes;
 * - manual: the value the organization reported.
 */
export function indicatorValue(kind: IndicatorKind, programmes: readonly PortfolioProgramme[], manualValue: number | null): number | null {
  const percent = (part: number, whole: number) => (whole > 0 ? round((100 * part) / whole, 2) : null);
  switch (kind) {
    case 'manual':
      return manualValue;
    case 'genuine-share':
      return percent(programmes.filter((programme) => programme.profile.verdict === 'genuine').length, programmes.length);
    case 'single-donor-dependence': {
      const largest = donorDependence(programmes).largestShare;
      return largest === null ? null : round(100 * largest, 2);
    }
    case 'local-budget-share': {
      let local = 0;
      let total = 0;
      for (const { bundle } of programmes) {
        for (const line of bundle.budget) {
          total += line.amount;
          const organization = bundle.organizations.find((candidate) => candidate.ref === line.org);
          if (organization && isLocalActor(organization, bundle.programme.countries)) local += line.amount;
        }
      }
      return percent(local, total);
    }
    case 'local-decision-share': {
      let local = 0;
      let total = 0;
      for (const { bundle } of programmes) {
        for (const decision of bundle.decisions) {
          total += 1;
          const localDecides = Object.entries(decision.involvement).some(([ref, level]) => {
            const organization = bundle.organizations.find((candidate) => candidate.ref === ref);
            return level >= 3 && organization !== undefined && isLocalActor(organization, bundle.programme.countries);
          });
          if (localDecides) local += 1;
        }
      }
      return percent(local, total);
    }
  }
}

/** Where each goal stands: over the programmes linked to it, or the whole portfolio when none is linked. */
export function goalStatuses(goals: readonly GoalInput[], programmes: readonly PortfolioProgramme[]): GoalStatus[] {
  return goals.map((goal) => {
    const linked = programmes.filter((programme) => programme.goalIds.includes(goal.id));
    const basis = linked.length > 0 ? ('linked' as const) : ('portfolio' as const);
    const set = basis === 'linked' ? linked : programmes;
    const value = indicatorValue(goal.indicatorKind, set, goal.manualValue);
    const status = value === null ? 'unknown' : (goal.direction === 'at-least' ? value >= goal.target : value <= goal.target) ? 'on-track' : 'off-track';
    return { id: goal.id, title: goal.title, indicatorKind: goal.indicatorKind, direction: goal.direction, target: goal.target, value, status, basis, programmes: set.length };
  });
}

export type PortfolioFigures = {
  programmes: Array<{ id: string; ref: string; title: string; status: ProgrammeStatus; verdict: Verdict; confidence: number; goalIds: string[] }>;
  byCountry: Array<{ key: string; programmes: number }>;
  bySector: Array<{ key: string; programmes: number }>;
  byStatus: Array<{ key: string; programmes: number }>;
  byGoal: Array<{ key: string; programmes: number }>;
  donors: Dependence;
  partners: Dependence;
  authenticity: PortfolioSummary;
  goals: GoalStatus[];
};

/** Every figure of the portfolio page, from the programmes and the strategy's goals (pure). */
export function computePortfolioFigures(programmes: readonly PortfolioProgramme[], goals: readonly GoalInput[]): PortfolioFigures {
  return {
    programmes: programmes.map((programme) => ({
      id: programme.id,
      ref: programme.ref,
      title: programme.title,
      status: programme.status,
      verdict: programme.profile.verdict,
      confidence: programme.profile.confidence,
      goalIds: programme.goalIds,
    })),
    byCountry: counts(programmes, (programme) => programme.countries),
    bySector: counts(programmes, (programme) => programme.sectors),
    byStatus: counts(programmes, (programme) => [programme.status]),
    byGoal: counts(programmes, (programme) => programme.goalIds),
    donors: donorDependence(programmes),
    partners: partnerDependence(programmes),
    authenticity: computePortfolio(programmes.map((programme) => ({ programme: programme.ref, title: programme.title, profile: programme.profile }))),
    goals: goalStatuses(goals, programmes),
  };
}
