import type { Database } from '../../db/client.js';
import { programmes } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { computeAuthenticity, computeAuthenticityTrend } from '../analytics/compute-authenticity.js';
import { computePortfolio } from '../analytics/compute-portfolio.js';
import type { AuthenticityProfile } from '../analytics/types.js';
import { exportBundle } from '../bundle/export-bundle.js';
import type { ProgrammeBundle } from '../bundle/schema.js';
import { visibleProgrammes } from '../programmes/access.js';
import { loadThresholds } from './thresholds-setting.js';
import { buildEvidence } from './build-evidence.js';

/**
 * The programme's data in bundle shape, whole: the profile is computed from everything the
 * programme records, whoever asks, so that partners see the same evidence as the lead.
 */
async function loadProgrammeBundle(db: Database, programmeId: string): Promise<ProgrammeBundle> {
  return exportBundle(db, { programmeId });
}

/** The authenticity profile of one programme, optionally as it stood at a date. */
export async function getProgrammeAuthenticity(db: Database, options: { programmeId: string; at?: string }): Promise<AuthenticityProfile> {
  const [bundle, thresholds] = await Promise.all([loadProgrammeBundle(db, options.programmeId), loadThresholds(db)]);
  return computeAuthenticity(bundle, { thresholds, ...(options.at ? { at: options.at } : {}) });
}

/** The profile at the end of each quarter of the programme. */
export async function getProgrammeAuthenticityTrend(db: Database, options: { programmeId: string }) {
  const [bundle, thresholds] = await Promise.all([loadProgrammeBundle(db, options.programmeId), loadThresholds(db)]);
  return { points: computeAuthenticityTrend(bundle, { thresholds }) };
}

/** The records behind the dashboard's charts. */
export async function getProgrammeAuthenticityEvidence(db: Database, options: { programmeId: string; amountsVisible: boolean }) {
  const bundle = await loadProgrammeBundle(db, options.programmeId);
  return buildEvidence(bundle, { amountsVisible: options.amountsVisible });
}

/** Profiles of every programme the actor can see, side by side, with the portfolio summary. */
export async function getAuthenticityPortfolio(db: Database, options: { actor: Actor; limit?: number }) {
  const rows = await db
    .select({ id: programmes.id, ref: programmes.ref, title: programmes.title })
    .from(programmes)
    .where(visibleProgrammes(options.actor))
    .orderBy(programmes.title)
    .limit(options.limit ?? 200);
  const thresholds = await loadThresholds(db);
  const entries: Array<{ id: string; ref: string; title: string; profile: AuthenticityProfile }> = [];
  for (const row of rows) {
    const bundle = await loadProgrammeBundle(db, row.id);
    entries.push({ ...row, profile: computeAuthenticity(bundle, { thresholds }) });
  }
  const summary = computePortfolio(entries.map((entry) => ({ programme: entry.ref, title: entry.title, profile: entry.profile })));
  return {
    programmes: entries.map((entry) => ({ id: entry.id, ref: entry.ref, title: entry.title, verdict: entry.profile.verdict, confidence: entry.profile.confidence })),
    summary: {
      programmes: summary.programmes,
      verdicts: summary.verdicts,
      meanConfidence: summary.meanConfidence,
      dimensions: summary.dimensions,
      weakestDimension: summary.weakestDimension,
      flags: summary.flags,
    },
  };
}
