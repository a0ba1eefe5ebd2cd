import type { RaciValue } from '../../db/schema/index.js';
import type { ErrorDetail } from '../../lib/errors.js';

/**
 * Checks a task's RACI (organization id → letters): exactly one Accountable organization, who may
 * also be Responsible ("AR"). Returns the problems, each naming the field by its JSON pointer.
 */
export function checkRaci(raci: Record<string, RaciValue>, pointer = '/raci'): ErrorDetail[] {
  const accountable = Object.entries(raci).filter(([, letters]) => letters.includes('A'));
  if (accountable.length === 1) return [];
  if (accountable.length === 0) return [{ pointer, message: 'a task needs exactly one Accountable organization (A or AR), found none' }];
  return accountable.slice(1).map(([organizationId]) => ({
    pointer: `${pointer}/${organizationId}`,
    message: `a task needs exactly one Accountable organization, found ${accountable.length}`,
    value: raci[organizationId],
  }));
}

/** True when the letters make the organization do or own the work (Responsible or Accountable). */
export function isResponsibleOrAccountable(letters: RaciValue | undefined): boolean {
  return letters === 'R' || letters === 'A' || letters === 'AR';
}
