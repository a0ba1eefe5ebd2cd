import { z } from 'zod';
import { dimensionKeys, type DimensionKey } from './types.js';

const share = z.number().min(0).max(1);
const positive = z.number().positive();
const score = z.number().min(0).max(100);

// Every group is strict so that a mistyped threshold name is refused rather than silently ignored.
const resourcesSchema = z.strictObject({
  /** Lead share at or below which the lead is not dominant (raised to 1/n for small consortia). */
  leadShareFair: share,
  /** Lead share at or above which the lead component of the score is 0. */
  leadShareDominant: share,
  /** Share held by local and national actors that counts as fully localized (Grand Bargain: 25%). */
  localShareTarget: share.positive(),
  /** A partner holding less than this share of the budget does not count as sharing resources. */
  partnerMeaningfulShare: share,
});

const responsibilitySchema = z.strictObject({
  /** Share of tasks the lead is Accountable for at or below which accountability counts as shared. */
  leadAccountableFair: share,
  /** Share of tasks at or above which the lead holds all the accountability. */
  leadAccountableDominant: share,
});

const powerSchema = z.strictObject({
  /** Mean partner involvement scoring 0 (1 = informed). */
  partnerMeanLow: z.number().min(0).max(4),
  /** Mean partner involvement scoring full marks (3 = co-decides). */
  partnerMeanHigh: z.number().min(0).max(4),
  /** Gap between the lead's and the partners' mean involvement that scores 0. */
  gapMax: positive,
  /** Mean unmet wish for involvement (desired minus actual) that scores 0. */
  unmetDesireMax: positive,
  /** Mean unmet wish for involvement from which a flag is raised. */
  unmetDesireFlag: positive,
  /** Share of decisions taken by the lead with no partner co-deciding from which a flag is raised. */
  leadAloneFlag: share,
  /** Fewer decisions than this are too few to raise the power flags. */
  minDecisions: z.number().int().min(1),
});

const subsidiaritySchema = z.strictObject({
  /** Share of local decisions with the local member co-deciding below which the severe flag is raised. */
  farFromLocalityBelow: share,
  /** Fewer attributable local decisions than this are too few to raise the flag. */
  minLocalDecisions: z.number().int().min(1),
});

const communicationSchema = z.strictObject({
  /** Directed density that scores full marks. */
  densityTarget: share.positive(),
  /** Share of partner pairs in direct contact that scores full marks. */
  partnerTiesTarget: share.positive(),
  /** Freeman degree centralization from which communication counts as hub-and-spoke. */
  hubCentralization: share,
  /** ...provided the share of partner-to-partner ties is below this. */
  hubPartnerTiesBelow: share,
});

const learningSchema = z.strictObject({
  /** Share of lead-partner learning in which the lead is the learner that scores full marks. */
  leadLearnsTarget: share.positive(),
  /** Fewer learning records than this are too few to call learning one-way. */
  oneWayMinRecords: z.number().int().min(1),
});

const perceptionSchema = z.strictObject({
  /** Partners' mean trust in the lead (1..4) at or below which the lead counts as distrusted. */
  distrustAtOrBelow: z.number().min(1).max(4),
  /** How much rosier (on the 1..4 scale) the lead's view may be before a perception gap is flagged. */
  gapFlag: positive,
  /** Absolute gap between views that scores 0. */
  gapMax: positive,
});

const subcontractingSchema = z.strictObject({
  /** Budget share of an international lead from which subcontracting is suspected. */
  budgetShare: share,
  /** Share of tasks the lead is Accountable for from which subcontracting is suspected. */
  accountableShare: share,
  /** Fewer tasks with a RACI than this are too few to call a pattern. */
  minTasks: z.number().int().min(1),
  /** The pattern needs partners to co-decide fewer than this share of decisions (when decisions are recorded). */
  sharedDecisionsBelow: share,
});

const verdictSchema = z.strictObject({
  /** Overall score from which a programme can be genuine. */
  genuineFrom: score,
  /** Overall score below which a programme is nominal. */
  nominalBelow: score,
  /** Confidence a programme needs to be called genuine. */
  genuineMinConfidence: share,
  /** No measured dimension of a genuine partnership may score below this. */
  genuineMinDimension: score,
  /** Below this confidence the data is too thin to call a programme genuine or nominal. */
  verdictMinConfidence: share,
});

const weightsSchema = z.strictObject(
  Object.fromEntries(dimensionKeys.map((key) => [key, z.number().min(0)])) as Record<DimensionKey, z.ZodNumber>,
);

const evidenceSchema = z.strictObject({
  /** Number of records of each kind from which a dimension's evidence counts as complete. */
  budgetLines: z.number().int().min(1),
  tasks: z.number().int().min(1),
  decisions: z.number().int().min(1),
  localDecisions: z.number().int().min(1),
  interactions: z.number().int().min(1),
  meetings: z.number().int().min(1),
  learning: z.number().int().min(1),
  ratings: z.number().int().min(1),
});

const groups = {
  resources: resourcesSchema,
  responsibility: responsibilitySchema,
  power: powerSchema,
  subsidiarity: subsidiaritySchema,
  communication: communicationSchema,
  learning: learningSchema,
  perception: perceptionSchema,
  subcontracting: subcontractingSchema,
  verdict: verdictSchema,
  weights: weightsSchema,
  evidence: evidenceSchema,
};

export const thresholdsSchema = z
  .strictObject(groups)
  .refine((t) => t.resources.leadShareFair < t.resources.leadShareDominant, {
    message: 'leadShareFair must be below leadShareDominant',
    path: ['resources', 'leadShareFair'],
  })
  .refine((t) => t.responsibility.leadAccountableFair < t.responsibility.leadAccountableDominant, {
    message: 'leadAccountableFair must be below leadAccountableDominant',
    path: ['responsibility', 'leadAccountableFair'],
  })
  .refine((t) => t.power.partnerMeanLow < t.power.partnerMeanHigh, {
    message: 'partnerMeanLow must be below partnerMeanHigh',
    path: ['power', 'partnerMeanLow'],
  })
  .refine((t) => t.verdict.nominalBelow <= t.verdict.genuineFrom, {
    message: 'nominalBelow must not exceed genuineFrom',
    path: ['verdict', 'nominalBelow'],
  })
  .refine((t) => Object.values(t.weights).some((weight) => weight > 0), {
    message: 'at least one dimension weight must be positive',
    path: ['weights'],
  });

export type Thresholds = z.output<typeof thresholdsSchema>;

/** A partial override, as an administrator stores it: any group, any field within it. */
export const thresholdOverrideSchema = z.strictObject({
  resources: resourcesSchema.partial().optional(),
  responsibility: responsibilitySchema.partial().optional(),
  power: powerSchema.partial().optional(),
  subsidiarity: subsidiaritySchema.partial().optional(),
  communication: communicationSchema.partial().optional(),
  learning: learningSchema.partial().optional(),
  perception: perceptionSchema.partial().optional(),
  subcontracting: subcontractingSchema.partial().optional(),
  verdict: verdictSchema.partial().optional(),
  weights: weightsSchema.partial().optional(),
  evidence: evidenceSchema.partial().optional(),
});

export type ThresholdOverride = z.input<typeof thresholdOverrideSchema>;

/** The defaults, documented with their reasons in docs/authenticity.md. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  resources: { leadShareFair: 0.4, leadShareDominant: 0.75, localShareTarget: 0.25, partnerMeaningfulShare: 0.05 },
  responsibility: { leadAccountableFair: 0.4, leadAccountableDominant: 0.9 },
  power: {
    partnerMeanLow: 1,
    partnerMeanHigh: 3,
    gapMax: 2.5,
    unmetDesireMax: 2,
    unmetDesireFlag: 1,
    leadAloneFlag: 0.8,
    minDecisions: 3,
  },
  subsidiarity: { farFromLocalityBelow: 0.5, minLocalDecisions: 2 },
  communication: { densityTarget: 0.5, partnerTiesTarget: 0.5, hubCentralization: 0.7, hubPartnerTiesBelow: 0.2 },
  learning: { leadLearnsTarget: 0.4, oneWayMinRecords: 3 },
  perception: { distrustAtOrBelow: 2, gapFlag: 1, gapMax: 2 },
  subcontracting: { budgetShare: 0.6, accountableShare: 0.9, minTasks: 3, sharedDecisionsBelow: 0.5 },
  verdict: { genuineFrom: 70, nominalBelow: 40, genuineMinConfidence: 0.6, genuineMinDimension: 40, verdictMinConfidence: 0.35 },
  weights: {
    resources: 0.15,
    responsibility: 0.1,
    power: 0.2,
    subsidiarity: 0.1,
    communication: 0.15,
    learning: 0.1,
    perception: 0.15,
    agreement: 0.05,
  },
  evidence: { budgetLines: 2, tasks: 5, decisions: 6, localDecisions: 3, interactions: 20, meetings: 4, learning: 4, ratings: 4 },
};

/** Merges an administrator's partial override into the defaults; throws a ZodError naming any bad field. */
export function resolveThresholds(override?: unknown): Thresholds {
  if (override === undefined) return DEFAULT_THRESHOLDS;
  const parsed = thresholdOverrideSchema.parse(override);
  const merged = Object.fromEntries(
    (Object.keys(DEFAULT_THRESHOLDS) as Array<keyof Thresholds>).map((group) => [
      group,
      { ...DEFAULT_THRESHOLDS[group], ...(parsed[group] ?? {}) },
    ]),
  );
  return thresholdsSchema.parse(merged);
}
