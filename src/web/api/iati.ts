import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, parseErrorResponse } from './client';

export type IatiPosition = { line: number; column: number };
export type IatiSummary = {
  activities: number;
  organizations: { created: number; matched: number };
  participations: { funding: number; accountable: number; extending: number; implementing: number };
  transactions: number;
  budgets: number;
  warnings: Array<IatiPosition & { element: string; reason: string; iatiIdentifier?: string }>;
  skipped: Array<IatiPosition & { iatiIdentifier: string | null; reason: string }>;
};
export type IatiImportStatus = 'queued' | 'running' | 'done' | 'refused' | 'failed';
export type IatiImport = {
  id: string;
  fileName: string;
  publisher: string | null;
  source: 'cli' | 'web';
  status: IatiImportStatus;
  sizeBytes: number;
  bytesRead: number;
  progress: number;
  summary: IatiSummary | null;
  error: (IatiPosition & { code: string; reason: string }) | null;
  createdAt: string;
  finishedAt: string | null;
};
export type IatiImportListItem = Omit<IatiImport, 'summary'> & { counts: { activities: number; warnings: number; skipped: number } | null };

export type FundingNode = { id: string; name: string; identifier: string | null; type: string | null; received: number; passedOn: number; intermediary: boolean; depth: number | null };
export type FundingFlows = {
  currency: string | null;
  nodes: FundingNode[];
  edges: Array<{ from: string; to: string; value: number; transactions: number }>;
  intermediaries: FundingNode[];
  totalValue: number;
  chains: Array<{ links: number; count: number }>;
  longestChain: number;
};
export type Localization = {
  currency: string | null;
  totalValue: number;
  localValue: number;
  localShare: number;
  channels: Record<'direct' | 'oneIntermediary' | 'longer', { value: number; share: number }>;
  implementing: { total: number; local: number; share: number };
  reference: number;
};
export type CoParticipation = {
  nodes: Array<{ id: string; name: string; identifier: string | null; activities: number; partners: number }>;
  edges: Array<{ a: string; b: string; activities: number; roles: Record<string, number> }>;
  density: number;
};
export type AnalysisFilter = { publisher?: string; country?: string };

const finished = (status: IatiImportStatus | undefined) => status === 'done' || status === 'refused' || status === 'failed';

export const useIatiImports = () =>
  useQuery({ queryKey: ['iati', 'imports'], queryFn: ({ signal }) => api.get<{ items: IatiImportListItem[]; nextCursor: string | null }>('/api/iati/imports', { signal, query: { limit: 50 } }) });

/** One import, polled every second until it is finished. */
export const useIatiImport = (id: string | null) =>
  useQuery({
    queryKey: ['iati', 'imports', id],
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<IatiImport>(`/api/iati/imports/${id}`, { signal }),
    refetchInterval: (query) => (finished(query.state.data?.status) ? false : 1_000),
  });

async function csrfToken(): Promise<string | null> {
  const response = await fetch('/api/auth/csrf', { credentials: 'include', headers: { accept: 'application/json' } });
  if (!response.ok) return null;
  const body = (await response.json()) as { token?: unknown };
  return typeof body.token === 'string' ? body.token : null;
}

/** Sends an IATI file as the raw body (the API takes XML, not JSON); answers the import's id. */
export function useUploadIati() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<{ id: string }> => {
      const token = await csrfToken();
      let response: Response;
      try {
        response = await fetch(`/api/iati/imports?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          credentials: 'include',
          headers: { accept: 'application/json', 'content-type': 'application/xml', ...(token ? { 'x-csrf-token': token } : {}) },
          body: file,
        });
      } catch {
        throw new ApiError({ status: 0, code: 'network_error', message: 'The server could not be reached.' });
      }
      if (!response.ok) throw await parseErrorResponse(response);
      return (await response.json()) as { id: string };
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['iati', 'imports'] }),
  });
}

const filterQuery = (filter: AnalysisFilter) => ({ publisher: filter.publisher || undefined, country: filter.country || undefined });

export const useFundingFlows = (filter: AnalysisFilter) =>
  useQuery({ queryKey: ['iati', 'funding-flows', filter], queryFn: ({ signal }) => api.get<FundingFlows>('/api/iati/analysis/funding-flows', { signal, query: filterQuery(filter) }) });
export const useLocalization = (filter: AnalysisFilter) =>
  useQuery({ queryKey: ['iati', 'localization', filter], queryFn: ({ signal }) => api.get<Localization>('/api/iati/analysis/localization', { signal, query: filterQuery(filter) }) });
export const useCoParticipation = (filter: AnalysisFilter) =>
  useQuery({ queryKey: ['iati', 'co-participation', filter], queryFn: ({ signal }) => api.get<CoParticipation>('/api/iati/analysis/co-participation', { signal, query: filterQuery(filter) }) });

/** The address of an analysis as CSV, for a download link. */
export function analysisCsvUrl(kind: 'funding-flows' | 'co-participation' | 'localization', filter: AnalysisFilter): string {
  const query = new URLSearchParams({ format: 'csv' });
  if (filter.publisher) query.set('publisher', filter.publisher);
  if (filter.country) query.set('country', filter.country);
  return `/api/iati/analysis/${kind}?${query.toString()}`;
}

export type OrganizationIatiProfile = {
  organizationId: string;
  activities: number;
  published: number;
  roles: { funding: number; accountable: number; extending: number; implementing: number };
  currency: string | null;
  received: number;
  passedOn: number;
  intermediary: boolean;
  funders: Array<{ id: string; name: string; value: number }>;
  recipients: Array<{ id: string; name: string; value: number }>;
  localActor: boolean;
  country: string | null;
};

export const useOrganizationIatiProfile = (organizationId: string) =>
  useQuery({ queryKey: ['iati', 'organization', organizationId], queryFn: ({ signal }) => api.get<OrganizationIatiProfile>(`/api/organizations/${organizationId}/iati-profile`, { signal }) });
