import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Page, ProgrammeSummary } from './types';

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
