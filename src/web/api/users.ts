import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { CreatedInvitation, OneTimeLink, OrganizationUser, Page, UserRole } from './types';

const PAGE_SIZE = 50;
const usersQueryKey = ['users', 'list'] as const;

/** Users the actor administers: their organization's, or everyone's for an instance administrator. */
export function useUsers() {
  return useInfiniteQuery({
    queryKey: usersQueryKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<OrganizationUser>>('/api/users', { query: { limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useInviteColleague() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: UserRole }) => api.post<CreatedInvitation>('/api/invitations', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

export function useIssuePasswordReset() {
  return useMutation({
    mutationFn: (userId: string) =>
      api.post<OneTimeLink>(`/api/users/${encodeURIComponent(userId)}/password-reset`),
  });
}
