import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, parseErrorResponse } from './client';
import type { Page } from './types';

export const TIMELINE_TYPES = ['meeting', 'decision', 'interaction', 'learning', 'rating'] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];
export const MEETING_KINDS = ['steering-committee', 'coordination', 'technical', 'field-visit', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const DECISION_TOPICS = ['budget', 'plan', 'staffing', 'partner-selection', 'methodology', 'communication', 'other'] as const;
export type DecisionTopic = (typeof DECISION_TOPICS)[number];
export const CHANNELS = ['meeting', 'call', 'email', 'message', 'visit'] as const;
export type Channel = (typeof CHANNELS)[number];
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const LEVELS = [0, 1, 2, 3, 4] as const;

type RecordMeta = { id: string; recordedByOrganizationId: string | null; recordedByUserId: string | null; canEdit: boolean; version: number; createdAt: string; updatedAt: string };

export type LogParticipants = {
  programme: { id: string; startDate: string | null; endDate: string | null; localities: string[] };
  organizations: Array<{ id: string; name: string; acronym: string | null; role: string; left: boolean }>;
  users: Array<{ id: string; name: string; organizationId: string }>;
  me: { organizationId: string; isMember: boolean; canRecord: boolean; canManage: boolean };
};
export type TimelineItem = { type: TimelineType; id: string; date: string; title: string; detail: string | null; organizationIds: string[]; recordedByOrganizationId: string | null; trust: number | null; value: number | null };
export type MeetingAction = { id: string; description: string; ownerOrganizationId: string; ownerUserId: string | null; dueDate: string | null; status: ActionStatus; canEdit: boolean; version: number };
export type Meeting = RecordMeta & {
  date: string;
  kind: MeetingKind;
  title: string | null;
  chairOrganizationId: string;
  attendeeOrganizationIds: string[];
  participantUserIds: string[];
  agenda: string | null;
  minutes: string | null;
  actions: MeetingAction[];
  decisions: Array<{ id: string; date: string; title: string }>;
};
export type Contest = { id: string; organizationId: string; contestedLevel: number | null; claimedLevel: number | null; comment: string; createdByUserId: string | null; createdAt: string; withdrawnAt: string | null };
export type Decision = RecordMeta & {
  date: string;
  title: string;
  description: string | null;
  meetingId: string | null;
  scope: 'programme' | 'local';
  locality: string | null;
  topic: string | null;
  involvement: Array<{ organizationId: string; level: number | null; desired: number | null }>;
  contests: Contest[];
};
export type InteractionInput = { date: string; fromOrganizationId: string; toOrganizationId: string; initiatedByOrganizationId?: string; channel?: Channel | null; subject?: string | null };
export type CsvReport = { dryRun: boolean; rows: number; imported: number; problems: Array<{ row: number; column: string | null; reason: string }> };
export type Activity = {
  organization: { id: string; name: string; acronym: string | null };
  counts: Record<string, number>;
  decisions: Array<{ id: string; date: string; title: string; scope: string; locality: string | null; level: number | null; desired: number | null; recordedByUs: boolean; contested: boolean }>;
  meetings: Array<{ id: string; date: string; kind: string; title: string | null; chaired: boolean }>;
  learned: Array<{ id: string; date: string; topic: string; kind: string; organizationId: string }>;
  taught: Array<{ id: string; date: string; topic: string; kind: string; organizationId: string }>;
  actions: Array<{ id: string; meetingId: string; description: string; dueDate: string | null; status: string }>;
};
export type TimelineFilters = { types: TimelineType[]; organizationId: string | null; from: string; to: string };

const base = (programmeId: string) => `/api/programmes/${programmeId}`;
const key = (programmeId: string) => ['worklog', programmeId] as const;

export function useLogParticipants(programmeId: string) {
  return useQuery({ queryKey: [...key(programmeId), 'participants'], queryFn: ({ signal }) => api.get<LogParticipants>(`${base(programmeId)}/log/participants`, { signal }) });
}

/** The merged log, newest first, a page at a time. */
export function useTimeline(programmeId: string, filters: TimelineFilters) {
  return useInfiniteQuery({
    queryKey: [...key(programmeId), 'timeline', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<TimelineItem>>(`${base(programmeId)}/log/timeline`, {
        query: { limit: 30, cursor: pageParam, types: filters.types.join(','), organizationId: filters.organizationId, from: filters.from, to: filters.to },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useDecisions(programmeId: string) {
  return useInfiniteQuery({
    queryKey: [...key(programmeId), 'decisions'],
    queryFn: ({ pageParam, signal }) => api.get<Page<Decision>>(`${base(programmeId)}/decisions`, { query: { limit: 25, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useMeeting(programmeId: string, meetingId: string | undefined) {
  return useQuery({
    queryKey: [...key(programmeId), 'meeting', meetingId],
    queryFn: ({ signal }) => api.get<Meeting>(`${base(programmeId)}/meetings/${meetingId}`, { signal }),
    enabled: Boolean(meetingId),
  });
}

export function useDecision(programmeId: string, decisionId: string | undefined) {
  return useQuery({
    queryKey: [...key(programmeId), 'decision', decisionId],
    queryFn: ({ signal }) => api.get<Decision>(`${base(programmeId)}/decisions/${decisionId}`, { signal }),
    enabled: Boolean(decisionId),
  });
}

export function useActivity(programmeId: string, organizationId: string | undefined, period: { from: string; to: string }) {
  return useQuery({
    queryKey: [...key(programmeId), 'activity', organizationId, period],
    queryFn: ({ signal }) => api.get<Activity>(`${base(programmeId)}/organizations/${organizationId}/activity`, { query: period, signal }),
    enabled: Boolean(organizationId),
  });
}

/** A change to the log: every cached view of the programme's log is refreshed after it. */
export function useLogMutation<Input, Output = unknown>(programmeId: string, send: (path: string, input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => send(base(programmeId), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(programmeId) }),
  });
}

/** Sends a CSV file as text/csv (the JSON client does not), with the CSRF token the API expects. */
export async function postCsv(programmeId: string, text: string, dryRun: boolean): Promise<CsvReport> {
  const { token } = await api.get<{ token: string }>('/api/auth/csrf');
  const response = await fetch(`${base(programmeId)}/interactions/import?dryRun=${dryRun}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'text/csv', accept: 'application/json', 'x-csrf-token': token },
    body: text,
  });
  if (!response.ok) throw await parseErrorResponse(response);
  return (await response.json()) as CsvReport;
}
