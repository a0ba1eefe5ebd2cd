import type { AnalysisContext } from './context.js';
import { byText, clamp01, emptyDimension, fallingBetween, flag, metric, round, scoreFrom } from './scoring.js';
import type { DimensionResult, Flag } from './types.js';

/** Herfindahl–Hirschman index of shares (sum of squares): 1/n when equal, 1 when one holds all. */
export function herfindahl(shares: readonly number[]): number {
  let total = 0;
  // Sorted, so that the order of members cannot change the last bit of the sum.
  for (const share of Float64Array.from(shares).sort()) total += share * share;
  return total;
}

/** Gini coefficient of non-negative values: 0 when equal, (n-1)/n when one holds everything. */
export function gini(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let sum = 0;
  let ranked = 0;
  sorted.forEach((value, index) => {
    sum += value;
    ranked += (index + 1) * value;
  });
  if (n === 0 || sum === 0) return 0;
  return (2 * ranked) / (n * sum) - (n + 1) / n;
}

/** Shared resources: how the budget is split between the lead, the partners and local actors. */
export function scoreResources(context: AnalysisContext): DimensionResult {
  const { bundle, actors, actorSet, leads, partners, localActors, thresholds } = context;
  const settings = thresholds.resources;
  const amountByActor = new Map<string, number>(actors.map((actor) => [actor, 0]));
  const indirectByActor = new Map<string, number>();
  let total = 0;
  let ownContribution = 0;
  let indirectRecorded = false;
  for (const line of bundle.budget) {
    total += line.amount;
    if (line.ownContribution === true) ownContribution += line.amount;
    else if (typeof line.ownContribution === 'number') ownContribution += line.ownContribution;
    if (!actorSet.has(line.org)) continue;
    amountByActor.set(line.org, (amountByActor.get(line.org) ?? 0) + line.amount);
    if (line.indirectCosts !== undefined) {
      indirectRecorded = true;
      indirectByActor.set(line.org, (indirectByActor.get(line.org) ?? 0) + line.indirectCosts);
    }
  }
  let actorTotal = 0;
  for (const amount of amountByActor.values()) actorTotal += amount;
  if (actorTotal <= 0) return emptyDimension('resources', 'No budget line held by a member of the partnership.');

  const shareOf = (actor: string): number => (amountByActor.get(actor) ?? 0) / actorTotal;
  const shares = actors.map(shareOf);
  // Amounts are summed before dividing, so the order of members never changes a share.
  const sumShares = (members: Iterable<string>): number => {
    let sum = 0;
    for (const member of members) sum += amountByActor.get(member) ?? 0;
    return sum / actorTotal;
  };
  const n = actors.length;
  const hhi = herfindahl(shares);
  const normalizedHhi = n > 1 ? (hhi - 1 / n) / (1 - 1 / n) : 1;
  const leadShare = leads.size > 0 ? sumShares(leads) : null;
  const internationalLeads = [...leads].filter((lead) => !localActors.has(lead));
  const internationalLeadShare = leads.size > 0 ? sumShares(internationalLeads) : null;
  const localShare = sumShares(localActors);
  const meaningfulPartners = [...partners].filter((partner) => shareOf(partner) >= settings.partnerMeaningfulShare);
  const partnerSpread = partners.size > 0 ? meaningfulPartners.length / partners.size : null;

  const fair = Math.max(settings.leadShareFair, 1 / Math.max(n, 1));
  const dominant = Math.max(settings.leadShareDominant, fair + 0.05);
  const leadComponent = internationalLeadShare === null ? null : fallingBetween(internationalLeadShare, fair, dominant);

  let indirectPassedOn: number | null = null;
  let indirectTotal = 0;
  for (const amount of indirectByActor.values()) indirectTotal += amount;
  const partnerBudgetShare = sumShares(partners);
  if (indirectRecorded && indirectTotal > 0 && partnerBudgetShare > 0 && leads.size > 0) {
    let partnerIndirect = 0;
    for (const partner of partners) partnerIndirect += indirectByActor.get(partner) ?? 0;
    indirectPassedOn = partnerIndirect / indirectTotal / partnerBudgetShare;
  }

  const score = scoreFrom([
    { value: leadComponent, weight: 0.4 },
    { value: clamp01(localShare / settings.localShareTarget), weight: 0.35 },
    { value: partnerSpread, weight: 0.25 },
  ]);

  const metrics = [
    metric('lead-share', leadShare, 'Share of the partnership budget held by the lead (international leads count against the score).'),
    metric('herfindahl', hhi, 'Herfindahl–Hirschman index of budget shares: 1/n when equal, 1 when one member holds all.'),
    metric('herfindahl-normalized', normalizedHhi, 'Herfindahl index rescaled to 0 (equal split) .. 1 (one member holds all).'),
    metric('gini', gini(shares), 'Gini coefficient of budget shares across all partnership members, zero budgets included.'),
    metric('local-share', localShare, 'Share of the partnership budget managed by local and national actors (Grand Bargain target 25%).'),
    metric('partner-spread', partnerSpread, `Share of partners holding at least ${settings.partnerMeaningfulShare * 100}% of the budget.`),
    metric('own-contribution-share', total > 0 ? ownContribution / total : null, 'Share of the whole budget contributed by members themselves.'),
    metric('indirect-costs-passed-on', indirectPassedOn, "Partners' share of indirect costs divided by their share of the budget (1 = passed on in proportion)."),
    metric('members', n, 'Partnership members counted (leads, partners, affiliated entities, associates).'),
  ];

  const flags: Flag[] = [];
  if (indirectPassedOn !== null && indirectPassedOn < 0.5) {
    flags.push(
      flag(
        'indirect-costs-retained',
        'warning',
        'The lead keeps most of the indirect costs: partners receive less than half of their fair share of overheads.',
        "Le chef de file garde l'essentiel des coûts indirects : les partenaires en reçoivent moins de la moitié de leur juste part.",
        { indirectPassedOn: round(indirectPassedOn, 3), partnerBudgetShare: round(partnerBudgetShare, 3) },
      ),
    );
  }
  if (localActors.size === 0) {
    flags.push(
      flag(
        'no-local-actors',
        'info',
        'No member is recorded as a local or national actor, so no budget reaches local actors.',
        "Aucun membre n'est enregistré comme acteur local ou national : aucune part du budget ne leur parvient.",
        { members: [...actors].sort(byText) },
      ),
    );
  }
  const coverage = clamp01(bundle.budget.length / thresholds.evidence.budgetLines);
  return { dimension: { key: 'resources', score, metrics }, flags, coverage };
}

