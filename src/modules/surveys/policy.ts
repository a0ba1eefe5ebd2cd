import type { Actor } from '../../lib/actor.js';
import type { ProgrammeAccess } from '../programmes/policy.js';
import { programmeRules } from '../programmes/policy.js';

/** An instrument: a built-in one has no owner. */
export type SurveyInstrumentResource = { kind: 'survey-instrument'; organizationId: string | null };

/** A round: in a programme (with the actor's access to it), or inside one organization (programmeAccess null). */
export type SurveyRoundResource = { kind: 'survey-round'; organizationId: string; programmeAccess: ProgrammeAccess | null };

const canViewRound = (actor: Actor, round: SurveyRoundResource) =>
  round.programmeAccess !== null
    ? programmeRules['programme.view'](actor, { kind: 'programme', access: round.programmeAccess })
    : actor.organizationId === round.organizationId;

const canManageRound = (actor: Actor, round: SurveyRoundResource) =>
  round.programmeAccess !== null
    ? programmeRules['programme.manage'](actor, { kind: 'programme', access: round.programmeAccess })
    : actor.organizationId === round.organizationId && actor.role === 'org-admin';

/** Survey rules: built-in instruments are read-only, an organization's own are private to it; rounds follow their programme or organization. */
export const surveyRules = {
  'survey-instrument.view': (actor: Actor, instrument: SurveyInstrumentResource) =>
    instrument.organizationId === null || instrument.organizationId === actor.organizationId,
  'survey-instrument.edit': (actor: Actor, instrument: SurveyInstrumentResource) =>
    instrument.organizationId !== null && instrument.organizationId === actor.organizationId,
  'survey-round.view': canViewRound,
  'survey-round.manage': canManageRound,
};
