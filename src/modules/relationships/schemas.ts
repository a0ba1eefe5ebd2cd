import { z } from 'zod';
import { relationshipTypes } from '../../db/schema/index.js';

const day = z.iso.date();
const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToNull, schema.nullable()).optional();

export const createRelationshipBody = z.strictObject({
  sourceOrganizationId: z.uuid(),
  targetOrganizationId: z.uuid(),
  type: z.enum(relationshipTypes),
  startedOn: optional(day),
  endedOn: optional(day),
  notes: optional(z.string().trim().max(5000)),
});
export type CreateRelationshipInput = z.infer<typeof createRelationshipBody>;

export const updateRelationshipBody = z.strictObject({
  type: z.enum(relationshipTypes).optional(),
  startedOn: optional(day),
  endedOn: optional(day),
  notes: optional(z.string().trim().max(5000)),
  version: z.number().int().positive(),
});
export type UpdateRelationshipInput = z.infer<typeof updateRelationshipBody>;

const side = z.object({ id: z.uuid(), name: z.string() });
export const relationship = z.object({
  id: z.uuid(),
  type: z.enum(relationshipTypes),
  source: side,
  target: side,
  /** Label key read from the source's side and from the target's side ("funds" / "funded-by"). */
  labels: z.object({ source: z.string(), target: z.string() }),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  notes: z.string().nullable(),
  deletedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});

export const relationshipListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(512).optional(),
  organizationId: z.uuid().optional(),
  type: z.enum(relationshipTypes).optional(),
});

export const noteBody = z.strictObject({ body: z.string().trim().min(1, 'is required').max(10000), shared: z.boolean().default(false) });
export const updateNoteBody = z.strictObject({ body: z.string().trim().min(1).max(10000).optional(), shared: z.boolean().optional(), version: z.number().int().positive() });
export const note = z.object({
  id: z.uuid(),
  subjectOrganizationId: z.uuid().nullable(),
  relationshipId: z.uuid().nullable(),
  owner: side,
  author: z.string().nullable(),
  body: z.string(),
  shared: z.boolean(),
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
