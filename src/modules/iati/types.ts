// The normalized shape of what the IATI reader yields. Codes are always 2.x codes (strings),
// whatever the version of the file: 1.x text codes are mapped on the way in.

/** Organisation roles in IATI 2.x: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing. */
export type IatiRoleCode = '1' | '2' | '3' | '4';

/** One text in one language. `lang` is a lower-cased ISO 639-1 code, or null when neither the
 * element, its parent nor the activity says which language it is. */
export type IatiNarrative = { lang: string | null; text: string };

/** A position in the source file (1-based line, 0-based column in characters). */
export type IatiPosition = { line: number; column: number };

/** Something that did not prevent reading an activity, reported instead of failing. */
export type IatiWarning = IatiPosition & {
  element: string;
  reason: string;
  iatiIdentifier?: string;
};

/** An activity that could not be read at all, with the reason. */
export type IatiSkipped = IatiPosition & {
  iatiIdentifier: string | null;
  reason: string;
};

export type IatiReportingOrg = { ref: string | null; type: string | null; name: IatiNarrative[] };

export type IatiParticipatingOrg = {
  ref: string | null;
  /** null when the role is missing or not a known code; a warning says so. */
  role: IatiRoleCode | null;
  type: string | null;
  name: IatiNarrative[];
  activityId: string | null;
};

export type IatiTransactionParty = {
  ref: string | null;
  name: IatiNarrative[];
  activityId: string | null;
};

export type IatiTransaction = {
  /** 2.x TransactionType code ('1'..'13'), or null when missing or unknown. */
  type: string | null;
  date: string | null;
  value: number | null;
  /** The value's own currency, else the activity's default currency. */
  currency: string | null;
  valueDate: string | null;
  providerOrg: IatiTransactionParty | null;
  receiverOrg: IatiTransactionParty | null;
};

export type IatiBudget = {
  /** '1' Original, '2' Revised (1.x text names mapped). */
  type: string | null;
  /** '1' Indicative, '2' Committed; 1.x files have none. */
  status: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  value: number | null;
  currency: string | null;
};

export type IatiActivityDates = {
  plannedStart: string | null;
  actualStart: string | null;
  plannedEnd: string | null;
  actualEnd: string | null;
};

export type IatiRecipientCountry = { code: string; percentage: number | null };

export type IatiSector = {
  code: string;
  /** 2.x SectorVocabulary code; '1' (DAC 5-digit) when the file does not say; a 1.x name
   * (WB, ISO) when 2.x has no code for it; the raw value, with a warning, when unknown. */
  vocabulary: string;
  percentage: number | null;
};

export type IatiRelatedActivity = { ref: string; type: string | null };

export type IatiActivity = IatiPosition & {
  iatiIdentifier: string;
  /** The declared version (root, else the activity's own version attribute), else '1.x' or
   * '2.x' inferred from the presence of `narrative` elements. */
  version: string;
  versionSource: 'declared' | 'inferred';
  lastUpdated: string | null;
  defaultCurrency: string | null;
  defaultLang: string | null;
  hierarchy: string | null;
  reportingOrg: IatiReportingOrg | null;
  title: IatiNarrative[];
  /** Narratives of the general descriptions (type 1 or untyped), every language. */
  description: IatiNarrative[];
  activityStatus: string | null;
  dates: IatiActivityDates;
  recipientCountries: IatiRecipientCountry[];
  sectors: IatiSector[];
  participatingOrgs: IatiParticipatingOrg[];
  transactions: IatiTransaction[];
  budgets: IatiBudget[];
  relatedActivities: IatiRelatedActivity[];
  warnings: IatiWarning[];
};

/** What the reader yields, one at a time. `bytesRead` is how far into the file the reader
 * was when it produced the item, for progress bars. */
export type IatiReadItem =
  | { kind: 'activity'; activity: IatiActivity; bytesRead: number }
  | { kind: 'skipped'; skipped: IatiSkipped; bytesRead: number }
  | { kind: 'warning'; warning: IatiWarning; bytesRead: number };

/** Limits that make a file fail as a whole; every one has a safe default. */
export type IatiReadOptions = {
  /** Largest accepted file, in bytes (default 1 GiB). */
  maxBytes?: number;
  /** Deepest accepted element nesting (default 64; real files stay under 12). */
  maxDepth?: number;
  /** Longest accepted attribute value, in characters (default 64 KiB). */
  maxAttributeLength?: number;
  /** Longest accepted text node, in characters (default 8 MiB). */
  maxTextLength?: number;
};

/** The run summary, exactly as the CLI prints it and the API answers it. */
export type IatiImportSummary = {
  activities: number;
  organizations: { created: number; matched: number };
  participations: { funding: number; accountable: number; extending: number; implementing: number };
  transactions: number;
  budgets: number;
  warnings: IatiWarning[];
  skipped: IatiSkipped[];
};
