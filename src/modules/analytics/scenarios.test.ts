import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateBundle } from '../bundle/validate-bundle.js';
import { computeAuthenticity } from './compute-authenticity.js';

const folder = fileURLToPath(new URL('../../../test/scenarios/', import.meta.url));

// Each scenario's expectation was written, with its reasoning, before the analysis was tuned.
const expectationSchema = z.object({
  verdict: z.enum(['genuine', 'developing', 'nominal']),
  flags: z.array(z.string()),
  forbiddenFlags: z.array(z.string()).optional(),
  maxConfidence: z.number().optional(),
  minConfidence: z.number().optional(),
  reasoning: z.string().min(80),
});

const names = readdirSync(folder)
  .filter((file) => file.endsWith('.json') && !file.endsWith('.expected.json'))
  .map((file) => file.replace(/\.json$/, ''))
  .sort();

describe('authenticity scenarios', () => {
  it('has at least twelve scenarios, each with an expectation', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  it.each(names)('%s', (name) => {
    const validation = validateBundle(JSON.parse(readFileSync(`${folder}${name}.json`, 'utf8')));
    if (!validation.ok) throw new Error(`scenario does not fit the format: ${JSON.stringify(validation.errors)}`);
    expect(validation.warnings).toEqual([]);
    const expected = expectationSchema.parse(JSON.parse(readFileSync(`${folder}${name}.expected.json`, 'utf8')));
    const profile = computeAuthenticity(validation.bundle);
    const raised = profile.flags.map((entry) => entry.key);
    const summary = `${name}: ${profile.verdict} (${profile.confidence}) ${JSON.stringify(
      profile.dimensions.map((dimension) => [dimension.key, dimension.score]),
    )} flags ${raised.join(', ')}`;

    expect(profile.verdict, summary).toBe(expected.verdict);
    for (const key of expected.flags) expect(raised, summary).toContain(key);
    for (const key of expected.forbiddenFlags ?? []) expect(raised, summary).not.toContain(key);
    if (expected.maxConfidence !== undefined) expect(profile.confidence).toBeLessThanOrEqual(expected.maxConfidence);
    if (expected.minConfidence !== undefined) expect(profile.confidence).toBeGreaterThanOrEqual(expected.minConfidence);
    if (expected.verdict === 'genuine') expect(profile.flags.filter((entry) => entry.severity === 'severe')).toEqual([]);
  });
});
