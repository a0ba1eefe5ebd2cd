import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type NetworkSummary = { id: string; organization: { id: string; name: string; acronym: string | null }; kind: 'network' | 'association'; description: string | null; members: number };
export type Membership = { id: string; organization: { id: string; name: string }; role: string; joinedOn: string | null; leftOn: string | null; current: boolean };
export type NetworkDetail = NetworkSummary & { memberships: Membership[]; canManage: boolean };
export type StatementSummary = { id: string; status: 'draft' | 'published'; title: string; draftingOrganization: { name: string }; publishedAt: string | null; signed: number; declined: number; invited: number };
export type StatementDetail = {
  id: string;
  status: 'draft' | 'published';
  title: string;
  html: string;
  textVersion: number;
  publishedAt: string | null;
  draftingOrganization: { name: string };
  signatories: Array<{ organizationId: string; name: string; signedAt: string }>;
  invitations: Array<{ organizationId: string; name: string; status: 'invited' | 'signed' | 'declined' }> | null;
  myAnswer: 'invited' | 'signed' | 'declined' | null;
  version: number;
  canPublish: boolean;
  canRespond: boolean;
};

export const useNetworks = () => useQuery({ queryKey: ['networks'], queryFn: ({ signal }) => api.get<{ items: NetworkSummary[] }>('/api/networks', { signal }) });
export const useNetwork = (id: string | null) =>
  useQuery({ queryKey: ['networks', id], enabled: id !== null, queryFn: ({ signal }) => api.get<NetworkDetail>(`/api/networks/${id}`, { signal }) });
export const useStatements = () => useQuery({ queryKey: ['statements'], queryFn: ({ signal }) => api.get<{ items: StatementSummary[] }>('/api/statements', { signal }) });
export const useStatement = (id: string | null) =>
  useQuery({ queryKey: ['statements', id], enabled: id !== null, queryFn: ({ signal }) => api.get<StatementDetail>(`/api/statements/${id}`, { signal }) });

/** Sign off, decline or publish a statement; refreshes the statement lists. */
export function useStatementAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: 'signed' | 'declined' | 'publish'; textVersion: number; version: number }) =>
      action.kind === 'publish'
        ? api.post<StatementDetail>(`/api/statements/${id}/publish`, { version: action.version })
        : api.post<StatementDetail>(`/api/statements/${id}/response`, { answer: action.kind, version: action.textVersion }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['statements'] }),
  });
}
