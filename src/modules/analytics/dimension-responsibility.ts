import type { AnalysisContext } from './context.js';
import { byText, clamp01, emptyDimension, fallingBetween, flag, metric, scoreFrom } from './scoring.js';
import type { DimensionResult, Flag } from './types.js';

/** Shared responsibility: who is Accountable for tasks, and which partners only ever execute. */
export function scoreResponsibility(context: AnalysisContext): DimensionResult {
  const { bundle, leads, partners, thresholds } = context;
  const settings = thresholds.responsibility;
  const tasks = bundle.tasks.filter((task) => task.raci !== undefined && Object.keys(task.raci).length > 0);
  if (tasks.length === 0) return emptyDimension('responsibility', 'No task with a RACI assignment.');

  const accountable = new Map<string, number>();
  const responsible = new Map<string, number>();
  let leadAccountable = 0;
  for (const task of tasks) {
    for (const [organization, letter] of Object.entries(task.raci ?? {})) {
      if (letter === 'A') {
        accountable.set(organization, (accountable.get(organization) ?? 0) + 1);
        if (leads.has(organization)) leadAccountable += 1;
      }
      if (letter === 'R') responsible.set(organization, (responsible.get(organization) ?? 0) + 1);
    }
  }
  const working = [...partners].filter((partner) => accountable.has(partner) || responsible.has(partner));
  const accountablePartners = working.filter((partner) => accountable.has(partner));
  const executeOnly = working.filter((partner) => !accountable.has(partner)).sort(byText);
  const leadAccountableShare = leads.size > 0 ? leadAccountable / tasks.length : null;
  // Partners absent from the plan share no responsibility either, so they count as 0 here.
  const partnerAccountability = partners.size > 0 ? (working.length > 0 ? accountablePartners.length / working.length : 0) : null;

  const score = scoreFrom([
    {
      value:
        leadAccountableShare === null
          ? null
          : fallingBetween(leadAccountableShare, settings.leadAccountableFair, settings.leadAccountableDominant),
      weight: 0.5,
    },
    { value: partnerAccountability, weight: 0.5 },
  ]);

  const metrics = [
    metric('tasks', tasks.length, 'Tasks with a RACI assignment.'),
    metric('lead-accountable-share', leadAccountableShare, 'Share of tasks for which the lead is the Accountable organization.'),
    metric('partners-accountable-share', partnerAccountability, 'Share of partners with work in the plan who are Accountable for at least one task.'),
    metric('execute-only-partners', executeOnly.length, 'Partners who are Responsible for tasks but never Accountable for any.'),
    metric('partners-without-tasks', partners.size - working.length, 'Partners with no Responsible or Accountable role in the plan.'),
  ];

  const flags: Flag[] = [];
  if (executeOnly.length > 0) {
    const all = executeOnly.length === working.length;
    flags.push(
      flag(
        'execute-only-partners',
        all ? 'warning' : 'info',
        `${executeOnly.length} partner(s) only ever execute tasks and are Accountable for none.`,
        `${executeOnly.length} partenaire(s) ne font qu'exécuter des tâches sans en porter la responsabilité d'aucune.`,
        {
          partners: executeOnly.map((partner) => ({ org: partner, responsibleFor: responsible.get(partner) ?? 0, accountableFor: 0 })),
          leadAccountableShare,
        },
      ),
    );
  }
  return {
    dimension: { key: 'responsibility', score, metrics },
    flags,
    coverage: clamp01(tasks.length / thresholds.evidence.tasks),
  };
}
