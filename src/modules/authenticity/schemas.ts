import { z } from 'zod';
import { dimensionKeys } from '../analytics/types.js';

const metricValue = z.union([z.number(), z.boolean(), z.null()]);
const localized = z.object({ en: z.string(), fr: z.string() });
const verdict = z.enum(['genuine', 'developing', 'nominal']);

export const profileSchema = z.object({
  verdict,
  confidence: z.number(),
  dimensions: z.array(
    z.object({
      key: z.enum(dimensionKeys),
      score: z.number().nullable(),
      metrics: z.array(z.object({ key: z.string(), value: metricValue, explanation: z.string() })),
    }),
  ),
  flags: z.array(
    z.object({ key: z.string(), severity: z.enum(['info', 'warning', 'severe']), message: localized, evidence: z.record(z.string(), z.unknown()) }),
  ),
});

export const profileQuery = z.object({
  at: z.iso.date().optional(),
});

export const trendSchema = z.object({
  points: z.array(
    z.object({
      quarter: z.number().int(),
      start: z.string(),
      end: z.string(),
      verdict,
      confidence: z.number(),
      overall: z.number().nullable(),
      scores: z.record(z.string(), z.number().nullable()),
      flags: z.array(z.string()),
    }),
  ),
});

const organizationNode = z.object({ ref: z.string(), name: z.string(), role: z.string().nullable(), local: z.boolean() });

export const evidenceSchema = z.object({
  organizations: z.array(organizationNode),
  interactions: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
  learning: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int(), capacityBuilding: z.number().int() })),
  budget: z.object({
    transparent: z.boolean(),
    /** Amounts are shown only to those who may see the whole budget; shares to every member. */
    amountsVisible: z.boolean(),
    shares: z.array(z.object({ org: z.string(), share: z.number(), amount: z.number().nullable() })),
  }),
  decisions: z.array(
    z.object({
      date: z.string(),
      title: z.string(),
      scope: z.enum(['programme', 'local']),
      locality: z.string().nullable(),
      involvement: z.record(z.string(), z.number().int()),
      desired: z.record(z.string(), z.number().int()),
    }),
  ),
});

export const portfolioSchema = z.object({
  programmes: z.array(z.object({ id: z.uuid(), ref: z.string(), title: z.string(), verdict, confidence: z.number() })),
  summary: z.object({
    programmes: z.number().int(),
    verdicts: z.object({ genuine: z.number().int(), developing: z.number().int(), nominal: z.number().int() }),
    meanConfidence: z.number().nullable(),
    dimensions: z.array(z.object({ key: z.string(), mean: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(), measured: z.number().int() })),
    weakestDimension: z.string().nullable(),
    flags: z.array(z.object({ key: z.string(), severity: z.enum(['info', 'warning', 'severe']), programmes: z.array(z.string()) })),
  }),
});

/** The thresholds document: an override of the defaults (partial), and the effective values. */
export const thresholdsResponse = z.object({ override: z.record(z.string(), z.unknown()), effective: z.record(z.string(), z.unknown()) });
export const thresholdsBody = z.record(z.string(), z.unknown());
