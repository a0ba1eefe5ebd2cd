import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export type Verdict = 'genuine' | 'developing' | 'nominal';
export type DimensionKey = 'resources' | 'responsibility' | 'power' | 'subsidiarity' | 'communication' | 'learning' | 'perception' | 'agreement';
export const DIMENSION_KEYS: DimensionKey[] = ['resources', 'responsibility', 'power', 'subsidiarity', 'communication', 'learning', 'perception', 'agreement'];

export type AuthenticityProfile = {
  verdict: Verdict;
  confidence: number;
  dimensions: Array<{ key: DimensionKey; score: number | null; metrics: Array<{ key: string; value: number | boolean | null; explanation: string }> }>;
  flags: Array<{ key: string; severity: 'info' | 'warning' | 'severe'; message: { en: string; fr: string }; evidence: Record<string, unknown> }>;
};

export type TrendPoint = {
  quarter: number;
  start: string;
  end: string;
  verdict: Verdict;
  confidence: number;
  overall: number | null;
  scores: Record<DimensionKey, number | null>;
  flags: string[];
};

export type AuthenticityEvidence = {
  organizations: Array<{ ref: string; name: string; role: string | null; local: boolean }>;
  interactions: Array<{ from: string; to: string; count: number }>;
  learning: Array<{ from: string; to: string; count: number; capacityBuilding: number }>;
  budget: { transparent: boolean; amountsVisible: boolean; shares: Array<{ org: string; share: number; amount: number | null }> };
  decisions: Array<{ date: string; title: string; scope: 'programme' | 'local'; locality: string | null; involvement: Record<string, number>; desired: Record<string, number> }>;
};

export type AuthenticityPortfolio = {
  programmes: Array<{ id: string; ref: string; title: string; verdict: Verdict; confidence: number }>;
  summary: {
    programmes: number;
    verdicts: Record<Verdict, number>;
    meanConfidence: number | null;
    dimensions: Array<{ key: DimensionKey; mean: number | null; min: number | null; max: number | null; measured: number }>;
    weakestDimension: DimensionKey | null;
    flags: Array<{ key: string; severity: 'info' | 'warning' | 'severe'; programmes: string[] }>;
  };
};

/** The programme's authenticity profile, optionally as it stood at a date. */
export function useAuthenticity(programmeId: string, at?: string) {
  return useQuery({
    queryKey: ['programmes', programmeId, 'authenticity', at ?? 'now'],
    queryFn: ({ signal }) => api.get<AuthenticityProfile>(`/api/programmes/${programmeId}/authenticity`, { query: at ? { at } : {}, signal }),
  });
}

/** The profile at the end of each quarter. */
export function useAuthenticityTrend(programmeId: string) {
  return useQuery({
    queryKey: ['programmes', programmeId, 'authenticity', 'trend'],
    queryFn: ({ signal }) => api.get<{ points: TrendPoint[] }>(`/api/programmes/${programmeId}/authenticity/trend`, { signal }),
  });
}

/** The records behind the dashboard's charts. */
export function useAuthenticityEvidence(programmeId: string) {
  return useQuery({
    queryKey: ['programmes', programmeId, 'authenticity', 'evidence'],
    queryFn: ({ signal }) => api.get<AuthenticityEvidence>(`/api/programmes/${programmeId}/authenticity/evidence`, { signal }),
  });
}

/** Profiles of every programme the user takes part in. */
export function useAuthenticityPortfolio() {
  return useQuery({
    queryKey: ['authenticity', 'portfolio'],
    queryFn: ({ signal }) => api.get<AuthenticityPortfolio>('/api/authenticity/portfolio', { signal }),
  });
}
