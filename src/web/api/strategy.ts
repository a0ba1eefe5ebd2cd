import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './client';
import type { Page } from './types';

export const INDICATOR_KINDS = ['local-budget-share', 'local-decision-share', 'single-donor-dependence', 'genuine-share', 'manual'] as const;
export const TARGET_DIRECTIONS = ['at-least', 'at-most'] as const;
export const STAKEHOLDER_KINDS = ['beneficiary-group', 'authority', 'media', 'donor', 'peer', 'other'] as const;
export const FEEDBACK_CHANNELS = ['meeting', 'visit', 'survey', 'complaint-mechanism', 'letter', 'email', 'phone', 'media', 'social-media', 'other'] as const;
export const FOLLOW_UP_STATUSES = ['none', 'open', 'in-progress', 'done'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export type GoalIndicator = { value: number | null; status: 'on-track' | 'off-track' | 'unknown'; basis: 'linked' | 'portfolio'; programmes: number };
export type Goal = {
  id: string;
  title: string;
  description: string | null;
  indicatorKind: IndicatorKind;
  direction: TargetDirection;
  target: number;
  manualValue: number | null;
  position: number;
  version: number;
  programmes: Array<{ id: string; ref: string; title: string }>;
  indicator: GoalIndicator | null;
};
export type Strategy = { id: string; title: string; summary: string | null; startDate: string | null; endDate: string | null; shared: boolean; version: number; canEdit: boolean; goals: Goal[] };
export type OwnStrategy = { strategy: Strategy | null; canEdit: boolean };
export type Dependence = { basis: 'amount' | 'programmes'; items: Array<{ name: string; programmes: number; amount: number; share: number }>; herfindahl: number | null; largestShare: number | null };
export type KeyCount = Array<{ key: string; programmes: number }>;
export type Portfolio = {
  programmes: Array<{ id: string; ref: string; title: string; status: string; verdict: 'genuine' | 'developing' | 'nominal'; confidence: number; goalIds: string[] }>;
  byCountry: KeyCount;
  bySector: KeyCount;
  byStatus: KeyCount;
  byGoal: KeyCount;
  donors: Dependence;
  partners: Dependence;
  authenticity: { programmes: number; verdicts: { genuine: number; developing: number; nominal: number }; meanConfidence: number | null };
  goals: Array<GoalIndicator & { id: string; title: string; target: number; direction: TargetDirection }>;
};
export type Stakeholder = { id: string; name: string; kind: StakeholderKind; linkedOrganizationId: string | null; notes: string | null; version: number };
export type Feedback = {
  id: string;
  stakeholder: { id: string; name: string; kind: StakeholderKind } | null;
  source: string;
  channel: FeedbackChannel;
  receivedOn: string;
  topic: string;
  sentiment: number;
  details: string | null;
  programme: { id: string; title: string } | null;
  followUp: string | null;
  followUpStatus: FollowUpStatus;
  shared: boolean;
  mine: boolean;
  version: number;
};
export type QuarterSummary = { quarter: string; records: number; meanSentiment: number; positive: number; negative: number; openFollowUps: number };
export type Development = {
  learning: Array<{ id: string; date: string; direction: 'learned' | 'shared'; topic: string; counterpart: { name: string }; programme: { title: string } }>;
  capacity: Array<{ key: string; points: Array<{ assessedOn: string; score: number; kind: 'self' | 'external'; assessor: string | null }> }>;
};

export const useStrategy = () => useQuery({ queryKey: ['strategy'], queryFn: ({ signal }) => api.get<OwnStrategy>('/api/strategy', { signal }) });
export const usePortfolio = () => useQuery({ queryKey: ['portfolio'], queryFn: ({ signal }) => api.get<Portfolio>('/api/portfolio', { signal }) });
/** The organization's feedback, newest first, a page at a time; every page carries the summary of all records. */
export const useFeedback = () =>
  useInfiniteQuery({
    queryKey: ['feedback'],
    queryFn: ({ pageParam, signal }) => api.get<Page<Feedback> & { summary: QuarterSummary[] }>('/api/feedback', { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
export const useStakeholders = () => useQuery({ queryKey: ['stakeholders'], queryFn: ({ signal }) => api.get<{ items: Stakeholder[] }>('/api/stakeholders', { signal }) });
export const useDevelopment = () => useQuery({ queryKey: ['development'], queryFn: ({ signal }) => api.get<Development>('/api/development', { signal }) });

/** A strategy mutation: the answer is the new strategy, which also changes the portfolio's goals. */
function useStrategyMutation<Input>(send: (input: Input) => Promise<OwnStrategy>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer) => {
      client.setQueryData(['strategy'], answer);
      return client.invalidateQueries({ queryKey: ['portfolio'] });
    },
  });
}

export type StrategyInput = { title: string; summary: string | null; startDate: string | null; endDate: string | null; shared: boolean; version?: number };
export const useSaveStrategy = () => useStrategyMutation((input: StrategyInput) => apiRequest<OwnStrategy>('/api/strategy', { method: 'PUT', body: input }));

export type GoalInput = { title: string; description: string | null; indicatorKind: IndicatorKind; direction: TargetDirection; target: number; manualValue: number | null };
export const useAddGoal = () => useStrategyMutation((input: GoalInput) => api.post<OwnStrategy>('/api/strategy/goals', input));
export const useUpdateGoal = () => useStrategyMutation(({ id, ...changes }: GoalInput & { id: string; version: number }) => api.patch<OwnStrategy>(`/api/strategy/goals/${id}`, changes));
export const useDeleteGoal = () => useStrategyMutation((id: string) => api.delete<OwnStrategy>(`/api/strategy/goals/${id}`));
export const useGoalProgrammes = () =>
  useStrategyMutation(({ id, programmeIds }: { id: string; programmeIds: string[] }) => apiRequest<OwnStrategy>(`/api/strategy/goals/${id}/programmes`, { method: 'PUT', body: { programmeIds } }));

/** A reputation mutation: refreshes stakeholders and feedback. */
function useReputationMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['feedback'] }), client.invalidateQueries({ queryKey: ['stakeholders'] })]),
  });
}

export type StakeholderInput = { name: string; kind: StakeholderKind; notes: string | null };
export const useCreateStakeholder = () => useReputationMutation((input: StakeholderInput) => api.post<Stakeholder>('/api/stakeholders', input));
/** Creates a stakeholder, or changes one when given its id and the version read. */
export const useSaveStakeholder = () =>
  useReputationMutation(({ id, version, ...input }: StakeholderInput & { id?: string; version?: number }) =>
    id ? api.patch<Stakeholder>(`/api/stakeholders/${id}`, { version, ...input }) : api.post<Stakeholder>('/api/stakeholders', input),
  );

export type FeedbackInput = {
  stakeholderId: string | null;
  source: string;
  channel: FeedbackChannel;
  receivedOn: string;
  topic: string;
  sentiment: number;
  details: string | null;
  programmeId: string | null;
  followUp: string | null;
  followUpStatus: FollowUpStatus;
  shared: boolean;
};
export const useSaveFeedback = () =>
  useReputationMutation(({ id, version, ...input }: FeedbackInput & { id?: string; version?: number }) =>
    id ? api.patch<Feedback>(`/api/feedback/${id}`, { version, ...input }) : api.post<Feedback>('/api/feedback', input),
  );
