import { z } from 'zod';
import { programmeBundleSchema } from './schema.js';

/** The published JSON Schema (draft 2020-12) of the programme bundle, describing what a writer must send. */
export function buildBundleJsonSchema(): Record<string, unknown> {
  // io 'input': defaults make fields optional for writers, which is what a published schema should say.
  const schema = z.toJSONSchema(programmeBundleSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, $id: 'programme-bundle.schema.json' };
}

/** The JSON Schema as the text committed to `schemas/programme-bundle.schema.json`. */
export function renderBundleJsonSchema(): string {
  return JSON.stringify(buildBundleJsonSchema(), null, 2) + '\n';
}
