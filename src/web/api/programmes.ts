import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, isApiError } from './client';
import type { Page, ProgrammeStatus, ProgrammeSummary } from './types';

const PAGE_SIZE = 25;

/** The programmes the user's organization takes part in, a page at a time. */
export function useMyProgrammes() {
  return useInfiniteQuery({
    queryKey: ['programmes', 'list'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ProgrammeSummary>>('/api/programmes', {
        query: { limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export type MemberRole = 'lead' | 'partner' | 'affiliated-entity' | 'associate' | 'vendor' | 'funder';
export const MEMBER_ROLES: MemberRole[] = ['lead', 'partner', 'affiliated-entity', 'associate', 'vendor', 'funder'];
export const PROGRAMME_STATUSES: ProgrammeStatus[] = ['identification', 'formulation', 'contracting', 'implementation', 'closure', 'closed'];
export type Raci = 'R' | 'A' | 'AR' | 'C' | 'I';

export type Logframe = {
  overallObjective: string;
  specificObjectives: Array<{ text: string; results: Array<{ text: string; indicators: Array<{ text: string; baseline?: string; target?: string }>; activities: string[] }> }>;
};

export type ProgrammeDetail = {
  id: string;
  ref: string;
  title: string;
  summary: string | null;
  status: ProgrammeStatus;
  allowedTransitions: ProgrammeStatus[];
  startDate: string | null;
  endDate: string | null;
  currency: string;
  countries: string[];
  localities: string[];
  sectors: string[];
  donors: string[];
  budgetTransparent: boolean;
  logframe: Logframe | null;
  version: number;
  lead: { id: string; name: string } | null;
  me: { consortiumRole: MemberRole | null; userRole: 'manager' | 'observer' | null; organizationId: string; canManage: boolean; canContribute: boolean; canViewWholeBudget: boolean };
};

export type Member = {
  id: string;
  organization: { id: string; name: string; acronym: string | null; country: string | null; identifier: string | null };
  role: MemberRole;
  iatiRole: number;
  joinedOn: string | null;
  leftOn: string | null;
  active: boolean;
  focalPoint: { id: string; name: string; email: string } | null;
  plannedShare: number | null;
  version: number;
};

export type PlanTask = {
  id: string;
  ref: string;
  activityId: string | null;
  title: string;
  description: string | null;
  locality: string | null;
  startDate: string | null;
  endDate: string | null;
  deliverables: string[];
  status: 'planned' | 'in-progress' | 'done' | 'cancelled';
  raci: Record<string, Raci>;
  version: number;
};
export type PlanTree = {
  workPackages: Array<{ id: string; code: string | null; title: string; description: string | null; leadOrganizationId: string | null; version: number; activities: Array<{ id: string; code: string | null; title: string; description: string | null; version: number; tasks: PlanTask[] }> }>;
  unplacedTasks: PlanTask[];
  milestones: Array<{ id: string; workPackageId: string | null; title: string; dueDate: string; achievedOn: string | null; version: number }>;
};
export type TimelineRow = { id: string; kind: 'work-package' | 'activity' | 'task' | 'milestone'; parentId: string | null; title: string; start: string | null; end: string | null; locality: string | null; accountableOrganizationId: string | null; status: string | null };
export type Timeline = { start: string | null; end: string | null; rows: TimelineRow[] };
export type RaciMatrix = {
  organizations: Array<{ id: string; name: string; acronym: string | null; role: string | null; counts: { R: number; A: number; C: number; I: number } }>;
  tasks: Array<{ id: string; ref: string; title: string; locality: string | null; raci: Record<string, Raci> }>;
};
export type BudgetLine = { id: string; organizationId: string; category: string | null; description: string | null; amount: number; indirectCosts: number; ownContribution: number; version: number };
export type Budget = {
  scope: 'whole' | 'own';
  lines: BudgetLine[];
  totals: {
    total: number;
    indirectCosts: number;
    ownContribution: number;
    organizations: Array<{ organizationId: string; name: string; acronym: string | null; role: string | null; lines: number; amount: number; indirectCosts: number; ownContribution: number; share: number; plannedShare: number | null; shareGap: number | null }>;
  };
};
export type IngredientKey = 'partnershipStatement' | 'sharedObjectives' | 'expectationsClause' | 'transparency' | 'monitoring' | 'mutualLearning';
export const INGREDIENTS: IngredientKey[] = ['partnershipStatement', 'sharedObjectives', 'expectationsClause', 'transparency', 'monitoring', 'mutualLearning'];
export type Agreement = {
  ingredients: Record<IngredientKey, string | null>;
  publishedNumber: number;
  version: number;
  statements: Array<{ organizationId: string; organizationName: string; contributions: string; expectations: string; version: number; updatedAt: string }>;
  versions: Array<{ number: number; note: string | null; createdAt: string; signoffs: Array<{ organizationId: string; organizationName: string; signedAt: string }> }>;
};
export type TeamMember = { id: string; name: string; email: string | null; programmeRole: string; personId: string | null; userId: string | null; organization: { id: string; name: string; acronym: string | null }; employer: { id: string; name: string } | null; version: number };

const key = (id: string, part: string) => ['programmes', id, part] as const;

function useProgrammeQuery<T>(id: string, part: string, path: string) {
  return useQuery({ queryKey: key(id, part), queryFn: ({ signal }) => api.get<T>(`/api/programmes/${id}${path}`, { signal }) });
}

export const useProgramme = (id: string) => useProgrammeQuery<ProgrammeDetail>(id, 'detail', '');
export const useMembers = (id: string) => useProgrammeQuery<Page<Member>>(id, 'members', '/members');
export const usePlan = (id: string) => useProgrammeQuery<PlanTree>(id, 'plan', '/plan');
export const useTimeline = (id: string) => useProgrammeQuery<Timeline>(id, 'timeline', '/timeline');
export const useRaciMatrix = (id: string) => useProgrammeQuery<RaciMatrix>(id, 'raci', '/raci');
export const useBudget = (id: string) => useProgrammeQuery<Budget>(id, 'budget', '/budget');
export const useAgreement = (id: string) => useProgrammeQuery<Agreement>(id, 'agreement', '/agreement');
export const useTeam = (id: string) => useProgrammeQuery<Page<TeamMember>>(id, 'team', '/team');

/**
 * A change to a programme: sends the request, then refreshes everything cached about that
 * programme (a task changes the plan, the timeline and the matrix at once).
 */
export function useProgrammeMutation<Input, Output = unknown>(id: string, send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['programmes', id] }), queryClient.invalidateQueries({ queryKey: ['programmes', 'list'] })]),
    // Someone else changed the record first (409): reload it, so the next attempt starts from their version.
    onError: (error) => (isApiError(error) && error.status === 409 ? queryClient.invalidateQueries({ queryKey: ['programmes', id] }) : undefined),
  });
}

export type MemberUser = { id: string; name: string; email: string };

/** The users of a member organization, to choose its focal point from (managers only). */
export function useMemberUsers(programmeId: string, memberId: string, enabled: boolean) {
  return useQuery({
    queryKey: key(programmeId, `member-users-${memberId}`),
    queryFn: ({ signal }) => api.get<Page<MemberUser>>(`/api/programmes/${programmeId}/members/${memberId}/users`, { signal }),
    enabled,
  });
}

export function useCreateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ref: string; title: string; startDate?: string | null; endDate?: string | null; currency?: string; countries?: string[]; summary?: string | null }) =>
      api.post<ProgrammeDetail>('/api/programmes', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['programmes', 'list'] }),
  });
}

export function useImportBundle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bundle: unknown) => api.post<{ id: string; warnings: Array<{ pointer: string; message: string }> }>('/api/programmes/import', bundle),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['programmes', 'list'] }),
  });
}

/** PUT is used only for a member's own agreement statement. */
export const putJson = <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body });
