import { z } from 'zod';
import type { TemplateDefinition } from '../../db/schema/index.js';
import type { ErrorDetail } from '../../lib/errors.js';

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Text in English and/or French; at least one of them. */
export function localizedText(maxLength: number) {
  return z
    .strictObject({ en: z.string().trim().max(maxLength).optional(), fr: z.string().trim().max(maxLength).optional() })
    .refine((value) => Boolean(value.en) || Boolean(value.fr), 'needs a text in English or French');
}

const key = z.string().regex(KEY_PATTERN, 'must be lowercase letters, digits and dashes (at most 64)');

/** Weights are positive, at most 100, with at most two decimals. */
const weight = z
  .number()
  .positive()
  .max(100)
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9, 'must have at most two decimals');

const labels = z.array(z.string().trim().min(1).max(200)).max(11);

export const templateScale = z.strictObject({
  min: z.number().int().min(0).max(10),
  max: z.number().int().min(1).max(10),
  labels: z.strictObject({ en: labels.optional(), fr: labels.optional() }).optional(),
});

export const templateCriterion = z.strictObject({
  key,
  title: localizedText(300),
  guidance: localizedText(4000).optional(),
  weight,
});

export const templateGroup = z.strictObject({
  key,
  title: localizedText(300),
  criteria: z.array(templateCriterion).min(1).max(40),
});

/** A template's scoring definition as the API accepts it; checkTemplateDefinition adds the rules across fields. */
export const templateDefinition = z.strictObject({
  title: localizedText(300),
  description: localizedText(4000).optional(),
  scale: templateScale,
  groups: z.array(templateGroup).min(1).max(30),
});

/** Sum of the criteria weights, exact to two decimals. */
export function totalWeight(definition: Pick<TemplateDefinition, 'groups'>): number {
  const hundredths = definition.groups.flatMap((group) => group.criteria).reduce((sum, criterion) => sum + Math.round(criterion.weight * 100), 0);
  return hundredths / 100;
}

/**
 * The rules a single field cannot check: weights add up to 100, keys are unique, the scale runs
 * upwards and has one label per point. Each problem names its field by JSON pointer.
 */
export function checkTemplateDefinition(definition: TemplateDefinition, prefix = ''): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const { scale } = definition;
  if (scale.max <= scale.min) problems.push({ pointer: `${prefix}/scale/max`, message: `must be greater than the minimum (${scale.min})`, value: scale.max });
  const points = scale.max - scale.min + 1;
  for (const language of ['en', 'fr'] as const) {
    const list = scale.labels?.[language];
    if (list && list.length !== points) {
      problems.push({ pointer: `${prefix}/scale/labels/${language}`, message: `must have one label per point of the scale (${points}), not ${list.length}` });
    }
  }
  const groupKeys = new Set<string>();
  const criterionKeys = new Set<string>();
  definition.groups.forEach((group, groupIndex) => {
    if (groupKeys.has(group.key)) problems.push({ pointer: `${prefix}/groups/${groupIndex}/key`, message: `repeats the group key "${group.key}"`, value: group.key });
    groupKeys.add(group.key);
    group.criteria.forEach((criterion, criterionIndex) => {
      if (criterionKeys.has(criterion.key)) {
        problems.push({ pointer: `${prefix}/groups/${groupIndex}/criteria/${criterionIndex}/key`, message: `repeats the criterion key "${criterion.key}"`, value: criterion.key });
      }
      criterionKeys.add(criterion.key);
    });
  });
  const sum = totalWeight(definition);
  if (sum !== 100) {
    problems.push({ pointer: `${prefix}/groups`, message: `the criteria weights add up to ${sum}; they must add up to exactly 100`, value: sum });
  }
  return problems;
}
