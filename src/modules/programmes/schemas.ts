import { z } from 'zod';
import { consortiumRoles, programmeStatuses, raciValues, taskStatuses } from '../../db/schema/index.js';

export const programmeSummary = z.object({
  id: z.uuid(),
  ref: z.string(),
  title: z.string(),
  status: z.enum(programmeStatuses),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  currency: z.string(),
  countries: z.array(z.string()),
  lead: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The viewer's own part: 'manager' or 'observer' when they hold that programme role, else their organization's role. */
  myRole: z.enum([...consortiumRoles, 'observer', 'manager']),
  /** The role of the viewer's organization in the consortium (null when it is not a current member). */
  organizationRole: z.enum(consortiumRoles).nullable(),
});

export const programmeParams = z.object({ id: z.uuid() });
export const childParams = z.object({ id: z.uuid(), childId: z.uuid() });

const isoDate = z.iso.date();
const countryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 country code' });
const shortText = z.string().trim().min(1).max(500);
const longText = z.string().max(20_000);
const versionField = z.number().int().min(1);

export const logframeSchema = z.strictObject({
  overallObjective: z.string().max(2_000),
  specificObjectives: z
    .array(
      z.strictObject({
        text: z.string().max(2_000),
        results: z
          .array(
            z.strictObject({
              text: z.string().max(2_000),
              indicators: z
                .array(z.strictObject({ text: z.string().max(1_000), baseline: z.string().max(200).optional(), target: z.string().max(200).optional() }))
                .max(50),
              activities: z.array(z.string().max(1_000)).max(100),
            }),
          )
          .max(50),
      }),
    )
    .max(20),
});

const programmeFields = {
  title: shortText,
  summary: longText.nullable().optional(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'expected an ISO 4217 currency code such as EUR' }).optional(),
  countries: z.array(countryCode).max(60).optional(),
  localities: z.array(shortText).max(200).optional(),
  sectors: z.array(shortText).max(50).optional(),
  donors: z.array(shortText).max(50).optional(),
  budgetTransparent: z.boolean().optional(),
  logframe: logframeSchema.nullable().optional(),
};

export const createProgrammeBody = z.strictObject({
  ref: z.string().trim().min(1).max(60),
  ...programmeFields,
  /** The lead organization; the creator's own organization when omitted. null: no lead yet. */
  leadOrganizationId: z.uuid().nullable().optional(),
});
export type CreateProgrammeInput = z.infer<typeof createProgrammeBody>;

export const updateProgrammeBody = z.strictObject({
  version: versionField,
  ref: z.string().trim().min(1).max(60).optional(),
  ...programmeFields,
  title: shortText.optional(),
});
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeBody>;

export const changeStatusBody = z.strictObject({ version: versionField, status: z.enum(programmeStatuses) });

export const programmeDetail = z.object({
  id: z.uuid(),
  ref: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  status: z.enum(programmeStatuses),
  allowedTransitions: z.array(z.enum(programmeStatuses)),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  currency: z.string(),
  countries: z.array(z.string()),
  localities: z.array(z.string()),
  sectors: z.array(z.string()),
  donors: z.array(z.string()),
  budgetTransparent: z.boolean(),
  logframe: z.unknown().nullable(),
  version: z.number().int(),
  lead: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  me: z.object({
    consortiumRole: z.enum(consortiumRoles).nullable(),
    userRole: z.enum(['manager', 'observer']).nullable(),
    organizationId: z.uuid(),
    canManage: z.boolean(),
    canContribute: z.boolean(),
    canViewWholeBudget: z.boolean(),
  }),
});

// Consortium

export const member = z.object({
  id: z.uuid(),
  organization: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), country: z.string().nullable(), identifier: z.string().nullable() }),
  role: z.enum(consortiumRoles),
  iatiRole: z.number().int(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  active: z.boolean(),
  focalPoint: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  plannedShare: z.number().nullable(),
  version: z.number().int(),
});
export const iatiRole = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const addMemberBody = z.strictObject({
  organizationId: z.uuid(),
  role: z.enum(consortiumRoles),
  iatiRole: iatiRole.optional(),
  joinedOn: isoDate.nullable().optional(),
  focalPointUserId: z.uuid().nullable().optional(),
  plannedShare: z.number().min(0).max(100).nullable().optional(),
});
export const updateMemberBody = z.strictObject({
  version: versionField,
  role: z.enum(consortiumRoles).optional(),
  iatiRole: iatiRole.optional(),
  joinedOn: isoDate.nullable().optional(),
  leftOn: isoDate.nullable().optional(),
  focalPointUserId: z.uuid().nullable().optional(),
  plannedShare: z.number().min(0).max(100).nullable().optional(),
});
export const programmeInvitationBody = z.strictObject({
  email: z.email().max(254),
  organizationId: z.uuid(),
  programmeRole: z.enum(['member', 'observer']),
});
export const programmeInvitationCreated = z.object({
  id: z.uuid().nullable(),
  email: z.string(),
  programmeRole: z.enum(['member', 'observer']),
  link: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** True when the person already had an account and was given the observer role directly. */
  grantedDirectly: z.boolean(),
});
export const programmeUser = z.object({ id: z.uuid(), userId: z.uuid(), name: z.string(), email: z.string(), organization: z.string(), role: z.enum(['manager', 'observer']) });

// Action plan

export const raciSchema = z.record(z.uuid(), z.enum(raciValues));
export const createWorkPackageBody = z.strictObject({
  code: z.string().max(20).nullable().optional(),
  title: shortText,
  description: longText.nullable().optional(),
  position: z.number().int().min(0).optional(),
  leadOrganizationId: z.uuid().nullable().optional(),
});
export const updateWorkPackageBody = createWorkPackageBody.partial().extend({ version: versionField });
export const createActivityBody = z.strictObject({
  workPackageId: z.uuid(),
  code: z.string().max(20).nullable().optional(),
  title: shortText,
  description: longText.nullable().optional(),
  position: z.number().int().min(0).optional(),
});
export const updateActivityBody = createActivityBody.partial().extend({ version: versionField });
export const createTaskBody = z.strictObject({
  activityId: z.uuid().nullable().optional(),
  ref: z.string().trim().min(1).max(60).optional(),
  title: shortText,
  description: longText.nullable().optional(),
  locality: z.string().trim().max(200).nullable().optional(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  deliverables: z.array(shortText).max(50).optional(),
  status: z.enum(taskStatuses).optional(),
  position: z.number().int().min(0).optional(),
  raci: raciSchema,
});
export type CreateTaskInput = z.infer<typeof createTaskBody>;
export const updateTaskBody = createTaskBody.partial().extend({ version: versionField });
export type UpdateTaskInput = z.infer<typeof updateTaskBody>;
export const createMilestoneBody = z.strictObject({
  workPackageId: z.uuid().nullable().optional(),
  title: shortText,
  dueDate: isoDate,
  achievedOn: isoDate.nullable().optional(),
});
export const updateMilestoneBody = createMilestoneBody.partial().extend({ version: versionField });
export const versionQuery = z.object({ version: z.coerce.number().int().min(1) });

// Budget

const money = z.number().min(0).max(1e13);
export const createBudgetLineBody = z.strictObject({
  organizationId: z.uuid(),
  category: z.string().trim().max(200).nullable().optional(),
  description: z.string().max(2_000).nullable().optional(),
  amount: money,
  indirectCosts: money.optional(),
  ownContribution: money.optional(),
});
export const updateBudgetLineBody = createBudgetLineBody.partial().extend({ version: versionField });

// Agreement

export const agreementIngredients = ['partnershipStatement', 'sharedObjectives', 'expectationsClause', 'transparency', 'monitoring', 'mutualLearning'] as const;
export const updateAgreementBody = z.strictObject({
  version: versionField,
  partnershipStatement: longText.nullable().optional(),
  sharedObjectives: longText.nullable().optional(),
  expectationsClause: longText.nullable().optional(),
  transparency: longText.nullable().optional(),
  monitoring: longText.nullable().optional(),
  mutualLearning: longText.nullable().optional(),
});
export const statementParams = z.object({ id: z.uuid(), organizationId: z.uuid() });
export const putStatementBody = z.strictObject({
  /** The version read; omit when writing the organization's first statement. */
  version: versionField.optional(),
  contributions: longText,
  expectations: longText,
});
export const publishAgreementBody = z.strictObject({ version: versionField, note: z.string().max(1_000).optional() });

// Team

export const createTeamMemberBody = z.strictObject({
  organizationId: z.uuid(),
  personId: z.uuid().nullable().optional(),
  userId: z.uuid().nullable().optional(),
  name: shortText.optional(),
  email: z.email().max(254).nullable().optional(),
  programmeRole: shortText,
});
export const updateTeamMemberBody = z.strictObject({
  version: versionField,
  name: shortText.optional(),
  email: z.email().max(254).nullable().optional(),
  programmeRole: shortText.optional(),
});

// Answers of the action plan, budget and agreement routes

const raciAnswer = z.record(z.string(), z.enum(raciValues));
export const workPackageAnswer = z.object({ id: z.uuid(), code: z.string().nullable(), title: z.string(), description: z.string().nullable(), position: z.number().int(), leadOrganizationId: z.uuid().nullable(), version: z.number().int() });
export const activityAnswer = z.object({ id: z.uuid(), workPackageId: z.uuid(), code: z.string().nullable(), title: z.string(), description: z.string().nullable(), position: z.number().int(), version: z.number().int() });
export const taskAnswer = z.object({
  id: z.uuid(),
  ref: z.string(),
  activityId: z.uuid().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  locality: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  deliverables: z.array(z.string()),
  status: z.enum(taskStatuses),
  raci: raciAnswer,
  version: z.number().int(),
});
export const milestoneAnswer = z.object({ id: z.uuid(), workPackageId: z.uuid().nullable(), title: z.string(), dueDate: z.string(), achievedOn: z.string().nullable(), version: z.number().int() });
export const planTreeAnswer = z.object({
  workPackages: z.array(
    workPackageAnswer.omit({ position: true }).extend({ activities: z.array(activityAnswer.omit({ workPackageId: true, position: true }).extend({ tasks: z.array(taskAnswer) })) }),
  ),
  unplacedTasks: z.array(taskAnswer),
  milestones: z.array(milestoneAnswer),
});
export const timelineAnswer = z.object({
  start: z.string().nullable(),
  end: z.string().nullable(),
  rows: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['work-package', 'activity', 'task', 'milestone']),
      parentId: z.uuid().nullable(),
      title: z.string(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      locality: z.string().nullable(),
      accountableOrganizationId: z.uuid().nullable(),
      status: z.string().nullable(),
    }),
  ),
});
const raciCounts = z.object({ R: z.number().int(), A: z.number().int(), C: z.number().int(), I: z.number().int() });
export const raciMatrixAnswer = z.object({
  organizations: z.array(z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), role: z.string().nullable(), counts: raciCounts })),
  tasks: z.array(z.object({ id: z.uuid(), ref: z.string(), title: z.string(), locality: z.string().nullable(), raci: raciAnswer })),
});

export const budgetLineAnswer = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  category: z.string().nullable(),
  description: z.string().nullable(),
  amount: z.number(),
  indirectCosts: z.number(),
  ownContribution: z.number(),
  version: z.number().int(),
});
export const budgetAnswer = z.object({
  scope: z.enum(['whole', 'own']),
  lines: z.array(budgetLineAnswer),
  totals: z.object({
    total: z.number(),
    indirectCosts: z.number(),
    ownContribution: z.number(),
    organizations: z.array(
      z.object({
        organizationId: z.uuid(),
        name: z.string(),
        acronym: z.string().nullable(),
        role: z.string().nullable(),
        lines: z.number().int(),
        amount: z.number(),
        indirectCosts: z.number(),
        ownContribution: z.number(),
        share: z.number(),
        plannedShare: z.number().nullable(),
        shareGap: z.number().nullable(),
      }),
    ),
  }),
});

export const agreementAnswer = z.object({
  ingredients: z.object(Object.fromEntries(agreementIngredients.map((key) => [key, z.string().nullable()])) as Record<(typeof agreementIngredients)[number], z.ZodNullable<z.ZodString>>),
  publishedNumber: z.number().int(),
  version: z.number().int(),
  statements: z.array(z.object({ organizationId: z.uuid(), organizationName: z.string(), contributions: z.string(), expectations: z.string(), version: z.number().int(), updatedAt: z.string() })),
  versions: z.array(
    z.object({
      number: z.number().int(),
      note: z.string().nullable(),
      createdAt: z.string(),
      signoffs: z.array(z.object({ organizationId: z.uuid(), organizationName: z.string(), signedAt: z.string() })),
    }),
  ),
});
export const agreementVersionAnswer = z.object({ version: z.number().int() });
export const statementAnswer = z.object({ organizationId: z.uuid(), contributions: z.string(), expectations: z.string(), version: z.number().int() });
export const publishedAnswer = z.object({ number: z.number().int(), version: z.number().int() });
export const signoffAnswer = z.object({ versionNumber: z.number().int(), organizationId: z.uuid(), signedAt: z.string() });

/** A user of a member organization, for choosing its focal point. */
export const memberUserAnswer = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
