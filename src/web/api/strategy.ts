import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export type GoalIndicator = { value: number | null; status: 'on-track' | 'off-track' | 'unknown'; basis: 'linked' | 'portfolio'; programmes: number };
export type Goal = { id: string; title: string; indicatorKind: string; direction: 'at-least' | 'at-most'; target: number; programmes: Array<{ id: string; title: string }>; indicator: GoalIndicator | null };
export type Strategy = { id: string; title: string; summary: string | null; startDate: string | null; endDate: string | null; shared: boolean; goals: Goal[] };
export type Dependence = { basis: 'amount' | 'programmes'; items: Array<{ name: string; programmes: number; amount: number; share: number }>; herfindahl: number | null; largestShare: number | null };
export type Portfolio = {
  programmes: Array<{ id: string; ref: string; title: string; status: string; verdict: 'genuine' | 'developing' | 'nominal'; confidence: number }>;
  byCountry: Array<{ key: string; programmes: number }>;
  bySector: Array<{ key: string; programmes: number }>;
  byStatus: Array<{ key: string; programmes: number }>;
  donors: Dependence;
  partners: Dependence;
  authenticity: { verdicts: { genuine: number; developing: number; nominal: number } };
  goals: Array<GoalIndicator & { id: string; title: string; target: number; direction: 'at-least' | 'at-most' }>;
};
export type Feedback = { id: string; receivedOn: string; source: string; topic: string; sentiment: number; followUp: string | null; followUpStatus: string; shared: boolean };
export type Development = {
  learning: Array<{ id: string; date: string; direction: 'learned' | 'shared'; topic: string; counterpart: { name: string }; programme: { title: string } }>;
  capacity: Array<{ key: string; points: Array<{ assessedOn: string; score: number; kind: 'self' | 'external' }> }>;
};

export const useStrategy = () => useQuery({ queryKey: ['strategy'], queryFn: ({ signal }) => api.get<{ strategy: Strategy | null; canEdit: boolean }>('/api/strategy', { signal }) });
export const usePortfolio = () => useQuery({ queryKey: ['portfolio'], queryFn: ({ signal }) => api.get<Portfolio>('/api/portfolio', { signal }) });
export const useFeedback = () =>
  useQuery({ queryKey: ['feedback'], queryFn: ({ signal }) => api.get<{ items: Feedback[]; summary: Array<{ quarter: string; records: number; meanSentiment: number; openFollowUps: number }> }>('/api/feedback', { signal }) });
export const useDevelopment = () => useQuery({ queryKey: ['development'], queryFn: ({ signal }) => api.get<Development>('/api/development', { signal }) });
