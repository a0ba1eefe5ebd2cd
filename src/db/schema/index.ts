export * from './organizations.js';
export * from './accounts.js';
export * from './programmes.js';
export * from './settings.js';
export * from './appraisal.js';
