import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TemplateDefinition } from '../../db/schema/index.js';
import { checkTemplateDefinition } from './template-definition.js';

/** The repository's content/ folder, found from this file so that it works from any working directory. */
const contentFolder = new URL('../../../content/', import.meta.url);

/** Reads and validates a JSON file of content/; a broken file stops the server at start, naming the field. */
export function readContentFile<T>(relativePath: string, schema: z.ZodType<T>): T {
  const file = fileURLToPath(new URL(relativePath, contentFolder));
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  /${issue.path.join('/')}: ${issue.message}`);
    throw new Error(`Invalid content file ${file}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Both interface languages are required in shipped content. */
export const bilingual = z.object({ en: z.string().min(1), fr: z.string().min(1) });

const contentTemplate = z.object({
  key: z.string().min(1),
  version: z.number().int().positive(),
  title: bilingual,
  description: bilingual,
  scale: z.object({
    min: z.number().int(),
    max: z.number().int(),
    labels: z.object({ en: z.array(z.string().min(1)), fr: z.array(z.string().min(1)) }),
  }),
  groups: z
    .array(
      z.object({
        key: z.string().min(1),
        title: bilingual,
        criteria: z.array(z.object({ key: z.string().min(1), title: bilingual, guidance: bilingual, weight: z.number().positive() })).min(1),
      }),
    )
    .min(1),
});

function loadDefaultTemplate(): { key: string; version: number; definition: TemplateDefinition } {
  const content = readContentFile('appraisal/default-template.json', contentTemplate);
  const definition: TemplateDefinition = { title: content.title, description: content.description, scale: content.scale, groups: content.groups };
  const problems = checkTemplateDefinition(definition);
  if (problems.length > 0) {
    throw new Error(`Invalid content file appraisal/default-template.json:\n${problems.map((problem) => `  ${problem.pointer}: ${problem.message}`).join('\n')}`);
  }
  return { key: content.key, version: content.version, definition };
}

/** The built-in default appraisal template, read-only, available to every organization. */
export const defaultTemplate = loadDefaultTemplate();

/** The id the API gives the built-in template. */
export const DEFAULT_TEMPLATE_ID = 'default';
