import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderBundleJsonSchema } from './json-schema.js';

const committed = fileURLToPath(new URL('../../../schemas/programme-bundle.schema.json', import.meta.url));

describe('published bundle JSON Schema', () => {
  it('matches the committed file (run `npx tsx scripts/write-bundle-schema.ts` after changing the schema)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(renderBundleJsonSchema());
  });

  it('lets writers omit the lists that default to empty', () => {
    const schema = JSON.parse(renderBundleJsonSchema()) as { required: string[] };
    expect(schema.required.sort()).toEqual(['format', 'organizations', 'programme']);
  });
});
