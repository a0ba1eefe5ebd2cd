import { describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '../../db/schema/index.js';
import { defaultTemplate } from './content.js';
import { checkTemplateDefinition, templateDefinition, totalWeight } from './template-definition.js';

const definition = (weights: number[][]): TemplateDefinition => ({
  title: { en: 'T' },
  scale: { min: 0, max: 4 },
  groups: weights.map((group, groupIndex) => ({
    key: `g${groupIndex}`,
    title: { en: `G${groupIndex}` },
    criteria: group.map((weight, index) => ({ key: `g${groupIndex}-c${index}`, title: { en: 'C' }, weight })),
  })),
});

describe('template weights', () => {
  it('accepts weights that add up to exactly 100, decimals included', () => {
    expect(checkTemplateDefinition(definition([[33.33, 33.33], [33.34]]))).toEqual([]);
    expect(totalWeight(definition([[0.1, 0.2], [99.7]]))).toBe(100);
  });

  it('refuses weights that do not add up to 100, naming the field and the sum', () => {
    const problems = checkTemplateDefinition(definition([[50, 30], [15]]));
    expect(problems).toEqual([expect.objectContaining({ pointer: '/groups', value: 95 })]);
    expect(problems[0]!.message).toMatch(/weights add up to 95/);
    expect(checkTemplateDefinition(definition([[60, 50]]))[0]).toMatchObject({ pointer: '/groups', value: 110 });
  });

  it('refuses zero, negative, too precise or too large weights on the field itself', () => {
    for (const weight of [0, -5, 12.345, 101]) {
      const parsed = templateDefinition.safeParse({ ...definition([[weight, 100 - weight]]) });
      expect(parsed.success, String(weight)).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual(['groups', 0, 'criteria', 0, 'weight']);
    }
  });

  it('refuses repeated keys, an upside-down scale and label lists of the wrong length', () => {
    const broken = definition([[50], [50]]);
    broken.groups[1]!.key = 'g0';
    broken.groups[1]!.criteria[0]!.key = 'g0-c0';
    broken.scale = { min: 3, max: 3, labels: { en: ['a', 'b'] } };
    const pointers = checkTemplateDefinition(broken).map((problem) => problem.pointer);
    expect(pointers).toEqual(['/scale/max', '/scale/labels/en', '/groups/1/key', '/groups/1/criteria/0/key']);
  });

  it('ships a default template whose weights add up to 100, in English and French', () => {
    expect(totalWeight(defaultTemplate.definition)).toBe(100);
    expect(defaultTemplate.definition.groups).toHaveLength(7);
    for (const criterion of defaultTemplate.definition.groups.flatMap((group) => group.criteria)) {
      expect(criterion.title.en && criterion.title.fr && criterion.guidance?.en && criterion.guidance.fr).toBeTruthy();
    }
  });
});
