import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { resolveThresholds, type Thresholds } from '../analytics/thresholds.js';
import { getSetting, putSetting } from '../settings/settings.js';

/** The instance setting holding the override (the profile cache watches its audit rows). */
export const THRESHOLDS_KEY = 'authenticity.thresholds';

/** The administrator's override of the default thresholds (an empty object when none). */
export async function getThresholdOverride(db: Database): Promise<Record<string, unknown>> {
  return (await getSetting<Record<string, unknown>>(db, THRESHOLDS_KEY)) ?? {};
}

/** The thresholds in force: the defaults with the administrator's override applied. */
export async function loadThresholds(db: Database): Promise<Thresholds> {
  return resolveThresholds(await getThresholdOverride(db));
}

/** Replaces the override after checking it resolves to valid thresholds; refuses it naming the field. */
export async function saveThresholdOverride(db: Database, override: Record<string, unknown>): Promise<Thresholds> {
  let effective: Thresholds;
  try {
    effective = resolveThresholds(override);
  } catch (error) {
    const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
    const details = (issues ?? [{ path: [], message: (error as Error).message }]).map((issue) => ({
      pointer: `/${issue.path.map(String).join('/')}`,
      message: issue.message,
    }));
    throw new AppError('validation_failed', `Invalid thresholds: ${details.map((d) => `${d.pointer} ${d.message}`).join('; ')}`, { details });
  }
  await putSetting(db, THRESHOLDS_KEY, override);
  return effective;
}
