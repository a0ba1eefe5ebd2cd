import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiRequest } from './client';
import type { Page } from './types';
import type {
  addRecipientsBody,
  answeringForm,
  answersBody,
  createInstrumentBody,
  createRoundBody,
  instrumentDetail,
  issuedLinks,
  progressDetail,
  roundDetail,
  roundResults,
} from '../../modules/surveys/schemas.js';

export type SurveyInstrument = z.infer<typeof instrumentDetail>;
export type InstrumentDefinitionInput = z.input<typeof createInstrumentBody>['definition'];
export type SurveyRound = z.infer<typeof roundDetail>;
export type NewRound = z.input<typeof createRoundBody>;
export type NewRecipients = z.input<typeof addRecipientsBody>;
export type IssuedLinks = z.infer<typeof issuedLinks>;
export type RoundProgress = z.infer<typeof progressDetail>;
export type SurveyResults = z.infer<typeof roundResults>;
export type AnsweringForm = z.infer<typeof answeringForm>;
export type Answers = z.input<typeof answersBody>;
export type ProgrammeMember = { organization: { id: string; name: string }; role: string; active: boolean };

/** Built-in instruments and the organization's own. */
export function useInstruments() {
  return useQuery({ queryKey: ['surveys', 'instruments'], queryFn: ({ signal }) => api.get<Page<SurveyInstrument>>('/api/survey-instruments', { query: { limit: 100 }, signal }) });
}

export function useInstrument(id: string | undefined) {
  return useQuery({ queryKey: ['surveys', 'instruments', id], enabled: Boolean(id), queryFn: ({ signal }) => api.get<SurveyInstrument>(`/api/survey-instruments/${id}`, { signal }) });
}

export function useSaveInstrument(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { definition: InstrumentDefinitionInput; version?: number }) =>
      id ? api.patch<SurveyInstrument>(`/api/survey-instruments/${id}`, { version: input.version, definition: input.definition }) : api.post<SurveyInstrument>('/api/survey-instruments', { definition: input.definition }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['surveys', 'instruments'] }),
  });
}

/** Rounds the user may see. */
export function useRounds() {
  return useQuery({ queryKey: ['surveys', 'rounds'], queryFn: ({ signal }) => api.get<Page<SurveyRound>>('/api/survey-rounds', { query: { limit: 100 }, signal }) });
}

export function useRound(id: string) {
  return useQuery({ queryKey: ['surveys', 'rounds', id], queryFn: ({ signal }) => api.get<SurveyRound>(`/api/survey-rounds/${id}`, { signal }) });
}

export function useCreateRound() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (input: NewRound) => api.post<SurveyRound>('/api/survey-rounds', input), onSuccess: () => client.invalidateQueries({ queryKey: ['surveys', 'rounds'] }) });
}

export function useCloseRound(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (version: number) => api.post<SurveyRound>(`/api/survey-rounds/${id}/close`, { version }), onSuccess: () => client.invalidateQueries({ queryKey: ['surveys'] }) });
}

export function useRoundProgress(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['surveys', 'rounds', id, 'progress'], enabled, queryFn: ({ signal }) => api.get<RoundProgress>(`/api/survey-rounds/${id}/progress`, { signal }) });
}

export function useAddRecipients(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (input: NewRecipients) => api.post<IssuedLinks>(`/api/survey-rounds/${id}/recipients`, input), onSuccess: () => client.invalidateQueries({ queryKey: ['surveys', 'rounds', id, 'progress'] }) });
}

export function useRenewLink(id: string) {
  return useMutation({ mutationFn: (recipientId: string) => api.post<IssuedLinks>(`/api/survey-rounds/${id}/recipients/${recipientId}/link`, {}) });
}

export function useRoundResults(id: string) {
  return useQuery({ queryKey: ['surveys', 'rounds', id, 'results'], queryFn: ({ signal }) => api.get<SurveyResults>(`/api/survey-rounds/${id}/results`, { signal }) });
}

/** Member organizations of a programme, for choosing recipients. */
export function useProgrammeMembers(programmeId: string | null) {
  return useQuery({
    queryKey: ['programmes', programmeId, 'members'],
    enabled: Boolean(programmeId),
    queryFn: ({ signal }) => api.get<Page<ProgrammeMember>>(`/api/programmes/${programmeId}/members`, { query: { limit: 100 }, signal }),
  });
}

/** The public answering side: the personal link is the only credential. */
export const answeringApi = {
  load: (token: string, language?: string) => api.get<AnsweringForm>(`/api/survey-answers/${encodeURIComponent(token)}`, { query: { lang: language }, isPublic: true }),
  saveDraft: (token: string, answers: Answers) => apiRequest<{ status: 'ok' }>(`/api/survey-answers/${encodeURIComponent(token)}/draft`, { method: 'PUT', body: answers, isPublic: true }),
  submit: (token: string, answers: Answers) => api.post<{ status: 'ok' }>(`/api/survey-answers/${encodeURIComponent(token)}`, answers, { isPublic: true }),
};
