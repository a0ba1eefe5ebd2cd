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
    checkMembership(member, ['members', index], errors);
  });
  (bundle.formerMembers ?? []).forEach((member, index) => {
    knownOrganization(member.org, ['formerMembers', index, 'org']);
    if (members.has(member.org)) addError(errors, ['formerMembers', index, 'org'], `organization '${member.org}' is a member twice`);
    members.add(member.org);
    checkMembership(member, ['formerMembers', index], errors);
  });

  const workPackages = uniqueRefs(bundle.workPackages ?? [], 'workPackages', 'work package', errors);
  const knownWorkPackage = (value: string | undefined, path: PropertyKey[]): void => {
    if (value !== undefined && !workPackages.has(value)) addError(errors, path, `unknown work package '${value}'`);
  };
  (bundle.workPackages ?? []).forEach((workPackage, index) => {
    if (workPackage.lead !== undefined) knownOrganization(workPackage.lead, ['workPackages', index, 'lead']);
  });
  const activities = uniqueRefs(bundle.activities ?? [], 'activities', 'activity', errors);
  (bundle.activities ?? []).forEach((activity, index) => knownWorkPackage(activity.workPackage, ['activities', index, 'workPackage']));
  (bundle.milestones ?? []).forEach((milestone, index) => knownWorkPackage(milestone.workPackage, ['milestones', index, 'workPackage']));
  (bundle.team ?? []).forEach((person, index) => knownOrganization(person.org, ['team', index, 'org']));

  const tasks = new Set<string>();
  bundle.tasks.forEach((task, index) => {
    if (tasks.has(task.ref)) addError(errors, ['tasks', index, 'ref'], `duplicate task ref '${task.ref}'`);
    tasks.add(task.ref);
    if (task.activity !== undefined && !activities.has(task.activity)) addError(errors, ['tasks', index, 'activity'], `unknown activity '${task.activity}'`);
    if (task.start !== undefined && task.end !== undefined && task.end.slice(0, 10) < task.start.slice(0, 10)) addError(errors, ['tasks', index, 'end'], 'the task ends before it starts');
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

  const meetings = new Set<string>();
  bundle.meetings.forEach((meeting, index) => {
    if (meeting.ref === undefined) return;
    if (meetings.has(meeting.ref)) addError(errors, ['meetings', index, 'ref'], `duplicate meeting ref '${meeting.ref}'`);
    meetings.add(meeting.ref);
  });
  bundle.meetings.forEach((meeting, index) => {
    knownOrganization(meeting.chair, ['meetings', index, 'chair']);
    meeting.attendees.forEach((attendee, position) => knownOrganization(attendee, ['meetings', index, 'attendees', position]));
    (meeting.actions ?? []).forEach((action, position) => knownOrganization(action.owner, ['meetings', index, 'actions', position, 'owner']));
  });

  bundle.decisions.forEach((decision, index) => {
    knownOrganizationKeys(decision.involvement, ['decisions', index, 'involvement']);
    knownOrganizationKeys(decision.desired, ['decisions', index, 'desired']);
    if (decision.meeting !== undefined && !meetings.has(decision.meeting)) addError(errors, ['decisions', index, 'meeting'], `unknown meeting '${decision.meeting}'`);
    (decision.contests ?? []).forEach((contest, position) => knownOrganization(contest.org, ['decisions', index, 'contests', position, 'org']));
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
    if (interaction.sender !== undefined && interaction.sender !== interaction.from && interaction.sender !== interaction.to) {
      addError(errors, ['interactions', index, 'sender'], `the sender '${interaction.sender}' must be the organization in from or to`);
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

  (bundle.agreementStatements ?? []).forEach((statement, index) => knownOrganization(statement.org, ['agreementStatements', index, 'org']));
  const numbers = new Set<number>();
  (bundle.agreementVersions ?? []).forEach((version, index) => {
    if (numbers.has(version.number)) addError(errors, ['agreementVersions', index, 'number'], `duplicate agreement version ${version.number}`);
    numbers.add(version.number);
    version.statements.forEach((statement, position) => knownOrganization(statement.org, ['agreementVersions', index, 'statements', position, 'org']));
    version.signoffs.forEach((signoff, position) => knownOrganization(signoff.org, ['agreementVersions', index, 'signoffs', position, 'org']));
  });
}

function checkMembership(member: ProgrammeBundle['members'][number], path: PropertyKey[], errors: BundleIssue[]): void {
  if (member.joined !== undefined && member.left !== undefined && member.left.slice(0, 10) < member.joined.slice(0, 10)) {
    addError(errors, [...path, 'left'], 'the organization leaves before it joins');
  }
}

/** Collects the refs of a list, reporting duplicates. */
function uniqueRefs(list: ReadonlyArray<{ ref: string }>, section: string, noun: string, errors: BundleIssue[]): Set<string> {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.ref)) addError(errors, [section, index, 'ref'], `duplicate ${noun} ref '${item.ref}'`);
    seen.add(item.ref);
  });
  return seen;
}

function addError(errors: BundleIssue[], path: PropertyKey[], text: string): void {
  const pointer = toJsonPointer(path);
  errors.push({ pointer, message: `${text} at ${pointer}` });
}

function addWarning(warnings: BundleIssue[], path: PropertyKey[], text: string): void {
  const pointer = toJsonPointer(path);
  warnings.push({ pointer, message: `${text} at ${pointer}` });
}
