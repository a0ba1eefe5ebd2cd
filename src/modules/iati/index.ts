// The public surface of the IATI module: what the import, export and registry code may use.
export { readIatiActivities, type IatiByteSource } from './read-iati-activities.js';
export { readIatiFile } from './read-iati-file.js';
export { readIatiFileParallel, type IatiParallelOptions } from './read-iati-file-parallel.js';
export { IatiFileError, isIatiFileError, type IatiFileErrorCode } from './errors.js';
export { createIatiSummaryBuilder, summarizeIatiImport, type IatiSummaryBuilder } from './summarize-iati-import.js';
export { buildIatiXml, IatiExportError, type IatiExportActivity, type IatiExportParty, type IatiExportText } from './build-iati-xml.js';
export {
  isCountryCode,
  isCurrencyCode,
  isDacSectorCode,
  mapOrganisationRole,
  mapOrganisationType,
  mapSectorVocabulary,
  mapTransactionType,
} from './codes.js';
export { countries, currencies, organisationRoles, organisationTypes, sectors, transactionTypes, type IatiCode } from './codes.generated.js';
export type * from './types.js';
