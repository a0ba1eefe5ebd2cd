import { countries, organisationTypes, sectors, withdrawnSectorCodes } from '../iati/codes.generated.js';

/** IATI OrganisationType codes ("21" International NGO...). */
export const organisationTypeCodes: ReadonlySet<string> = new Set(organisationTypes.map((item) => item.code));
/** ISO 3166-1 alpha-2 codes in use. */
export const countryCodes: ReadonlySet<string> = new Set(countries.map((item) => item.code));
/** DAC 5-digit sector codes and their 3-digit categories. */
export const sectorCodes: ReadonlySet<string> = new Set([
  ...sectors.map((item) => item.code),
  ...sectors.flatMap((item) => (item.category ? [item.category] : [])),
  ...withdrawnSectorCodes,
]);
/** ISO 639-1 (two letters) or ISO 639-3 (three letters, for languages 639-1 lacks, such as Mooré "mos"); the list is not checked further. */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;
