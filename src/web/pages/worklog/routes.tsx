import type { RouteObject } from 'react-router';

/** The working log's pages, children of a programme's layout (under its "Working log" tab). */
export const worklogRoutes: RouteObject[] = [
  {
    path: 'log',
    lazy: async () => ({ Component: (await import('./log-layout')).LogLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./timeline-page')).TimelinePage }) },
      { path: 'meetings/new', lazy: async () => ({ Component: (await import('./meeting-pages')).MeetingFormPage }) },
      { path: 'meetings/:meetingId', lazy: async () => ({ Component: (await import('./meeting-pages')).MeetingPage }) },
      { path: 'meetings/:meetingId/edit', lazy: async () => ({ Component: (await import('./meeting-pages')).MeetingFormPage }) },
      { path: 'decisions', lazy: async () => ({ Component: (await import('./decision-pages')).DecisionsPage }) },
      { path: 'decisions/new', lazy: async () => ({ Component: (await import('./decision-pages')).DecisionFormPage }) },
      { path: 'decisions/:decisionId', lazy: async () => ({ Component: (await import('./decision-pages')).DecisionPage }) },
      { path: 'decisions/:decisionId/edit', lazy: async () => ({ Component: (await import('./decision-pages')).DecisionFormPage }) },
      { path: 'interactions', lazy: async () => ({ Component: (await import('./interactions-page')).InteractionsPage }) },
      { path: 'learning', lazy: async () => ({ Component: (await import('./learning-ratings-page')).LearningRatingsPage }) },
      { path: 'mine', lazy: async () => ({ Component: (await import('./my-organization-page')).MyOrganizationPage }) },
    ],
  },
];
