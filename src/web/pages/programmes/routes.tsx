import type { RouteObject } from 'react-router';
import { worklogRoutes } from '../worklog/routes';

/** The programme pages, loaded on demand; a programme's own pages share a layout with tabs. */
export const programmeRoutes: RouteObject[] = [
  { path: 'authenticity', lazy: async () => ({ Component: (await import('../authenticity/portfolio-page')).AuthenticityPortfolioPage }) },
  { path: 'programmes', lazy: async () => ({ Component: (await import('./programmes-page')).ProgrammesPage }) },
  {
    path: 'programmes/:programmeId',
    lazy: async () => ({ Component: (await import('./programme-layout')).ProgrammeLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./overview-page')).OverviewPage }) },
      { path: 'consortium', lazy: async () => ({ Component: (await import('./consortium-page')).ConsortiumPage }) },
      { path: 'agreement', lazy: async () => ({ Component: (await import('./agreement-page')).AgreementPage }) },
      { path: 'plan', lazy: async () => ({ Component: (await import('./plan-page')).PlanPage }) },
      { path: 'budget', lazy: async () => ({ Component: (await import('./budget-page')).BudgetPage }) },
      { path: 'team', lazy: async () => ({ Component: (await import('./team-page')).TeamPage }) },
      { path: 'authenticity', lazy: async () => ({ Component: (await import('../authenticity/dashboard-page')).AuthenticityDashboardPage }) },
      ...worklogRoutes,
    ],
  },
];
