import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
}

function valueAt(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
}

describe('translations', () => {
  it('have the same keys in English and French', () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keysOf(en)) {
      const english = valueAt(en, key);
      const french = valueAt(fr, key);
      expect(typeof french, key).toBe('string');
      expect(placeholdersOf(french as string), key).toEqual(placeholdersOf(english as string));
    }
  });

  it('leave no text empty', () => {
    for (const key of keysOf(fr)) expect((valueAt(fr, key) as string).trim(), key).not.toBe('');
  });
});
