/**
 * Appraisals, templates, capacity assessments and support plans: types inferred from the
 * server's zod schemas (type-only imports) and TanStack Query hooks.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  appraisalFile,
  appraisalSummary,
  appraisalTemplate,
  appraisalView,
  comparison,
  createAppraisalBody,
  createTemplateBody,
  decisionBody,
  updateAppraisalBody,
  updateTemplateBody,
} from '../../modules/appraisal/schemas.js';
import type {
  assessmentSummary,
  assessmentView,
  capacityTrend,
  createAssessmentBody,
  createSupportItemBody,
  frameworkView,
  supportItem,
  updateAssessmentBody,
  updateSupportItemBody,
} from '../../modules/capacity/schemas.js';
import { api, parseErrorResponse, ApiError } from './client';
import type { Page } from './types';

export type AppraisalTemplate = z.infer<typeof appraisalTemplate>;
export type TemplateDefinitionInput = z.input<typeof createTemplateBody>;
export type TemplateChanges = z.input<typeof updateTemplateBody>;
export type AppraisalSummary = z.infer<typeof appraisalSummary>;
export type Appraisal = z.infer<typeof appraisalView>;
export type AppraisalFile = z.infer<typeof appraisalFile>;
export type AppraisalInput = z.input<typeof createAppraisalBody>;
export type AppraisalChanges = z.input<typeof updateAppraisalBody>;
export type DecisionInput = z.input<typeof decisionBody>;
export type Decision = DecisionInput['decision'];
export type Comparison = z.infer<typeof comparison>;
export type CapacityFramework = z.infer<typeof frameworkView>;
export type AssessmentSummary = z.infer<typeof assessmentSummary>;
export type Assessment = z.infer<typeof assessmentView>;
export type AssessmentInput = z.input<typeof createAssessmentBody>;
export type AssessmentChanges = z.input<typeof updateAssessmentBody>;
export type CapacityTrend = z.infer<typeof capacityTrend>;
export type SupportItem = z.infer<typeof supportItem>;
export type SupportItemInput = z.input<typeof createSupportItemBody>;
export type SupportItemChanges = z.input<typeof updateSupportItemBody>;
export type SupportItemStatus = SupportItem['status'];
export type OrganizationOption = { id: string; name: string; acronym?: string | null };

const PAGE_SIZE = 25;
const keys = {
  templates: ['appraisal', 'templates'] as const,
  template: (id: string) => ['appraisal', 'templates', id] as const,
  appraisals: ['appraisal', 'list'] as const,
  appraisal: (id: string) => ['appraisal', 'one', id] as const,
  comparison: (programmeId: string) => ['appraisal', 'compare', programmeId] as const,
  framework: ['capacity', 'framework'] as const,
  assessments: ['capacity', 'list'] as const,
  assessment: (id: string) => ['capacity', 'one', id] as const,
  trend: (organizationId: string) => ['capacity', 'trend', organizationId] as const,
  supportItems: ['capacity', 'support-items'] as const,
};

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

export function useAppraisalTemplates() {
  return useQuery({ queryKey: keys.templates, queryFn: ({ signal }) => api.get<Page<AppraisalTemplate>>('/api/appraisal-templates', { signal }) });
}

export function useAppraisalTemplate(id: string | undefined) {
  return useQuery({
    queryKey: keys.template(id ?? ''),
    enabled: Boolean(id),
    queryFn: ({ signal }) => api.get<AppraisalTemplate>(`/api/appraisal-templates/${path(id!)}`, { signal }),
  });
}

export function useCopyTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<AppraisalTemplate>(`/api/appraisal-templates/${path(id)}/copy`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.templates }),
  });
}

export function useUpdateTemplate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: TemplateChanges) => api.patch<AppraisalTemplate>(`/api/appraisal-templates/${path(id)}`, changes),
    onSuccess: (template) => {
      queryClient.setQueryData(keys.template(id), template);
      return queryClient.invalidateQueries({ queryKey: keys.templates });
    },
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/appraisal-templates/${path(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.templates }),
  });
}

export function useAppraisals(filter: { scope?: 'mine' | 'about-us'; programmeId?: string } = {}) {
  return useInfiniteQuery({
    queryKey: [...keys.appraisals, filter],
    queryFn: ({ pageParam, signal }) => api.get<Page<AppraisalSummary>>('/api/appraisals', { query: { limit: PAGE_SIZE, cursor: pageParam, ...filter }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useAppraisal(id: string | undefined) {
  return useQuery({ queryKey: keys.appraisal(id ?? ''), enabled: Boolean(id), queryFn: ({ signal }) => api.get<Appraisal>(`/api/appraisals/${path(id!)}`, { signal }) });
}

export function useCreateAppraisal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AppraisalInput) => api.post<Appraisal>('/api/appraisals', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['appraisal'] }),
  });
}

export function useUpdateAppraisal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: AppraisalChanges) => api.patch<Appraisal>(`/api/appraisals/${path(id)}`, changes),
    onSuccess: (appraisal) => {
      queryClient.setQueryData(keys.appraisal(id), appraisal);
      return queryClient.invalidateQueries({ queryKey: keys.appraisals });
    },
  });
}

export function useRecordDecision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionInput) => api.post<Appraisal>(`/api/appraisals/${path(id)}/decision`, input),
    onSuccess: (appraisal) => {
      queryClient.setQueryData(keys.appraisal(id), appraisal);
      return queryClient.invalidateQueries({ queryKey: ['appraisal'] });
    },
  });
}

export function useDeleteAppraisal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/appraisals/${path(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['appraisal'] }),
  });
}

/** The download address of an evidence file (a plain link: the session cookie authenticates it). */
export function appraisalFileUrl(appraisalId: string, fileId: string): string {
  return `/api/appraisals/${path(appraisalId)}/files/${path(fileId)}`;
}

/** Sends a file's bytes as the request body, with its own type; the JSON client does not do raw bodies. */
async function uploadFile(appraisalId: string, file: File, criterionKey?: string): Promise<AppraisalFile> {
  const csrf = await api.get<{ token: string }>('/api/auth/csrf');
  const query = new URLSearchParams({ name: file.name });
  if (criterionKey) query.set('criterionKey', criterionKey);
  let response: Response;
  try {
    response = await fetch(`/api/appraisals/${path(appraisalId)}/files?${query.toString()}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': csrf.token, accept: 'application/json' },
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: 'The server could not be reached.' });
  }
  if (!response.ok) throw await parseErrorResponse(response);
  return (await response.json()) as AppraisalFile;
}

export function useUploadAppraisalFile(appraisalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; criterionKey?: string }) => uploadFile(appraisalId, input.file, input.criterionKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.appraisal(appraisalId) }),
  });
}

export function useDeleteAppraisalFile(appraisalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => api.delete(appraisalFileUrl(appraisalId, fileId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.appraisal(appraisalId) }),
  });
}

export function useComparison(programmeId: string | null) {
  return useQuery({
    queryKey: keys.comparison(programmeId ?? ''),
    enabled: Boolean(programmeId),
    queryFn: ({ signal }) => api.get<Comparison>('/api/appraisals/compare', { query: { programmeId }, signal }),
  });
}

export function useCapacityFramework() {
  return useQuery({ queryKey: keys.framework, staleTime: Infinity, queryFn: ({ signal }) => api.get<CapacityFramework>('/api/capacity-assessments/framework', { signal }) });
}

export function useAssessments(filter: { scope?: 'mine' | 'about-us'; assessedOrganizationId?: string } = {}) {
  return useInfiniteQuery({
    queryKey: [...keys.assessments, filter],
    queryFn: ({ pageParam, signal }) => api.get<Page<AssessmentSummary>>('/api/capacity-assessments', { query: { limit: PAGE_SIZE, cursor: pageParam, ...filter }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useAssessment(id: string | undefined) {
  return useQuery({ queryKey: keys.assessment(id ?? ''), enabled: Boolean(id), queryFn: ({ signal }) => api.get<Assessment>(`/api/capacity-assessments/${path(id!)}`, { signal }) });
}

export function useCreateAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssessmentInput) => api.post<Assessment>('/api/capacity-assessments', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['capacity'] }),
  });
}

export function useUpdateAssessment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: AssessmentChanges) => api.patch<Assessment>(`/api/capacity-assessments/${path(id)}`, changes),
    onSuccess: (assessment) => {
      queryClient.setQueryData(keys.assessment(id), assessment);
      return queryClient.invalidateQueries({ queryKey: ['capacity'] });
    },
  });
}

export function useCapacityTrend(organizationId: string | undefined) {
  return useQuery({
    queryKey: keys.trend(organizationId ?? ''),
    enabled: Boolean(organizationId),
    queryFn: ({ signal }) => api.get<CapacityTrend>(`/api/organizations/${path(organizationId!)}/capacity-trend`, { signal }),
  });
}

export function useSupportItems(status?: SupportItemStatus) {
  return useQuery({ queryKey: [...keys.supportItems, status ?? 'all'], queryFn: ({ signal }) => api.get<Page<SupportItem>>('/api/support-items', { query: { status }, signal }) });
}

export function useAddSupportItem(parent: { kind: 'appraisal' | 'assessment'; id: string }) {
  const queryClient = useQueryClient();
  const base = parent.kind === 'appraisal' ? '/api/appraisals' : '/api/capacity-assessments';
  return useMutation({
    mutationFn: (input: SupportItemInput) => api.post<SupportItem>(`${base}/${path(parent.id)}/support-items`, input),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['capacity'] }), queryClient.invalidateQueries({ queryKey: ['appraisal', 'support-items', parent.id] })]),
  });
}

export function useParentSupportItems(parent: { kind: 'appraisal' | 'assessment'; id: string }) {
  const base = parent.kind === 'appraisal' ? '/api/appraisals' : '/api/capacity-assessments';
  return useQuery({ queryKey: ['appraisal', 'support-items', parent.id], queryFn: ({ signal }) => api.get<Page<SupportItem>>(`${base}/${path(parent.id)}/support-items`, { signal }) });
}

export function useUpdateSupportItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: SupportItemChanges & { id: string }) => api.patch<SupportItem>(`/api/support-items/${path(id)}`, changes),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['capacity'] }), queryClient.invalidateQueries({ queryKey: ['appraisal', 'support-items'] })]),
  });
}

/** Organizations of the registry matching a text, for pickers (the registry's own list endpoint). */
export function useOrganizationSearch(text: string) {
  return useQuery({
    queryKey: ['organizations', 'search', text],
    queryFn: ({ signal }) => api.get<Page<OrganizationOption>>('/api/organizations', { query: { q: text || undefined, limit: 20 }, signal }),
    placeholderData: (previous) => previous,
  });
}
