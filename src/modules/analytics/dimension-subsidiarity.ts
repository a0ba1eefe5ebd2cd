import type { BundleDecision } from '../bundle/schema.js';
import type { AnalysisContext } from './context.js';
import { byText, clamp01, emptyDimension, flag, metric, round, scoreFrom } from './scoring.js';
import type { DimensionResult } from './types.js';

const CO_DECIDES = 3;
const MAX_EXAMPLES = 10;

/** Localities are free text: compare them without case or surrounding spaces. */
function localityKey(locality: string): string {
  return locality.trim().toLowerCase();
}

/** Subsidiarity: in local decisions, did the members working in that locality co-decide or decide? */
export function scoreSubsidiarity(context: AnalysisContext): DimensionResult {
  const { bundle, actorSet, thresholds } = context;
  const settings = thresholds.subsidiarity;
  // Who works in a locality: the members Responsible for its tasks, or the Accountable one when a
  // task names no one else as Responsible (RACI lets the Accountable do the work itself). An
  // Accountable lead that hands the work to a partner does not count as working there.
  const workers = new Map<string, Set<string>>();
  for (const task of bundle.tasks) {
    if (task.locality === undefined || task.raci === undefined) continue;
    const entries = Object.entries(task.raci).filter(([organization]) => actorSet.has(organization));
    const responsible = entries.filter(([, letter]) => letter === 'R');
    const doers = responsible.length > 0 ? responsible : entries.filter(([, letter]) => letter === 'A');
    const key = localityKey(task.locality);
    const set = workers.get(key) ?? new Set<string>();
    for (const [organization] of doers) set.add(organization);
    workers.set(key, set);
  }

  const local = bundle.decisions.filter((decision) => decision.scope === 'local' && decision.locality !== undefined);
  // With decisions recorded but none of them local, subsidiarity does not apply (no lost confidence);
  // with no decisions at all, the evidence is missing.
  const notApplicable = bundle.decisions.length > 0 && local.length === 0 ? null : 0;
  if (local.length === 0) return emptyDimension('subsidiarity', 'No local decision with a locality.', notApplicable);

  const sortedWorkers = new Map([...workers].map(([key, set]) => [key, [...set].sort(byText)]));
  const farAway: BundleDecision[] = [];
  let attributed = 0;
  let subsidiary = 0;
  for (const decision of local) {
    const there = sortedWorkers.get(localityKey(decision.locality ?? ''));
    if (there === undefined || there.length === 0) continue;
    attributed += 1;
    if (there.some((org) => (decision.involvement[org] ?? 0) >= CO_DECIDES)) subsidiary += 1;
    else farAway.push(decision);
  }
  // Evidence names the first decisions (by date) in full; the count says how many there are.
  const examples = farAway
    .sort((a, b) => byText(a.date, b.date) || byText(a.title, b.title))
    .slice(0, MAX_EXAMPLES)
    .map((decision) => ({
      date: decision.date,
      title: decision.title,
      locality: decision.locality,
      workingThere: (sortedWorkers.get(localityKey(decision.locality ?? '')) ?? []).map((org) => ({ org, involvement: decision.involvement[org] ?? 0 })),
    }));
  const share = attributed > 0 ? subsidiary / attributed : null;
  const metrics = [
    metric('local-decisions', local.length, 'Decisions recorded as local, with a locality.'),
    metric('attributed-local-decisions', attributed, 'Local decisions whose locality has tasks with a member doing the work there.'),
    metric('subsidiary-share', share, 'Share of those decisions in which a member working in the locality co-decided or decided.'),
  ];
  const score = scoreFrom([{ value: share, weight: 1 }]);
  const flags =
    share !== null && attributed >= settings.minLocalDecisions && share < settings.farFromLocalityBelow
      ? [
          flag(
            'decisions-far-from-locality',
            'severe',
            `${farAway.length} of ${attributed} local decisions were taken without the members working in that locality.`,
            `${farAway.length} décisions locales sur ${attributed} ont été prises sans les membres qui travaillent dans la localité.`,
            {
              subsidiaryShare: round(share, 3),
              decisionsFarAway: farAway.length,
              decisions: examples,
            },
          ),
        ]
      : [];
  return {
    dimension: { key: 'subsidiarity', score, metrics },
    flags,
    coverage: attributed === 0 ? 0 : clamp01(attributed / thresholds.evidence.localDecisions),
  };
}
