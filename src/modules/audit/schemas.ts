import { z } from 'zod';
import { auditActions } from '../../db/schema/index.js';
import { pageQuery } from '../../lib/pagination.js';

export const auditQuery = pageQuery.extend({
  table: z.string().regex(/^[a-z_]{1,63}$/, 'is not a table name').optional(),
  recordId: z.string().min(1).max(200).optional(),
  programmeId: z.uuid().optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  transactionId: z.number().int(),
  actor: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  table: z.string(),
  recordId: z.string(),
  action: z.enum(auditActions),
  programmeId: z.string().nullable(),
  organizationId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
