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

  const member = object({ org: orgRef, role: z.enum(memberRoles) });

  const task = object({
    ref,
    title: z.string().min(1),
    locality: z.string().min(1).optional(),
    raci: z.record(z.string(), z.enum(['R', 'A', 'C', 'I'])).optional(),
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

  const meeting = object({
    date: dateString,
    title: z.string().optional(),
    chair: orgRef,
    attendees: z.array(orgRef),
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
  });

  const interaction = object({
    date: dateString,
    from: orgRef.meta({ description: 'the organization that initiated it' }),
    to: orgRef,
    channel: z.string().optional(),
    subject: z.string().optional(),
  });

  const learning = object({
    date: dateString,
    from: orgRef.meta({ description: 'the organization that shared the knowledge' }),
    to: orgRef.meta({ description: 'the organization that learned' }),
    topic: z.string().min(1),
    kind: z.enum(['exchange', 'capacity-building']).optional(),
  });

  const rating = object({
    date: dateString.optional(),
    rater: orgRef,
    ratee: orgRef,
    trust: ratingLevel,
    value: ratingLevel,
  });

  const agreement = object({
    isPartnership: ingredient,
    sharedObjectives: ingredient,
    expectationsBothWays: ingredient,
    transparency: ingredient,
    mutualLearning: ingredient,
  });

  return object({
    format: z.literal(BUNDLE_FORMAT),
    programme,
    organizations: z.array(organization),
    // Lists default to empty so a sparse bundle (only a budget, say) is still a bundle.
    members: z.array(member).default([]),
    tasks: z.array(task).default([]),
    budget: z.array(budgetLine).default([]),
    meetings: z.array(meeting).default([]),
    decisions: z.array(decision).default([]),
    interactions: z.array(interaction).default([]),
    learning: z.array(learning).default([]),
    ratings: z.array(rating).default([]),
    agreement: agreement.optional(),
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
export type MemberRole = (typeof memberRoles)[number];
