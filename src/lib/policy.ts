import type { Actor } from './actor.js';
import { AppError } from './errors.js';
import { accountRules } from '../modules/accounts/policy.js';
import { programmeRules, type ProgrammeAccess } from '../modules/programmes/policy.js';
import { iatiRules } from '../modules/iati/policy.js';
import { knowledgeRules, type ArticleResource } from '../modules/knowledge/policy.js';
import { strategyRules, type StrategyResource } from '../modules/strategy/policy.js';
import { reputationRules, type FeedbackResource } from '../modules/reputation/policy.js';
import { networkRules, statementRules, type NetworkResource, type StatementResource } from '../modules/networks/policy.js';
import { registryRules, type ProfileResource } from '../modules/organizations/policy.js';
import { appraisalRules, appraisalTemplateRules, type AppraisalTemplateResource, type PrivateRecordResource } from '../modules/appraisal/policy.js';
import { worklogRules, type LogOwnEntryResource, type LogRecordResource } from '../modules/worklog/policy.js';
import { auditRules } from '../modules/audit/policy.js';
import { surveyRules, type SurveyInstrumentResource, type SurveyRoundResource } from '../modules/surveys/policy.js';

/**
 * The resources access rules are about. Programme resources carry the actor's access to that
 * programme, computed by one query (see programmes/access.ts), so rules stay pure.
 */
export type Resource =
  | { kind: 'instance' }
  | { kind: 'organization'; organizationId: string }
  | { kind: 'user'; userId: string; organizationId: string }
  | { kind: 'programme'; access: ProgrammeAccess }
  | ArticleResource
  | NetworkResource
  | StatementResource
  | StrategyResource
  | FeedbackResource
  | PrivateRecordResource
  | AppraisalTemplateResource
  | ProfileResource
  | LogRecordResource
  | LogOwnEntryResource
  | SurveyInstrumentResource
  | SurveyRoundResource;

export type Rule<R extends Resource = Resource> = (actor: Actor, resource: R) => boolean;

const rules = { ...accountRules, ...programmeRules, ...iatiRules, ...knowledgeRules, ...networkRules, ...statementRules, ...strategyRules, ...reputationRules, ...appraisalRules, ...appraisalTemplateRules, ...registryRules, ...worklogRules, ...surveyRules, ...auditRules };
export type Action = keyof typeof rules;
type ResourceOf<A extends Action> = Parameters<(typeof rules)[A]>[1];

/** True when the actor may do the action on the resource. */
export function can<A extends Action>(actor: Actor, action: A, resource: ResourceOf<A>): boolean {
  const rule = rules[action] as (actor: Actor, resource: ResourceOf<A>) => boolean;
  return rule(actor, resource);
}

/**
 * Throws unless the actor may do the action. A programme the actor cannot see answers 404,
 * so that its existence is not revealed to other organizations.
 */
export function authorize<A extends Action>(actor: Actor, action: A, resource: ResourceOf<A>): void {
  if (can(actor, action, resource)) return;
  if (resource.kind === 'programme' && !programmeRules['programme.view'](actor, resource)) {
    throw new AppError('not_found', 'Programme not found');
  }
  // Private records and templates the actor may not even read do not exist for them.
  if (resource.kind === 'private-record' && !appraisalRules['private-record.view'](actor, resource)) throw new AppError('not_found', 'Record not found');
  if (resource.kind === 'appraisal-template' && !appraisalTemplateRules['appraisal-template.view'](actor, resource)) throw new AppError('not_found', 'Template not found');
  if (resource.kind === 'survey-instrument' && !surveyRules['survey-instrument.view'](actor, resource)) throw new AppError('not_found', 'Survey instrument not found');
  if (resource.kind === 'survey-round' && !surveyRules['survey-round.view'](actor, resource)) throw new AppError('not_found', 'Survey round not found');
  if (resource.kind === 'feedback' && !reputationRules['feedback.view'](actor, resource)) throw new AppError('not_found', 'Feedback not found');
  if (resource.kind === 'strategy' && !strategyRules['strategy.view'](actor, resource)) throw new AppError('not_found', 'Strategy not found');
  if (resource.kind === 'statement' && !statementRules['statement.view'](actor, resource)) throw new AppError('not_found', 'Statement not found');
  throw new AppError('forbidden', `You may not ${describe(action)}`);
}

function describe(action: string): string {
  return action.replace(/[.-]/g, ' ');
}
