// What each kept IATI element contributes to the normalized activity, with the warnings that
// sloppy publishers earn instead of a failure.
import {
  isActivityStatus,
  isBudgetStatus,
  isCountryCode,
  isCurrencyCode,
  isDacSectorCode,
  isRelatedActivityType,
  mapActivityDateType,
  mapBudgetType,
  mapOrganisationRole,
  mapOrganisationType,
  mapSectorVocabulary,
  mapTransactionType,
} from './codes.js';
import { attributeValue, normalizeLang, parseAmount, parseIsoDate, parsePercentage } from './parse-values.js';
import type { IatiActivity, IatiBudget, IatiNarrative, IatiPosition, IatiSkipped, IatiTransaction, IatiTransactionParty } from './types.js';

export type Attributes = Record<string, string>;

export type Frame = {
  name: string;
  parent: string;
  attributes: Attributes;
  text: string;
  /** Narratives collected from `narrative` children; null for elements that hold none. */
  narratives: IatiNarrative[] | null;
  /** Offset in the file of the end of the start tag; line and column are -1 until counted. */
  offset: number;
  line: number;
  column: number;
};

export type ActivityDraft = {
  activity: IatiActivity;
  identifier: string | null;
  declaredVersion: string | null;
  sawNarrative: boolean;
  transaction: IatiTransaction | null;
  transactionHasType: boolean;
  budget: IatiBudget | null;
  /** The position of an offset of the file (see Frame.offset). */
  locateOffset: (offset: number) => IatiPosition;
};

export type BuiltActivity = { kind: 'activity'; activity: IatiActivity } | { kind: 'skipped'; skipped: IatiSkipped };

const versionPattern = /^[12]\.0?\d{1,2}$/;

// 2.x activities carry no version of their own, but datastore extracts add one under another
// namespace (iati-extra:version, iati-activities:version).
function activityVersion(attributes: Attributes): string | null {
  for (const name in attributes) {
    if (name === 'version' || name.endsWith(':version')) {
      const value = (attributes[name] ?? '').trim();
      if (versionPattern.test(value)) return value;
    }
  }
  return null;
}

/** Starts the draft of an activity from the attributes of its start tag. */
export function createActivityDraft(
  attributes: Attributes,
  position: { line: number; column: number },
  fileVersion: string | null,
  locateOffset: (offset: number) => IatiPosition,
): ActivityDraft {
  const activity: IatiActivity = {
    iatiIdentifier: '',
    version: '',
    versionSource: 'declared',
    lastUpdated: attributeValue(attributes['last-updated-datetime']),
    defaultCurrency: attributeValue(attributes['default-currency'])?.toUpperCase() ?? null,
    defaultLang: normalizeLang(attributes['xml:lang']),
    hierarchy: attributeValue(attributes.hierarchy),
    reportingOrg: null,
    title: [],
    description: [],
    activityStatus: null,
    dates: { plannedStart: null, actualStart: null, plannedEnd: null, actualEnd: null },
    recipientCountries: [],
    sectors: [],
    participatingOrgs: [],
    transactions: [],
    budgets: [],
    relatedActivities: [],
    warnings: [],
    line: position.line,
    column: position.column,
  };
  const declaredVersion = fileVersion ?? activityVersion(attributes);
  return { activity, identifier: null, declaredVersion, sawNarrative: false, transaction: null, transactionHasType: false, budget: null, locateOffset };
}

/** Counts the position of an element once (most never need it: only those with a warning). */
export function locate(draft: ActivityDraft, frame: Frame): void {
  if (frame.line >= 0) return;
  const { line, column } = draft.locateOffset(frame.offset);
  frame.line = line;
  frame.column = column;
}

function warn(draft: ActivityDraft, frame: Frame, reason: string): void {
  locate(draft, frame);
  draft.activity.warnings.push({ line: frame.line, column: frame.column, element: frame.name, reason });
}

// 1.x holders carry their text directly; 2.x ones in `narrative` children.
function narrativesOf(draft: ActivityDraft, frame: Frame): IatiNarrative[] {
  const narratives = frame.narratives ?? [];
  if (narratives.length > 0) return narratives;
  const text = frame.text.trim();
  if (text === '') return narratives;
  const lang = normalizeLang(frame.attributes['xml:lang']) ?? draft.activity.defaultLang;
  return [{ lang, text }];
}

function organisationType(draft: ActivityDraft, frame: Frame): string | null {
  const raw = frame.attributes.type;
  if (raw === undefined || raw.trim() === '') return null;
  const code = mapOrganisationType(raw);
  if (code === null) warn(draft, frame, `unknown organisation type "${raw.trim()}"`);
  return code;
}

function transactionParty(draft: ActivityDraft, frame: Frame, idAttribute: string): IatiTransactionParty {
  return { ref: attributeValue(frame.attributes.ref), name: narrativesOf(draft, frame), activityId: attributeValue(frame.attributes[idAttribute]) };
}

/** Starts the drafts of the elements that gather children (transaction, budget). */
export function openSimpleElement(draft: ActivityDraft, frame: Frame): void {
  if (frame.parent !== 'iati-activity') return;
  if (frame.name === 'transaction') {
    draft.transactionHasType = false;
    draft.transaction = { type: null, date: null, value: null, currency: null, valueDate: null, providerOrg: null, receiverOrg: null };
  } else if (frame.name === 'budget') {
    const rawType = frame.attributes.type;
    const type = rawType === undefined ? null : mapBudgetType(rawType);
    if (rawType !== undefined && type === null) warn(draft, frame, `unknown budget type "${rawType}"`);
    const status = attributeValue(frame.attributes.status);
    if (status !== null && !isBudgetStatus(status)) warn(draft, frame, `unknown budget status "${status}"`);
    draft.budget = { type, status, periodStart: null, periodEnd: null, value: null, currency: null };
  }
}

/** Stores an element that holds narratives (title, description, organisations). */
export function closeHolder(draft: ActivityDraft, frame: Frame): void {
  const activity = draft.activity;
  const attributes = frame.attributes;
  switch (frame.name) {
    case 'title':
      activity.title.push(...narrativesOf(draft, frame));
      return;
    case 'description': {
      const type = attributes.type?.trim();
      if (type === undefined || type === '' || type === '1') activity.description.push(...narrativesOf(draft, frame));
      return;
    }
    case 'reporting-org':
      activity.reportingOrg = { ref: attributeValue(attributes.ref), type: organisationType(draft, frame), name: narrativesOf(draft, frame) };
      return;
    case 'participating-org': {
      const rawRole = attributes.role;
      const role = rawRole === undefined ? null : mapOrganisationRole(rawRole);
      if (role === null) warn(draft, frame, rawRole === undefined ? 'participating-org has no role' : `unknown role "${rawRole}"`);
      activity.participatingOrgs.push({
        ref: attributeValue(attributes.ref),
        role,
        type: organisationType(draft, frame),
        name: narrativesOf(draft, frame),
        activityId: attributeValue(attributes['activity-id']),
      });
      return;
    }
    case 'provider-org':
      if (draft.transaction) draft.transaction.providerOrg = transactionParty(draft, frame, 'provider-activity-id');
      return;
    case 'receiver-org':
      if (draft.transaction) draft.transaction.receiverOrg = transactionParty(draft, frame, 'receiver-activity-id');
      return;
  }
}

function readValue(draft: ActivityDraft, frame: Frame): { value: number | null; currency: string | null } {
  const value = parseAmount(frame.text);
  if (value === null) warn(draft, frame, frame.text.trim() === '' ? 'value is empty' : `value "${frame.text.trim().slice(0, 40)}" is not a number`);
  const currency = attributeValue(frame.attributes.currency)?.toUpperCase() ?? draft.activity.defaultCurrency;
  if (currency === null) warn(draft, frame, 'no currency on the value and no default-currency on the activity');
  else if (!isCurrencyCode(currency)) warn(draft, frame, `unknown currency "${currency}"`);
  return { value, currency };
}

function dateOf(draft: ActivityDraft, frame: Frame): string | null {
  const raw = frame.attributes['iso-date'] ?? frame.text;
  const date = parseIsoDate(raw) ?? parseIsoDate(frame.text);
  if (date === null) warn(draft, frame, `missing or invalid date "${raw.trim().slice(0, 40)}"`);
  return date;
}

function closeActivityChild(draft: ActivityDraft, frame: Frame): void {
  const activity = draft.activity;
  const attributes = frame.attributes;
  switch (frame.name) {
    case 'iati-identifier': {
      const text = frame.text.trim();
      if (text !== '' && draft.identifier === null) draft.identifier = text;
      return;
    }
    case 'activity-status': {
      const code = attributeValue(attributes.code);
      if (code === null || !isActivityStatus(code)) warn(draft, frame, `unknown activity status "${code ?? ''}"`);
      activity.activityStatus = code;
      return;
    }
    case 'activity-date': {
      const type = mapActivityDateType(attributes.type ?? '');
      const date = dateOf(draft, frame);
      if (type === null) warn(draft, frame, `unknown activity-date type "${attributes.type ?? ''}"`);
      else if (date !== null) {
        const key = type === '1' ? 'plannedStart' : type === '2' ? 'actualStart' : type === '3' ? 'plannedEnd' : 'actualEnd';
        activity.dates[key] = date;
      }
      return;
    }
    case 'recipient-country': {
      const code = attributeValue(attributes.code)?.toUpperCase() ?? null;
      const percentage = parsePercentage(attributes.percentage);
      if (code === null) return warn(draft, frame, 'recipient-country has no code');
      if (!isCountryCode(code)) warn(draft, frame, `unknown country code "${code}"`);
      if (Number.isNaN(percentage)) warn(draft, frame, `percentage "${attributes.percentage}" is not a number`);
      activity.recipientCountries.push({ code, percentage: Number.isNaN(percentage) ? null : percentage });
      return;
    }
    case 'sector': {
      const code = attributeValue(attributes.code);
      if (code === null) return warn(draft, frame, 'sector has no code');
      const vocabulary = mapSectorVocabulary(attributes.vocabulary);
      if (vocabulary === null) warn(draft, frame, `unknown sector vocabulary "${attributes.vocabulary}"`);
      else if (vocabulary === '1' && !isDacSectorCode(code)) warn(draft, frame, `unknown DAC sector code "${code}"`);
      const percentage = parsePercentage(attributes.percentage);
      if (Number.isNaN(percentage)) warn(draft, frame, `percentage "${attributes.percentage}" is not a number`);
      activity.sectors.push({ code, vocabulary: vocabulary ?? attributes.vocabulary ?? '', percentage: Number.isNaN(percentage) ? null : percentage });
      return;
    }
    case 'related-activity': {
      const ref = attributeValue(attributes.ref);
      if (ref === null) return warn(draft, frame, 'related-activity has no ref');
      const type = attributeValue(attributes.type);
      if (type !== null && !isRelatedActivityType(type)) warn(draft, frame, `unknown related-activity type "${type}"`);
      activity.relatedActivities.push({ ref, type });
      return;
    }
    case 'transaction':
      if (draft.transaction) {
        if (!draft.transactionHasType) warn(draft, frame, 'transaction has no transaction-type');
        activity.transactions.push(draft.transaction);
      }
      draft.transaction = null;
      return;
    case 'budget':
      if (draft.budget) activity.budgets.push(draft.budget);
      draft.budget = null;
      return;
  }
}

/** Stores an element without narratives: activity fields and the parts of transactions and budgets. */
export function closeElement(draft: ActivityDraft, frame: Frame): void {
  if (frame.parent === 'iati-activity') return closeActivityChild(draft, frame);
  const transaction = frame.parent === 'transaction' ? draft.transaction : null;
  const budget = frame.parent === 'budget' ? draft.budget : null;
  if (transaction) {
    if (frame.name === 'transaction-type') {
      draft.transactionHasType = true;
      const raw = frame.attributes.code ?? frame.text.trim();
      transaction.type = mapTransactionType(raw);
      if (transaction.type === null) warn(draft, frame, `unknown transaction type "${raw}"`);
    } else if (frame.name === 'transaction-date') {
      transaction.date = dateOf(draft, frame);
    } else if (frame.name === 'value') {
      const { value, currency } = readValue(draft, frame);
      transaction.value = value;
      transaction.currency = currency;
      transaction.valueDate = parseIsoDate(frame.attributes['value-date']);
    }
  } else if (budget) {
    if (frame.name === 'period-start') budget.periodStart = dateOf(draft, frame);
    else if (frame.name === 'period-end') budget.periodEnd = dateOf(draft, frame);
    else if (frame.name === 'value') Object.assign(budget, readValue(draft, frame));
  }
}

/** Completes the activity when its end tag is read, or says why it cannot be imported. */
export function finishActivity(draft: ActivityDraft): BuiltActivity {
  const activity = draft.activity;
  if (draft.identifier === null) {
    return { kind: 'skipped', skipped: { iatiIdentifier: null, line: activity.line, column: activity.column, reason: 'the activity has no iati-identifier' } };
  }
  activity.iatiIdentifier = draft.identifier;
  if (draft.declaredVersion !== null) activity.version = draft.declaredVersion;
  else {
    activity.version = draft.sawNarrative ? '2.x' : '1.x';
    activity.versionSource = 'inferred';
  }
  for (const warning of activity.warnings) warning.iatiIdentifier = draft.identifier;
  return { kind: 'activity', activity };
}
