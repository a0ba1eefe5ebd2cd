import { z } from 'zod';
import { instrumentKinds, type InstrumentDefinition } from '../../db/schema/index.js';

const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, { message: 'use lower-case letters, digits and hyphens (at most 60)' });
const text = (max: number) => z.string().trim().min(1).max(max);
const bilingual = (max: number) => z.strictObject({ en: text(max), fr: text(max) });

const scale = z.strictObject({
  values: z.array(z.number().int().min(-100).max(100)).min(2).max(11),
  labels: z.strictObject({ en: z.array(text(120)).min(2).max(11), fr: z.array(text(120)).min(2).max(11) }),
});

const item = z.strictObject({
  key,
  dimension: key,
  scale: key,
  reverse: z.boolean().default(false),
  text: bilingual(1_000),
});

/** An instrument as an organization enters it, or as content/instruments/*.json holds it (without the content metadata). */
export const instrumentDefinitionSchema = z
  .strictObject({
    title: bilingual(200),
    description: bilingual(4_000),
    frameworks: z.array(text(1_000)).max(20).default([]),
    kind: z.enum(instrumentKinds).default('custom'),
    perTarget: z.boolean().default(false),
    scales: z.record(key, scale).refine((scales) => Object.keys(scales).length >= 1 && Object.keys(scales).length <= 20, {
      message: 'give from 1 to 20 scales',
    }),
    items: z.array(item).min(1).max(120),
    comments: z.strictObject({ enabled: z.boolean(), prompt: bilingual(1_000) }),
  })
  .superRefine((definition, context) => {
    for (const [name, entry] of Object.entries(definition.scales)) {
      if (new Set(entry.values).size !== entry.values.length) context.addIssue({ code: 'custom', path: ['scales', name, 'values'], message: 'values must be different' });
      for (const language of ['en', 'fr'] as const) {
        if (entry.labels[language].length !== entry.values.length) {
          context.addIssue({ code: 'custom', path: ['scales', name, 'labels', language], message: 'give one label per value' });
        }
      }
    }
    const seen = new Set<string>();
    definition.items.forEach((entry, index) => {
      if (seen.has(entry.key)) context.addIssue({ code: 'custom', path: ['items', index, 'key'], message: `the key '${entry.key}' is used twice` });
      seen.add(entry.key);
      if (!(entry.scale in definition.scales)) context.addIssue({ code: 'custom', path: ['items', index, 'scale'], message: `no scale named '${entry.scale}'` });
    });
  });

export type InstrumentDefinitionInput = z.input<typeof instrumentDefinitionSchema>;

/** Checks the type-level promise: the parsed schema gives exactly what the database stores. */
export function toDefinition(parsed: z.output<typeof instrumentDefinitionSchema>): InstrumentDefinition {
  return parsed;
}

/** The lowest and highest values of a scale, which reverse scoring mirrors around. */
export function scaleRange(definition: InstrumentDefinition, scaleName: string): { min: number; max: number } {
  const values = definition.scales[scaleName]?.values ?? [];
  return { min: Math.min(...values), max: Math.max(...values) };
}
