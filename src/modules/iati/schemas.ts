// Request and response schemas of the IATI API.
import { z } from 'zod';

const position = { line: z.number(), column: z.number() };

export const iatiSummary = z.object({
  activities: z.number(),
  organizations: z.object({ created: z.number(), matched: z.number() }),
  participations: z.object({ funding: z.number(), accountable: z.number(), extending: z.number(), implementing: z.number() }),
  transactions: z.number(),
  budgets: z.number(),
  warnings: z.array(z.object({ ...position, element: z.string(), reason: z.string(), iatiIdentifier: z.string().optional() })),
  skipped: z.array(z.object({ ...position, iatiIdentifier: z.string().nullable(), reason: z.string() })),
});

export const iatiImportError = z.object({ code: z.string(), reason: z.string(), ...position });

export const iatiImport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  publisher: z.string().nullable(),
  source: z.enum(['cli', 'web']),
  status: z.enum(['queued', 'running', 'done', 'refused', 'failed']),
  sizeBytes: z.number(),
  bytesRead: z.number(),
  /** bytesRead / sizeBytes, 0..1. */
  progress: z.number(),
  summary: iatiSummary.nullable(),
  error: iatiImportError.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type IatiImportView = z.infer<typeof iatiImport>;

export const iatiImportListItem = iatiImport.omit({ summary: true }).extend({
  counts: z.object({ activities: z.number(), warnings: z.number(), skipped: z.number() }).nullable(),
});

export const importParams = z.object({ id: z.uuid() });
export const uploadQuery = z.object({ name: z.string().trim().min(1).max(255).optional() });

export const analysisQuery = z.object({
  publisher: z.string().trim().min(1).max(200).optional(),
  country: z.string().trim().regex(/^[A-Za-z]{2}$/, 'is not an ISO 3166-1 alpha-2 country code').transform((code) => code.toUpperCase()).optional(),
  currency: z.string().trim().regex(/^[A-Za-z]{3}$/, 'is not an ISO 4217 currency code').transform((code) => code.toUpperCase()).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AnalysisQuery = z.infer<typeof analysisQuery>;
