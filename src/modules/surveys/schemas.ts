import { z } from 'zod';
import { instrumentKinds } from '../../db/schema/index.js';
import { instrumentDefinitionSchema } from './instrument-definition.js';

export const idParams = z.object({ id: z.uuid() });
export const tokenParams = z.object({ token: z.string().min(20).max(200) });

const bilingual = z.object({ en: z.string(), fr: z.string() });

export const instrumentDetail = z.object({
  id: z.uuid(),
  builtIn: z.boolean(),
  key: z.string().nullable(),
  organizationId: z.uuid().nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
  definition: z.object({
    title: bilingual,
    description: bilingual,
    frameworks: z.array(z.string()),
    kind: z.enum(instrumentKinds),
    perTarget: z.boolean(),
    scales: z.record(z.string(), z.object({ values: z.array(z.number()), labels: z.object({ en: z.array(z.string()), fr: z.array(z.string()) }) })),
    items: z.array(z.object({ key: z.string(), dimension: z.string(), scale: z.string(), reverse: z.boolean(), text: bilingual })),
    comments: z.object({ enabled: z.boolean(), prompt: bilingual }),
  }),
});
export type InstrumentDetail = z.infer<typeof instrumentDetail>;

export const createInstrumentBody = z.strictObject({ definition: instrumentDefinitionSchema });
export const updateInstrumentBody = z.strictObject({ version: z.number().int().min(1), definition: instrumentDefinitionSchema });

export const listRoundsQuery = z.object({
  programmeId: z.uuid().optional(),
  /** 'organization': the rounds run inside your own organization. */
  scope: z.enum(['programme', 'organization']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(512).optional(),
});

export const createRoundBody = z
  .strictObject({
    instrumentId: z.uuid(),
    /** The programme the round runs in; null or absent: a round inside your own organization. */
    programmeId: z.uuid().nullable().optional(),
    title: z.string().trim().min(1).max(200),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    minGroupSize: z.number().int().min(3).max(1000).optional(),
    commentsEnabled: z.boolean().optional(),
  })
  .refine((body) => Date.parse(body.closesAt) > Date.parse(body.opensAt), { path: ['closesAt'], message: 'must be after opensAt' });
export type CreateRoundInput = z.infer<typeof createRoundBody>;

export const closeRoundBody = z.strictObject({ version: z.number().int().min(1) });

export const roundDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  instrumentId: z.uuid(),
  instrumentTitle: bilingual,
  kind: z.enum(instrumentKinds),
  perTarget: z.boolean(),
  programmeId: z.uuid().nullable(),
  organizationId: z.uuid(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  status: z.enum(['scheduled', 'open', 'closed']),
  minGroupSize: z.number().int(),
  commentsEnabled: z.boolean(),
  version: z.number().int(),
  canManage: z.boolean(),
});
export type RoundDetail = z.infer<typeof roundDetail>;

const recipientInput = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  organizationId: z.uuid(),
  language: z.enum(['en', 'fr']).optional(),
});

export const addRecipientsBody = z.strictObject({
  recipients: z.array(recipientInput).max(500).default([]),
  /** Also send the round to every active user of these organizations (members of the programme). */
  usersOfOrganizations: z.array(z.uuid()).max(100).default([]),
});
export type AddRecipientsInput = z.infer<typeof addRecipientsBody>;

export const recipientSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  language: z.enum(['en', 'fr']),
  answered: z.boolean(),
});

export const issuedLinks = z.object({
  links: z.array(z.object({ recipientId: z.uuid(), name: z.string(), email: z.string(), organizationId: z.uuid(), url: z.string(), token: z.string() })),
});

export const progressDetail = z.object({
  recipients: z.number().int(),
  answered: z.number().int(),
  byOrganization: z.array(z.object({ organizationId: z.uuid(), name: z.string(), recipients: z.number().int(), answered: z.number().int() })),
  items: z.array(recipientSummary),
});

/** One answer in a submission or a draft: an item, the organization rated (dyadic instruments), and a value of the item's scale. */
export const answerInput = z.strictObject({ item: z.string().min(1).max(60), target: z.uuid().optional(), value: z.number().int() });
export const answersBody = z.strictObject({
  answers: z.array(answerInput).max(2_000),
  comment: z.string().max(4_000).nullable().optional(),
  language: z.enum(['en', 'fr']).optional(),
});
export type AnswersInput = z.infer<typeof answersBody>;

export const answerLanguageQuery = z.object({ lang: z.enum(['en', 'fr']).optional() });

export const answeringForm = z.object({
  roundTitle: z.string(),
  language: z.enum(['en', 'fr']),
  closesAt: z.string(),
  title: z.string(),
  description: z.string(),
  recipientOrganization: z.object({ id: z.uuid(), name: z.string() }),
  targets: z.array(z.object({ id: z.uuid(), name: z.string() })),
  scales: z.record(z.string(), z.object({ options: z.array(z.object({ value: z.number(), label: z.string() })) })),
  groups: z.array(z.object({ dimension: z.string(), items: z.array(z.object({ key: z.string(), text: z.string(), scale: z.string() })) })),
  comments: z.object({ enabled: z.boolean(), prompt: z.string() }),
  draft: z.object({ answers: z.array(z.object({ item: z.string(), target: z.string().optional(), value: z.number() })), comment: z.string().nullable() }).nullable(),
});

const mean = z.object({ key: z.string(), mean: z.number() });
const groupFigures = z.object({ key: z.string(), name: z.string().optional(), respondents: z.number().int(), overall: z.number(), dimensions: z.array(mean), items: z.array(mean) });
const hiddenReason = z.enum(['round-open', 'too-few-respondents', 'group-too-small', 'remainder-too-small', 'comments-off']);
const breakdown = z.object({ shown: z.boolean(), reason: hiddenReason.optional(), groups: z.array(groupFigures) });

export const roundResults = z.object({
  round: roundDetail,
  k: z.number().int(),
  respondents: z.number().int(),
  shown: z.boolean(),
  reason: hiddenReason.optional(),
  dimensions: z.array(z.object({ key: z.string(), items: z.array(z.object({ key: z.string(), reverse: z.boolean(), text: bilingual })) })),
  scale: z.object({ min: z.number(), max: z.number() }),
  total: groupFigures.nullable(),
  givenBy: breakdown.nullable(),
  leadVsPartners: breakdown.extend({ gap: z.object({ overall: z.number(), dimensions: z.array(mean) }).nullable() }).nullable(),
  receivedBy: breakdown.nullable(),
  comments: z.object({ shown: z.boolean(), reason: hiddenReason.optional(), texts: z.array(z.string()) }),
  overRounds: z.array(z.object({ roundId: z.uuid(), title: z.string(), closesAt: z.string(), respondents: z.number().int(), shown: z.boolean(), overall: z.number().nullable(), dimensions: z.array(mean) })),
});
export type RoundResults = z.infer<typeof roundResults>;
