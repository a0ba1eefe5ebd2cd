import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Page } from './types';

export const NETWORK_KINDS = ['network', 'association'] as const;
export const MEMBERSHIP_ROLES = ['member', 'founding-member', 'board', 'secretariat', 'observer'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

type OrganizationRef = { id: string; name: string; acronym: string | null; country: string | null };
export type NetworkSummary = { id: string; organization: OrganizationRef; kind: NetworkKind; description: string | null; members: number };
export type Membership = { id: string; organization: OrganizationRef; role: MembershipRole; joinedOn: string | null; leftOn: string | null; current: boolean; version: number };
export type NetworkDetail = NetworkSummary & { memberships: Membership[]; canManage: boolean };
export type OrganizationMembership = { id: string; network: { id: string; organizationId: string; name: string; acronym: string | null; kind: NetworkKind }; role: MembershipRole; joinedOn: string | null; leftOn: string | null; current: boolean };
export type StatementSummary = { id: string; status: 'draft' | 'published'; title: string; networkId: string | null; draftingOrganization: { id: string; name: string }; publishedAt: string | null; signed: number; declined: number; invited: number; updatedAt: string };
export type SignatoryStatus = 'invited' | 'signed' | 'declined';
export type StatementDetail = {
  id: string;
  status: 'draft' | 'published';
  networkId: string | null;
  title: string;
  body: string;
  html: string;
  textVersion: number;
  publishedAt: string | null;
  draftingOrganization: { id: string; name: string };
  signatories: Array<{ organizationId: string; name: string; signedAt: string }>;
  invitations: Array<{ organizationId: string; name: string; status: SignatoryStatus; respondedVersion: number | null; respondedAt: string | null; comment: string | null }> | null;
  myAnswer: SignatoryStatus | null;
  version: number;
  canEdit: boolean;
  canInvite: boolean;
  canPublish: boolean;
  canRespond: boolean;
};
export type StatementVersion = { number: number; title: string; body: string; authorName: string; createdAt: string };

export const useNetworks = () => useQuery({ queryKey: ['networks'], queryFn: ({ signal }) => api.get<{ items: NetworkSummary[] }>('/api/networks', { signal }) });
export const useNetwork = (id: string | null) =>
  useQuery({ queryKey: ['networks', id], enabled: id !== null, queryFn: ({ signal }) => api.get<NetworkDetail>(`/api/networks/${id}`, { signal }) });
export const useMemberships = (organizationId: string | undefined) =>
  useQuery({
    queryKey: ['networks', 'memberships', organizationId],
    enabled: Boolean(organizationId),
    queryFn: ({ signal }) => api.get<{ items: OrganizationMembership[] }>(`/api/organizations/${organizationId}/memberships`, { signal }),
  });
/** Statements the organization may read, most recently changed first, a page at a time. */
export const useStatements = () =>
  useInfiniteQuery({
    queryKey: ['statements'],
    queryFn: ({ pageParam, signal }) => api.get<Page<StatementSummary>>('/api/statements', { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
export const useStatement = (id: string | null) =>
  useQuery({ queryKey: ['statements', id], enabled: id !== null, queryFn: ({ signal }) => api.get<StatementDetail>(`/api/statements/${id}`, { signal }) });
export const useStatementVersions = (id: string, enabled: boolean) =>
  useQuery({ queryKey: ['statements', id, 'versions'], enabled, queryFn: ({ signal }) => api.get<{ items: StatementVersion[] }>(`/api/statements/${id}/versions`, { signal }) });

/** A mutation that refreshes networks and statements once it succeeds. */
function useNetworksMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['networks'] }), client.invalidateQueries({ queryKey: ['statements'] })]),
  });
}

export type MarkNetworkInput = { organizationId: string; kind: NetworkKind; description: string | null };
export const useMarkNetwork = () => useNetworksMutation((input: MarkNetworkInput) => api.post<NetworkDetail>('/api/networks', input));

export type MemberInput = { organizationId: string; role: MembershipRole; joinedOn: string | null; leftOn: string | null };
export const useAddMember = (networkId: string) => useNetworksMutation((input: MemberInput) => api.post<Membership>(`/api/networks/${networkId}/members`, input));
export const useUpdateMember = (networkId: string) =>
  useNetworksMutation(({ id, ...changes }: { id: string; version: number; role: MembershipRole; joinedOn: string | null; leftOn: string | null }) =>
    api.patch<Membership>(`/api/networks/${networkId}/members/${id}`, changes),
  );

export type StatementInput = { networkId: string | null; title: string; body: string; invite: string[] };
export const useCreateStatement = () => useNetworksMutation((input: StatementInput) => api.post<StatementDetail>('/api/statements', input));
export const useReviseStatement = (id: string) =>
  useNetworksMutation((input: { version: number; title: string; body: string }) => api.post<StatementDetail>(`/api/statements/${id}/versions`, input));
export const useInviteSignatories = (id: string) =>
  useNetworksMutation((organizationIds: string[]) => api.post<StatementDetail>(`/api/statements/${id}/invitations`, { organizationIds }));

/** Sign off, decline or publish a statement; refreshes the statement lists. */
export const useStatementAction = (id: string) =>
  useNetworksMutation((action: { kind: 'signed' | 'declined' | 'publish'; textVersion: number; version: number; comment?: string | null }) =>
    action.kind === 'publish'
      ? api.post<StatementDetail>(`/api/statements/${id}/publish`, { version: action.version })
      : api.post<StatementDetail>(`/api/statements/${id}/response`, { answer: action.kind, version: action.textVersion, comment: action.comment ?? null }),
  );
