import { z } from 'zod';
import { LANGUAGE_CODE } from '../organizations/codes.js';

const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToNull, schema.nullable()).optional();

export const contact = z.strictObject({
  kind: z.enum(['email', 'phone', 'other']),
  value: z.string().trim().min(1, 'is required').max(300),
});
const language = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase())
  .refine((value) => LANGUAGE_CODE.test(value), 'is not an ISO 639 language code (e.g. "fr", or "mos" for Mooré)');

const personFields = {
  organizationId: optional(z.uuid()),
  position: optional(z.string().trim().max(300)),
  contacts: z.array(contact).max(20).optional(),
  languages: z.array(language).max(20).optional(),
};

export const createPersonBody = z.strictObject({ name: z.string().trim().min(1, 'is required').max(300), ...personFields });
export type CreatePersonInput = z.infer<typeof createPersonBody>;
export const updatePersonBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(300).optional(),
  ...personFields,
  /** The day the change of employer took effect (default: today). */
  changedOn: z.iso.date().optional(),
  version: z.number().int().positive(),
});
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;

export const personListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(512).optional(),
  q: z.string().trim().max(200).optional(),
  organizationId: z.uuid().optional(),
  deleted: z.enum(['true', 'false']).optional(),
});

const organizationRef = z.object({ id: z.uuid(), name: z.string() }).nullable();
export const employment = z.object({ organization: z.object({ id: z.uuid(), name: z.string() }), position: z.string().nullable(), startedOn: z.string().nullable(), endedOn: z.string().nullable() });
export const person = z.object({
  id: z.uuid(),
  name: z.string(),
  organization: organizationRef,
  position: z.string().nullable(),
  contacts: z.array(z.object({ kind: z.string(), value: z.string() })),
  languages: z.array(z.string()),
  deletedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export const personDetail = person.extend({ employments: z.array(employment), canEdit: z.boolean() });
