// Maps the codes found in IATI files, 1.x text codes included, to 2.x codes. Lookups are
// case-insensitive because real 1.0x files write "funding" as well as "Funding".
import {
  activityStatuses,
  budgetStatuses,
  countries,
  currencies,
  organisationRoleFrom1x,
  organisationRoles,
  organisationTypes,
  relatedActivityTypes,
  sectorVocabularies,
  sectors,
  transactionTypeFrom1x,
  transactionTypes,
  withdrawnCountryCodes,
  withdrawnCurrencyCodes,
  withdrawnSectorCodes,
} from './codes.generated.js';
import type { IatiRoleCode } from './types.js';

const roleCodes = new Set(organisationRoles.map((item) => item.code));
const transactionTypeCodes = new Set(transactionTypes.map((item) => item.code));
// Some 1.x files leave out @code and only name the type ("Disbursement", "Commitment").
const transactionTypeByName = new Map([
  ...transactionTypes.map((item): [string, string] => [item.name.toLowerCase(), item.code]),
  ['commitment', '2'],
]);
const organisationTypeCodes = new Set(organisationTypes.map((item) => item.code));
// 1.x files sometimes name the type instead of coding it ("Multilateral", "Government").
const organisationTypeByName = new Map(organisationTypes.map((item) => [item.name.toLowerCase(), item.code]));
const countryCodes = new Set([...countries.map((item) => item.code), ...withdrawnCountryCodes]);
const currencyCodes = new Set([...currencies.map((item) => item.code), ...withdrawnCurrencyCodes]);
const sectorCodes = new Set([...sectors.map((item) => item.code), ...withdrawnSectorCodes]);
const sectorVocabularyCodes = new Set(sectorVocabularies.map((item) => item.code));
const activityStatusCodes = new Set(activityStatuses.map((item) => item.code));
const budgetStatusCodes = new Set(budgetStatuses.map((item) => item.code));
const relatedActivityTypeCodes = new Set(relatedActivityTypes.map((item) => item.code));

// The 1.05 Vocabulary codelist names the same vocabularies as the 2.x SectorVocabulary list.
const sectorVocabularyFrom1x: Readonly<Record<string, string>> = {
  DAC: '1',
  'DAC-3': '2',
  COFOG: '3',
  NACE: '4',
  NTEE: '5',
  ADT: '6',
  RO: '99',
  RO2: '98',
};
// 1.x vocabularies that 2.x has no code for: kept under their 1.x name.
const sectorVocabularies1xOnly = new Set(['ISO', 'WB']);

// 1.x activity-date types were words; 2.x numbers them in the same meaning.
const activityDateTypeFrom1x: Readonly<Record<string, string>> = {
  'start-planned': '1',
  'start-actual': '2',
  'end-planned': '3',
  'end-actual': '4',
};

const budgetTypeFrom1x: Readonly<Record<string, string>> = { original: '1', revised: '2' };

/** Maps a participating-org role (2.x code or 1.x name, any case) to its 2.x code, or null. */
export function mapOrganisationRole(raw: string): IatiRoleCode | null {
  const value = raw.trim();
  const code = roleCodes.has(value) ? value : organisationRoleFrom1x[value.toLowerCase()];
  return code === '1' || code === '2' || code === '3' || code === '4' ? code : null;
}

/** Maps a transaction type (2.x code or 1.x letter code, any case) to its 2.x code, or null. */
export function mapTransactionType(raw: string): string | null {
  const value = raw.trim();
  if (transactionTypeCodes.has(value)) return value;
  return transactionTypeFrom1x[value.toUpperCase()] ?? transactionTypeByName.get(value.toLowerCase()) ?? null;
}

/** Maps an organisation type (code, or the codelist name as some 1.x files write it) to its code. */
export function mapOrganisationType(raw: string): string | null {
  const value = raw.trim();
  if (organisationTypeCodes.has(value)) return value;
  return organisationTypeByName.get(value.toLowerCase()) ?? null;
}

/** Maps a sector vocabulary (2.x code or 1.x name) to its 2.x code; absent means DAC 5-digit.
 * 1.x vocabularies without a 2.x code (WB, ISO) keep their name; unknown ones give null. */
export function mapSectorVocabulary(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return '1';
  const value = raw.trim();
  if (sectorVocabularyCodes.has(value)) return value;
  const upper = value.toUpperCase();
  if (sectorVocabularies1xOnly.has(upper)) return upper;
  return sectorVocabularyFrom1x[upper] ?? null;
}

/** Maps an activity-date type (2.x code or 1.x word) to its 2.x code, or null. */
export function mapActivityDateType(raw: string): string | null {
  const value = raw.trim();
  if (value === '1' || value === '2' || value === '3' || value === '4') return value;
  return activityDateTypeFrom1x[value.toLowerCase()] ?? null;
}

/** Maps a budget type ('1'/'2' or 1.x "Original"/"Revised") to its code, or null. */
export function mapBudgetType(raw: string): string | null {
  const value = raw.trim();
  if (value === '1' || value === '2') return value;
  return budgetTypeFrom1x[value.toLowerCase()] ?? null;
}

/** Tells whether a budget status is a known 2.x code. */
export function isBudgetStatus(code: string): boolean {
  return budgetStatusCodes.has(code);
}

/** Tells whether an activity status is a known code (the same in 1.x and 2.x). */
export function isActivityStatus(code: string): boolean {
  return activityStatusCodes.has(code);
}

/** Tells whether a related-activity type is a known code (the same in 1.x and 2.x). */
export function isRelatedActivityType(code: string): boolean {
  return relatedActivityTypeCodes.has(code);
}

/** Tells whether a country code is in the IATI Country codelist (withdrawn codes included). */
export function isCountryCode(code: string): boolean {
  return countryCodes.has(code);
}

/** Tells whether a currency code is in the IATI Currency codelist (withdrawn codes included). */
export function isCurrencyCode(code: string): boolean {
  return currencyCodes.has(code);
}

/** Tells whether a code is a DAC 5-digit sector (withdrawn codes included). */
export function isDacSectorCode(code: string): boolean {
  return sectorCodes.has(code);
}
