import type { RouteObject } from 'react-router';

/** The survey pages behind the log-in, loaded on demand (the chart library stays out of the first load). */
export const surveyRoutes: RouteObject[] = [
  { path: 'surveys', lazy: async () => ({ Component: (await import('./surveys-page')).SurveysPage }) },
  { path: 'surveys/instruments/new', lazy: async () => ({ Component: (await import('./designer-page')).DesignerPage }) },
  { path: 'surveys/instruments/:id', lazy: async () => ({ Component: (await import('./designer-page')).DesignerPage }) },
  { path: 'surveys/rounds/:id', lazy: async () => ({ Component: (await import('./round-page')).RoundPage }) },
  { path: 'surveys/rounds/:id/results', lazy: async () => ({ Component: (await import('./results-page')).ResultsPage }) },
];

/** The public answering page behind a personal link: no account, a small chunk of its own. */
export const publicSurveyRoutes: RouteObject[] = [{ path: '/s/:token', lazy: async () => ({ Component: (await import('./answer-page')).AnswerPage }) }];
