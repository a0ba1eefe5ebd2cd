import { useMutation } from '@tanstack/react-query';
import { api } from './client';

export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (input: { password: string }) =>
      api.post<void>(`/api/password-resets/${encodeURIComponent(token)}`, input, { isPublic: true }),
  });
}
