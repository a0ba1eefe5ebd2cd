import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Me, MeChanges } from './types';

export const meQueryKey = ['me'] as const;

/** The logged-in user and their organization; a 401 is left to the caller (see RequireSession). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.get<Me>('/api/me', { isPublic: true, signal }),
    staleTime: 60_000,
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: MeChanges) => api.patch<Me>('/api/me', changes),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
