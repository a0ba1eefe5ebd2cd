import type { z } from 'zod';
import { buildBundleSchema, programmeBundleSchema, type ProgrammeBundle } from './schema.js';

export type BundleIssue = { pointer: string; message: string };

export type BundleValidation =
  | { ok: true; bundle: ProgrammeBundle; warnings: BundleIssue[] }
  | { ok: false; errors: BundleIssue[]; warnings: BundleIssue[] };

const strictSchema = buildBundleSchema(true);

/** Turns a path of keys and indexes into an RFC 6901 JSON pointer. */
export function toJsonPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key) => '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** Checks that a value is a well-formed programme bundle whose references all resolve. */
export function validateBundle(input: unknown): BundleValidation {
  const warnings: BundleIssue[] = [];
  const errors: BundleIssue[] = [];

  // The strict pass finds unknown keys (warnings) alongside real mistakes (errors); the data
  // itself always comes from the lenient schema, which drops the unknown keys.
  const strict = strictSchema.safeParse(input);
  if (!strict.success) {
    for (const issue of strict.error.issues) collectIssue(issue, errors, warnings);
  }
  if (errors.length > 0) return { ok: false, errors, warnings };

  const lenient = programmeBundleSchema.safeParse(input);
  if (!lenient.success) {
    for (const issue of lenient.error.issues) collectIssue(issue, errors, warnings);
    return { ok: false, errors, warnings };
  }

  const bundle = lenient.data;
  checkReferences(bundle, errors, warnings);
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, bundle, warnings };
}

function collectIssue(issue: z.core.$ZodIssue, errors: BundleIssue[], warnings: BundleIssue[]): void {
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const pointer = toJsonPointer([...issue.path, key]);
      warnings.push({ pointer, message: `unknown field ignored at ${pointer}` });
    }
    return;
  }
  const pointer = toJsonPointer(issue.path);
  errors.push({ pointer, message: `${issue.message} at ${pointer || '/'}` });
}

function checkReferences(bundle: ProgrammeBundle, errors: BundleIssue[], warnings: BundleIssue[]): void {
  const organizations = new Set<string>();
  bundle.organizations.forEach((organization, index) => {
    if (organizations.has(organization.ref)) {
      addError(errors, ['organizations', index, 'ref'], `duplicate organization ref '${organization.ref}'`);
    }
    organizations.add(organization.ref);
  });

  const knownOrganization = (value: string, path: PropertyKey[]): void => {
    if (!organizations.has(value)) addError(errors, path, `unknown organization '${value}'`);
  };
  const knownOrganizationKeys = (record: Record<string, unknown> | undefined, path: PropertyKey[]): void => {
    for (const key of Object.keys(record ?? {})) knownOrganization(key, [...path, key]);
  };

  if (bundle.programme.end < bundle.programme.start) {
    addError(errors, ['programme', 'end'], 'the programme ends before it starts');
  }

  const members = new Set<string>();
  bundle.members.forEach((member, index) => {
    knownOrganization(member.org, ['members', index, 'org']);
    if (members.has(member.org)) addError(errors, ['members', index, 'org'], `organization '${member.org}' is a member twice`);
    members.add(member.org);
  });

  const tasks = new Set<string>();
  bundle.tasks.forEach((task, index) => {
    if (tasks.has(task.ref)) addError(errors, ['tasks', index, 'ref'], `duplicate task ref '${task.ref}'`);
    tasks.add(task.ref);
    if (task.raci === undefined) return;
    knownOrganizationKeys(task.raci, ['tasks', index, 'raci']);
    const accountable = Object.values(task.raci).filter((letter) => letter === 'A').length;
    if (accountable !== 1) {
      addError(errors, ['tasks', index, 'raci'], `task '${task.ref}' needs exactly one Accountable organization, found ${accountable}`);
    }
  });

  bundle.budget.forEach((line, index) => {
    knownOrganization(line.org, ['budget', index, 'org']);
    if (line.indirectCosts !== undefined && line.indirectCosts > line.amount) {
      addError(errors, ['budget', index, 'indirectCosts'], 'indirect costs exceed the amount of the line');
    }
    if (typeof line.ownContribution === 'number' && line.ownContribution > line.amount) {
      addError(errors, ['budget', index, 'ownContribution'], 'own contribution exceeds the amount of the line');
    }
  });

  bundle.meetings.forEach((meeting, index) => {
    knownOrganization(meeting.chair, ['meetings', index, 'chair']);
    meeting.attendees.forEach((attendee, position) => knownOrganization(attendee, ['meetings', index, 'attendees', position]));
  });

  bundle.decisions.forEach((decision, index) => {
    knownOrganizationKeys(decision.involvement, ['decisions', index, 'involvement']);
    knownOrganizationKeys(decision.desired, ['decisions', index, 'desired']);
    if (decision.scope === 'local' && decision.locality === undefined) {
      // Still a valid record, but subsidiarity cannot be judged without knowing where.
      addWarning(warnings, ['decisions', index, 'locality'], 'a local decision without a locality is left out of subsidiarity');
    }
  });

  bundle.interactions.forEach((interaction, index) => {
    knownOrganization(interaction.from, ['interactions', index, 'from']);
    knownOrganization(interaction.to, ['interactions', index, 'to']);
    if (interaction.from === interaction.to) {
      addError(errors, ['interactions', index, 'to'], 'an interaction needs two different organizations');
    }
  });

  bundle.learning.forEach((record, index) => {
    knownOrganization(record.from, ['learning', index, 'from']);
    knownOrganization(record.to, ['learning', index, 'to']);
  });

  bundle.ratings.forEach((rating, index) => {
    knownOrganization(rating.rater, ['ratings', index, 'rater']);
    knownOrganization(rating.ratee, ['ratings', index, 'ratee']);
    if (rating.rater === rating.ratee) {
      addError(errors, ['ratings', index, 'ratee'], 'an organization cannot rate itself');
    }
  });
}

function addError(errors: BundleIssue[], path: PropertyKey[], text: string): void {
  const pointer = toJsonPointer(path);
  errors.push({ pointer, message: `${text} at ${pointer}` });
}

function addWarning(warnings: BundleIssue[], path: PropertyKey[], text: string): void {
  const pointer = toJsonPointer(path);
  warnings.push({ pointer, message: `${text} at ${pointer}` });
}
