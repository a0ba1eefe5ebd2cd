import { describe, expect, it } from 'vitest';
import en from './appraisal.en.json';
import fr from './appraisal.fr.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}
const valueAt = (tree: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('appraisal translations', () => {
  it('have the same keys and placeholders in English and French, none empty', () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
    for (const key of keysOf(en)) {
      expect(placeholders(valueAt(fr, key) as string), key).toEqual(placeholders(valueAt(en, key) as string));
      expect((valueAt(fr, key) as string).trim(), key).not.toBe('');
    }
  });
});
