import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import type { Invitation, LoginResult } from './types';

/** The invitation behind a one-time link (public: the invitee has no account yet). */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitations', token],
    queryFn: ({ signal }) =>
      api.get<Invitation>(`/api/invitations/${encodeURIComponent(token)}`, { isPublic: true, signal }),
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; password: string }) =>
      api.post<LoginResult>(`/api/invitations/${encodeURIComponent(token)}/accept`, input, { isPublic: true }),
    onSuccess: (result) => {
      setCsrfToken(result.csrfToken);
      queryClient.clear();
    },
  });
}
