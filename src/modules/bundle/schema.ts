import { z } from 'zod';

/** The format tag every programme bundle carries; a future incompatible format gets a new number. */
export const BUNDLE_FORMAT = 'consortia.programme-bundle/1';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** True for a real calendar date "YYYY-MM-DD", optionally followed by an ISO time. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.UTC rolls 2025-02-30 over to March: comparing back catches impossible days.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dateString = z
  .string()
  .refine(isIsoDate, { message: 'expected an ISO date (YYYY-MM-DD, optionally with a time)' })
  .meta({ description: 'ISO 8601 date, YYYY-MM-DD (a time may follow)' });

const ref = z.string().min(1, { message: 'expected a non-empty reference' });
const orgRef = ref.meta({ description: 'the ref of an organization in this bundle' });

/** Agreement ingredients are either a yes/no or the text of the clause itself. */
const ingredient = z.union([z.boolean(), z.string()]);

const involvementLevel = z
  .number()
  .int({ message: 'involvement must be a whole number from 0 to 4' })
  .min(0, { message: 'involvement must be from 0 (excluded) to 4 (decides)' })
  .max(4, { message: 'involvement must be from 0 (excluded) to 4 (decides)' });

const ratingLevel = z
  .number()
  .int({ message: 'a rating must be a whole number from 1 to 4' })
  .min(1, { message: 'a rating must be from 1 to 4' })
  .max(4, { message: 'a rating must be from 1 to 4' });

export const memberRoles = ['lead', 'partner', 'affiliated-entity', 'associate', 'vendor', 'funder'] as const;
export const organizationScopes = ['local', 'national', 'regional', 'international'] as const;
export const programmeStatuses = ['identification', 'formulation', 'contracting', 'implementation', 'closure', 'closed'] as const;
export const taskStatuses = ['planned', 'in-progress', 'done', 'cancelled'] as const;
export const meetingKinds = ['steering-committee', 'coordination', 'technical', 'field-visit', 'other'] as const;
export const actionStatuses = ['open', 'in-progress', 'done', 'dropped'] as const;

const email = z.string().min(3).meta({ description: 'the e-mail of a user of the instance; matched on import, left out when no user has it' });

/**
 * Builds the bundle schema. `strict` rejects unknown keys so the validator can report them as
 * warnings; the lenient variant (the published one) strips them.
 */
export function buildBundleSchema(strict: boolean) {
  const object = strict ? z.strictObject : z.object;

  const programme = object({
    ref,
    title: z.string().min(1),
    start: dateString,
    end: dateString,
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'expected an ISO 4217 currency code such as EUR' }),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 country code' })),
    budgetTransparent: z
      .boolean()
      .default(true)
      .meta({ description: 'whether every member sees the whole budget (on by default)' }),
    summary: z.string().optional(),
    status: z.enum(programmeStatuses).optional().meta({ description: 'lifecycle status (identification when absent)' }),
    localities: z.array(z.string().min(1)).optional(),
    sectors: z.array(z.string().min(1)).optional().meta({ description: 'OECD DAC sector codes or names' }),
    donors: z.array(z.string().min(1)).optional(),
    logframe: object({
      overallObjective: z.string(),
      specificObjectives: z.array(
        object({
          text: z.string(),
          results: z.array(
            object({
              text: z.string(),
              indicators: z.array(object({ text: z.string(), baseline: z.string().optional(), target: z.string().optional() })),
              activities: z.array(z.string()),
            }),
          ),
        }),
      ),
    })
      .optional()
      .meta({ description: 'overall objective, specific objectives, results with indicators, activities' }),
  });

  const organization = object({
    ref,
    name: z.string().min(1),
    identifier: z.string().min(1).optional().meta({ description: 'IATI organisation identifier' }),
    type: z
      .union([z.string().regex(/^\d{2}$/), z.number().int().min(10).max(99)])
      .optional()
      .meta({ description: 'IATI OrganisationType code, e.g. "22" for a national NGO' }),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 country code' })
      .optional(),
    scope: z.enum(organizationScopes).optional(),
  });

  const member = object({
    org: orgRef,
    role: z.enum(memberRoles),
    iatiRole: z.number().int().min(1).max(4).optional().meta({ description: 'IATI OrganisationRole (1 Funding, 2 Accountable, 3 Extending, 4 Implementing); the default for the role when absent' }),
    joined: dateString.optional().meta({ description: 'the day it joined (the programme start when absent)' }),
    left: dateString.optional().meta({ description: 'the day it leaves or left the consortium' }),
    plannedShare: z.number().min(0).max(100).optional().meta({ description: 'the planned share of the budget, in percent' }),
    focalPoint: email.optional(),
  });

  const workPackage = object({
    ref,
    title: z.string().min(1),
    description: z.string().optional(),
    lead: orgRef.optional(),
  });

  const activity = object({
    ref,
    workPackage: ref.meta({ description: 'the ref of a work package in this bundle' }),
    title: z.string().min(1),
    description: z.string().optional(),
  });

  const milestone = object({
    title: z.string().min(1),
    due: dateString,
    achieved: dateString.optional(),
    workPackage: ref.optional().meta({ description: 'the ref of a work package in this bundle' }),
  });

  const teamMember = object({
    org: orgRef.meta({ description: 'the member organization the person represents' }),
    name: z.string().min(1),
    email: z.string().min(3).optional().meta({ description: 'linked to the user with this e-mail on import, when there is one' }),
    role: z.string().min(1).meta({ description: 'the role in the programme' }),
  });

  const task = object({
    ref,
    title: z.string().min(1),
    locality: z.string().min(1).optional(),
    raci: z.record(z.string(), z.enum(['R', 'A', 'C', 'I'])).optional(),
    activity: ref.optional().meta({ description: 'the ref of an activity in this bundle' }),
    description: z.string().optional(),
    start: dateString.optional(),
    end: dateString.optional(),
    deliverables: z.array(z.string().min(1)).optional(),
    status: z.enum(taskStatuses).optional().meta({ description: 'planned when absent' }),
  });

  const budgetLine = object({
    org: orgRef,
    amount: z.number().nonnegative(),
    category: z.string().optional(),
    ownContribution: z
      .union([z.boolean(), z.number().nonnegative()])
      .optional()
      .meta({ description: 'true when the whole line is the organization\'s own contribution, or the amount it contributes' }),
    indirectCosts: z
      .number()
      .nonnegative()
      .optional()
      .meta({ description: 'the part of the amount that covers indirect (overhead) costs' }),
  });

  const meetingAction = object({
    description: z.string().min(1),
    owner: orgRef,
    ownerEmail: email.optional(),
    due: dateString.optional(),
    status: z.enum(actionStatuses).optional().meta({ description: 'open when absent' }),
  });

  const meeting = object({
    ref: ref.optional().meta({ description: 'a name for the meeting, local to the bundle, that decisions may refer to' }),
    date: dateString,
    kind: z.enum(meetingKinds).optional().meta({ description: 'other when absent' }),
    title: z.string().optional(),
    chair: orgRef,
    attendees: z.array(orgRef),
    participants: z.array(email).optional().meta({ description: 'e-mails of the people who came' }),
    agenda: z.string().optional().meta({ description: 'Markdown' }),
    minutes: z.string().optional().meta({ description: 'Markdown' }),
    actions: z.array(meetingAction).optional().meta({ description: 'follow-up actions with owners and due dates' }),
  });

  const contest = object({
    org: orgRef.meta({ description: 'the organization contesting the level recorded for itself' }),
    comment: z.string().min(1),
    contested: involvementLevel.optional().meta({ description: 'the level recorded when it contested' }),
    claimed: involvementLevel.optional().meta({ description: 'the level it says was right' }),
    date: dateString.optional(),
    withdrawn: dateString.optional(),
  });

  const decision = object({
    date: dateString,
    title: z.string().min(1),
    topic: z.string().optional(),
    description: z.string().optional(),
    scope: z.enum(['programme', 'local']),
    locality: z.string().min(1).optional(),
    involvement: z.record(z.string(), involvementLevel),
    desired: z.record(z.string(), involvementLevel).optional(),
    meeting: ref.optional().meta({ description: 'the ref of the meeting (in this bundle) where it was taken' }),
    contests: z.array(contest).optional(),
  });

  const interaction = object({
    date: dateString,
    from: orgRef.meta({ description: 'the organization that initiated it' }),
    to: orgRef,
    sender: orgRef
      .optional()
      .meta({ description: 'the organization the exchange went from, when it is not the one that initiated it (a reply to a request): `to`' }),
    channel: z.string().optional(),
    subject: z.string().optional(),
  });

  const learning = object({
    date: dateString,
    from: orgRef.meta({ description: 'the organization that shared the knowledge' }),
    to: orgRef.meta({ description: 'the organization that learned' }),
    topic: z.string().min(1),
    kind: z.enum(['exchange', 'capacity-building']).optional(),
    description: z.string().optional(),
  });

  const rating = object({
    date: dateString.optional(),
    rater: orgRef,
    ratee: orgRef,
    trust: ratingLevel,
    value: ratingLevel,
    comment: z.string().optional(),
  });

  const agreement = object({
    isPartnership: ingredient,
    sharedObjectives: ingredient,
    expectationsBothWays: ingredient,
    transparency: ingredient,
    mutualLearning: ingredient,
  });

  const statement = object({ org: orgRef, contributions: z.string(), expectations: z.string() });
  const agreementVersion = object({
    number: z.number().int().min(1),
    date: dateString.optional(),
    note: z.string().optional(),
    clauses: z.record(z.string(), z.string().nullable()).meta({ description: 'the text of each clause as published' }),
    statements: z.array(statement),
    signoffs: z.array(object({ org: orgRef, date: dateString.optional(), by: email.optional() })).default([]),
  });

  return object({
    format: z.literal(BUNDLE_FORMAT),
    programme,
    organizations: z.array(organization),
    // Lists default to empty so a sparse bundle (only a budget, say) is still a bundle.
    members: z.array(member).default([]),
    formerMembers: z
      .array(member)
      .optional()
      .meta({ description: 'organizations that have left the consortium (kept apart from members, which the analysis reads as the current consortium)' }),
    workPackages: z.array(workPackage).optional(),
    activities: z.array(activity).optional(),
    tasks: z.array(task).default([]),
    milestones: z.array(milestone).optional(),
    team: z.array(teamMember).optional(),
    budget: z.array(budgetLine).default([]),
    meetings: z.array(meeting).default([]),
    decisions: z.array(decision).default([]),
    interactions: z.array(interaction).default([]),
    learning: z.array(learning).default([]),
    ratings: z.array(rating).default([]),
    agreement: agreement.optional(),
    agreementMonitoring: z.string().optional().meta({ description: 'the agreement\'s clause on how progress is monitored and how each member accounts for resources' }),
    agreementStatements: z.array(statement).optional().meta({ description: 'what each member contributes to and expects from the partnership, in its own words' }),
    agreementVersions: z.array(agreementVersion).optional().meta({ description: 'published versions of the agreement, with the members that signed each' }),
  });
}

/** The published schema of `consortia.programme-bundle/1` (unknown fields are stripped). */
export const programmeBundleSchema = buildBundleSchema(false).meta({
  title: 'Consortia programme bundle',
  description: 'A whole programme in one JSON document (format consortia.programme-bundle/1).',
});

export type ProgrammeBundle = z.output<typeof programmeBundleSchema>;
export type ProgrammeBundleInput = z.input<typeof programmeBundleSchema>;
export type BundleOrganization = ProgrammeBundle['organizations'][number];
export type BundleMember = ProgrammeBundle['members'][number];
export type BundleTask = ProgrammeBundle['tasks'][number];
export type BundleBudgetLine = ProgrammeBundle['budget'][number];
export type BundleMeeting = ProgrammeBundle['meetings'][number];
export type BundleDecision = ProgrammeBundle['decisions'][number];
export type BundleInteraction = ProgrammeBundle['interactions'][number];
export type BundleLearning = ProgrammeBundle['learning'][number];
export type BundleRating = ProgrammeBundle['ratings'][number];
export type BundleAgreement = NonNullable<ProgrammeBundle['agreement']>;
export type BundleAgreementVersion = NonNullable<ProgrammeBundle['agreementVersions']>[number];
export type BundleWorkPackage = NonNullable<ProgrammeBundle['workPackages']>[number];
export type BundleActivity = NonNullable<ProgrammeBundle['activities']>[number];
export type MemberRole = (typeof memberRoles)[number];
