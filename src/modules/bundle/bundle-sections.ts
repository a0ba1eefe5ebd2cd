import type { Database } from '../../db/client.js';
import type { ProgrammeBundle } from './schema.js';
import { budgetSection, membersSection, teamSection } from './core-sections.js';
import { agreementSection } from './agreement-section.js';
import { planSection } from './plan-sections.js';
import { worklogBundleSections } from '../worklog/bundle-sections.js';

/** What a section importer knows about the programme being created from a bundle. */
export type ImportContext = {
  programmeId: string;
  /** The programme's start date (YYYY-MM-DD), the day members joined unless known otherwise. */
  programmeStart: string;
  /** Database id of each organization, by its ref in the bundle. */
  organizationIds: Map<string, string>;
  /** The user importing (null from the command line). */
  importedBy: string | null;
  /** Database id of each meeting, by its ref in the bundle (filled by the meetings section, read by decisions). */
  meetingIds: Map<string, string>;
};

/** What a section exporter knows about the programme being exported. */
export type ExportContext = {
  programmeId: string;
  /** The bundle ref given to each organization, by database id. Exporters add an organization with `refFor`. */
  refFor: (organizationId: string) => string;
  /** Budget lines of other organizations are left out for readers who may see only their own. */
  budgetOrganizationId: string | null;
  /** The bundle ref given to each meeting, by database id (filled by the meetings section, read by decisions). */
  meetingRefs: Map<string, string>;
};

/**
 * One section of the programme bundle (members, tasks, budget, meetings...). Import and export
 * go through `bundleSections` in order, so a capability adds its section with one entry there
 * (the working log of meetings, decisions, interactions, learning and ratings plugs in so). An importer runs inside the import's transaction, after the programme and its
 * organizations exist; an exporter fills its part of the bundle.
 */
export type BundleSection = {
  name: string;
  importInto: (db: Database, context: ImportContext, bundle: ProgrammeBundle) => Promise<void>;
  exportFrom: (db: Database, context: ExportContext, bundle: ProgrammeBundle) => Promise<void>;
};

/**
 * Every section beyond the programme and its organizations, in import order; the working log's
 * (meetings, decisions, interactions, learning, ratings) come from modules/worklog.
 */
export const bundleSections: BundleSection[] = [membersSection, planSection, budgetSection, teamSection, agreementSection, ...worklogBundleSections];
