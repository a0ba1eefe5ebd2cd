import { z } from 'zod';
import { indicatorKinds, programmeStatuses, targetDirections } from '../../db/schema/index.js';

const isoDate = z.iso.date();
const percent = z.number().min(0).max(100);

export const idParams = z.object({ id: z.uuid() });

export const saveStrategyBody = z.strictObject({
  title: z.string().trim().min(1).max(300),
  summary: z.string().max(10_000).nullable().optional(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  shared: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
});

const goalFields = {
  title: z.string().trim().min(1).max(300),
  description: z.string().max(5_000).nullable().optional(),
  indicatorKind: z.enum(indicatorKinds),
  direction: z.enum(targetDirections).default('at-least'),
  /** In percent. */
  target: percent,
  manualValue: percent.nullable().optional(),
  position: z.number().int().min(0).max(1_000).optional(),
};

export const addGoalBody = z.strictObject(goalFields);
export const updateGoalBody = z.strictObject({
  version: z.number().int().min(1),
  title: goalFields.title.optional(),
  description: goalFields.description,
  indicatorKind: goalFields.indicatorKind.optional(),
  direction: z.enum(targetDirections).optional(),
  target: percent.optional(),
  manualValue: goalFields.manualValue,
  position: goalFields.position,
});
export const goalProgrammesBody = z.strictObject({ programmeIds: z.array(z.uuid()).max(500) });

const goalStatus = z.object({
  value: z.number().nullable(),
  status: z.enum(['on-track', 'off-track', 'unknown']),
  basis: z.enum(['linked', 'portfolio']),
  programmes: z.number().int(),
});

export const goalDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  indicatorKind: z.enum(indicatorKinds),
  direction: z.enum(targetDirections),
  target: z.number(),
  manualValue: z.number().nullable(),
  position: z.number().int(),
  version: z.number().int(),
  programmes: z.array(z.object({ id: z.uuid(), ref: z.string(), title: z.string() })),
  /** Computed for the organization itself only (other organizations' programmes may be out of the reader's sight). */
  indicator: goalStatus.nullable(),
});

export const strategyDetail = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  title: z.string(),
  summary: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  shared: z.boolean(),
  version: z.number().int(),
  canEdit: z.boolean(),
  goals: z.array(goalDetail),
});

export const ownStrategyResponse = z.object({ strategy: strategyDetail.nullable(), canEdit: z.boolean() });

const dependence = z.object({
  basis: z.enum(['amount', 'programmes']),
  items: z.array(z.object({ name: z.string(), programmes: z.number().int(), amount: z.number(), share: z.number() })),
  herfindahl: z.number().nullable(),
  largestShare: z.number().nullable(),
});
const keyCount = z.array(z.object({ key: z.string(), programmes: z.number().int() }));
const verdict = z.enum(['genuine', 'developing', 'nominal']);

export const portfolioResponse = z.object({
  programmes: z.array(z.object({ id: z.uuid(), ref: z.string(), title: z.string(), status: z.enum(programmeStatuses), verdict, confidence: z.number(), goalIds: z.array(z.uuid()) })),
  byCountry: keyCount,
  bySector: keyCount,
  byStatus: keyCount,
  byGoal: keyCount,
  donors: dependence,
  partners: dependence,
  authenticity: z.object({
    programmes: z.number().int(),
    verdicts: z.object({ genuine: z.number().int(), developing: z.number().int(), nominal: z.number().int() }),
    meanConfidence: z.number().nullable(),
    weakestDimension: z.string().nullable(),
    dimensions: z.array(z.object({ key: z.string(), mean: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(), measured: z.number().int() })),
    flags: z.array(z.object({ key: z.string(), severity: z.string(), programmes: z.array(z.string()) })),
  }),
  goals: z.array(goalStatus.extend({ id: z.uuid(), title: z.string(), indicatorKind: z.enum(indicatorKinds), direction: z.enum(targetDirections), target: z.number() })),
});
