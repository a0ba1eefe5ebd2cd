import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, parseErrorResponse } from './client';
import type { Page } from './types';

export type OrganizationSummary = {
  id: string;
  name: string;
  acronym: string | null;
  identifier: string | null;
  type: string | null;
  country: string | null;
  scope: 'local' | 'national' | 'regional' | 'international' | null;
  sectors: string[];
  deletedAt: string | null;
};
export type Organization = OrganizationSummary & {
  otherNames: string[];
  competences: string[];
  areasOfInfluence: string[];
  mission: string | null;
  values: string | null;
  website: string | null;
  notes: string | null;
  mergedIntoId: string | null;
  version: number;
};
export type RegistryNote = { id: string; owner: { id: string; name: string }; author: string | null; body: string; shared: boolean; mine: boolean; createdAt: string; version: number };
export type Person = { id: string; name: string; organization: { id: string; name: string } | null; position: string | null; contacts: Array<{ kind: string; value: string }>; languages: string[]; deletedAt: string | null; version: number };
export type PersonDetail = Person & { canEdit: boolean; employments: Array<{ organization: { id: string; name: string }; position: string | null; startedOn: string | null; endedOn: string | null }> };
export type OrganizationProfile = {
  organization: Organization;
  permissions: { canEdit: boolean; canDelete: boolean; canMerge: boolean };
  relationships: Array<{ id: string; type: string; label: string; other: { id: string; name: string }; startedOn: string | null; endedOn: string | null; notes: string | null; version: number; annotations: RegistryNote[] }>;
  people: Person[];
  programmes: Array<{ id: string; ref: string; title: string; role: string }>;
  notes: RegistryNote[];
};
export type OrganizationFilters = { q?: string; type?: string; country?: string; scope?: string; sector?: string; relationship?: string; deleted?: 'true' };
export type OrganizationInput = Partial<Omit<Organization, 'id' | 'deletedAt' | 'mergedIntoId' | 'version'>> & { version?: number };
export type DuplicateCandidate = { organization: OrganizationSummary; reasons: Array<'identifier' | 'name'>; similarity: number };
export type DuplicatePair = { first: OrganizationSummary; second: OrganizationSummary; reasons: Array<'identifier' | 'name'>; similarity: number };
export type ImportReport = { dryRun: boolean; rows: number; created: number; updated: number; problems: Array<{ row: number; column: string; reason: string }>; warnings: Array<{ row: number; column: string; reason: string }> };

const PAGE_SIZE = 25;

export function useOrganizations(filters: OrganizationFilters) {
  return useInfiniteQuery({
    queryKey: ['organizations', 'list', filters],
    queryFn: ({ pageParam, signal }) => api.get<Page<OrganizationSummary>>('/api/organizations', { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useOrganizationProfile(id: string | undefined) {
  return useQuery({
    queryKey: ['organizations', 'profile', id],
    queryFn: ({ signal }) => api.get<OrganizationProfile>(`/api/organizations/${encodeURIComponent(id!)}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useDuplicateCandidates(input: { name: string; identifier: string; excludeId?: string }) {
  const enabled = input.name.trim().length >= 3 || input.identifier.trim().length >= 4;
  return useQuery({
    queryKey: ['organizations', 'duplicate-candidates', input],
    queryFn: ({ signal }) => api.get<{ items: DuplicateCandidate[] }>('/api/organizations/duplicate-candidates', { query: input, signal }),
    enabled,
  });
}

export function useDuplicatePairs() {
  return useInfiniteQuery({
    queryKey: ['organizations', 'duplicates'],
    queryFn: ({ pageParam, signal }) => api.get<Page<DuplicatePair>>('/api/organizations/duplicates', { query: { limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

function useRegistryMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organizations'] }).then(() => queryClient.invalidateQueries({ queryKey: ['people'] })) });
}

export const useSaveOrganization = () =>
  useRegistryMutation(({ id, input }: { id?: string; input: OrganizationInput }) =>
    id ? api.patch<Organization & { warnings: Array<{ pointer: string; message: string }> }>(`/api/organizations/${id}`, input) : api.post<Organization & { warnings: Array<{ pointer: string; message: string }> }>('/api/organizations', input),
  );
export const useDeleteOrganization = () => useRegistryMutation(({ id, version }: { id: string; version: number }) => api.delete<Organization>(`/api/organizations/${id}`, { query: { version } }));
export const useRestoreOrganization = () => useRegistryMutation(({ id, version }: { id: string; version: number }) => api.post<Organization>(`/api/organizations/${id}/restore`, { version }));
export const useMergeOrganization = () => useRegistryMutation(({ id, into }: { id: string; into: string }) => api.post<{ survivor: Organization; moved: Record<string, number> }>(`/api/organizations/${id}/merge`, { into }));
export const useAddNote = () => useRegistryMutation(({ organizationId, body, shared }: { organizationId: string; body: string; shared: boolean }) => api.post<RegistryNote>(`/api/organizations/${organizationId}/notes`, { body, shared }));
export const useUpdateNote = () => useRegistryMutation(({ id, version, shared }: { id: string; version: number; shared: boolean }) => api.patch<RegistryNote>(`/api/notes/${id}`, { version, shared }));
export const useDeleteNote = () => useRegistryMutation(({ id }: { id: string }) => api.delete(`/api/notes/${id}`));
export const useAddRelationship = () =>
  useRegistryMutation((input: { sourceOrganizationId: string; targetOrganizationId: string; type: string; startedOn?: string; notes?: string }) => api.post('/api/relationships', input));
export const useDeleteRelationship = () => useRegistryMutation(({ id, version }: { id: string; version: number }) => api.delete(`/api/relationships/${id}`, { query: { version } }));

export function usePeople(filters: { q?: string; organizationId?: string }) {
  return useInfiniteQuery({
    queryKey: ['people', 'list', filters],
    queryFn: ({ pageParam, signal }) => api.get<Page<Person>>('/api/people', { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}
export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: ['people', 'detail', id], queryFn: ({ signal }) => api.get<PersonDetail>(`/api/people/${encodeURIComponent(id!)}`, { signal }), enabled: Boolean(id) });
}
export const useSavePerson = () =>
  useRegistryMutation(({ id, input }: { id?: string; input: Record<string, unknown> }) => (id ? api.patch<PersonDetail>(`/api/people/${id}`, input) : api.post<PersonDetail>('/api/people', input)));

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a spreadsheet as the raw body (the JSON client cannot), with the CSRF header. */
export async function uploadTable(kind: 'organizations' | 'people', file: File, dryRun: boolean): Promise<ImportReport> {
  const csrf = (await (await fetch('/api/auth/csrf', { credentials: 'include' })).json()) as { token?: string };
  const contentType = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
  const response = await fetch(`/api/${kind}/import?dryRun=${dryRun}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': contentType, accept: 'application/json', 'x-csrf-token': csrf.token ?? '' },
    body: file,
  });
  if (!response.ok) throw await parseErrorResponse(response);
  return (await response.json()) as ImportReport;
}
