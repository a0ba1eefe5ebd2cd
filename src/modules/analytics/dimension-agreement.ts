import type { BundleAgreement } from '../bundle/schema.js';
import type { AnalysisContext } from './context.js';
import { emptyDimension, flag, metric, scoreFrom } from './scoring.js';
import type { DimensionResult, Flag, Metric } from './types.js';

const INGREDIENTS: ReadonlyArray<{ key: keyof BundleAgreement; en: string }> = [
  { key: 'isPartnership', en: 'an explicit statement that this is a partnership' },
  { key: 'sharedObjectives', en: 'shared objectives and agenda' },
  { key: 'expectationsBothWays', en: 'contributions and expectations stated both ways' },
  { key: 'transparency', en: 'transparency of processes, finances and accountability' },
  { key: 'mutualLearning', en: 'a commitment to learn from each other' },
];

/** An ingredient is present when it is `true` or a clause with some text. */
function present(value: boolean | string): boolean {
  return value === true || (typeof value === 'string' && value.trim().length > 0);
}

/** Agreement: which essential ingredients the agreement holds, and whether the budget is open to all members. */
export function scoreAgreement(context: AnalysisContext): DimensionResult {
  const { bundle } = context;
  const transparent = bundle.programme.budgetTransparent;
  const flags: Flag[] = [];
  if (!transparent) {
    flags.push(
      flag(
        'budget-not-transparent',
        'warning',
        'The budget is not visible to all members.',
        "Le budget n'est pas visible par tous les membres.",
        { budgetTransparent: false },
      ),
    );
  }
  const agreement = bundle.agreement;
  if (agreement === undefined) {
    const empty = emptyDimension('agreement', 'No agreement recorded.');
    return { ...empty, flags };
  }
  const metrics: Metric[] = INGREDIENTS.map((ingredient) =>
    metric(ingredient.key, present(agreement[ingredient.key]), `Whether the agreement holds ${ingredient.en}.`),
  );
  metrics.push(metric('budget-transparent', transparent, 'Whether every member sees the whole budget.'));
  const missing = INGREDIENTS.filter((ingredient) => !present(agreement[ingredient.key])).map((ingredient) => ingredient.key);
  const score = scoreFrom(metrics.map((entry) => ({ value: entry.value === true ? 1 : 0, weight: 1 })));
  if (missing.length > 0) {
    flags.push(
      flag(
        'missing-agreement-ingredients',
        missing.includes('isPartnership') ? 'warning' : 'info',
        `The agreement lacks ${missing.length} essential ingredient(s).`,
        `L'accord omet ${missing.length} ingrédient(s) essentiel(s).`,
        { missing },
      ),
    );
  }
  return { dimension: { key: 'agreement', score, metrics }, flags, coverage: 1 };
}
