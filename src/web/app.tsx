import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { isApiError } from './api/client';
import { AppLayout } from './components/app-layout';
import { i18next } from './i18n';
import { AdminUsersPage } from './pages/admin-users-page';
import { HomePage } from './pages/home-page';
import { InvitePage } from './pages/invite-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { ResetPage } from './pages/reset-page';
import { SettingsPage } from './pages/settings-page';
import { registryRoutes } from './pages/registry/routes';
import { appraisalRoutes } from './pages/appraisal/routes';
import { programmeRoutes } from './pages/programmes/routes';
import { publicSurveyRoutes, surveyRoutes } from './pages/surveys/routes';
import { NetworksPage } from './pages/networks/networks-page';
import { IatiPage } from './pages/iati/iati-page';
import { StrategyPage } from './pages/strategy/strategy-page';
import { PortfolioPage } from './pages/strategy/portfolio-page';
import { ArticlePage, KnowledgePage } from './pages/knowledge/knowledge-page';
import { ArticleEditorPage } from './pages/knowledge/article-editor-page';

const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 keeps white button text and teal links at 4.5:1 or more on white (WCAG AA; shade 8 gave 3.9).
  primaryShade: { light: 9, dark: 5 },
  defaultRadius: 'md',
  // Filled badges and buttons on light colours (yellow) get dark text rather than white.
  autoContrast: true,
  // Keyboard users always see where they are; mouse clicks do not leave rings behind.
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
});

/** Light-scheme colours for WCAG AA text contrast: dimmed text one shade darker, light badges and active links on the palest tint. */
const contrastVariables: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Yellow text cannot reach 4.5:1 on a pale background; light yellow badges use dark text.
    '--mantine-color-yellow-light-color': 'var(--mantine-color-dark-7)',
    ...Object.fromEntries(Object.keys(resolved.colors).flatMap((name) => [
      [`--mantine-color-${name}-light`, `var(--mantine-color-${name}-0)`],
      [`--mantine-color-${name}-light-hover`, `var(--mantine-color-${name}-1)`],
    ])),
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; network hiccups and 5xx may.
      retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/invite/:token', element: <InvitePage /> },
  { path: '/reset/:token', element: <ResetPage /> },
  ...publicSurveyRoutes,
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'networks', element: <NetworksPage /> },
      { path: 'iati', element: <IatiPage /> },
      { path: 'strategy', element: <StrategyPage /> },
      { path: 'portfolio', element: <PortfolioPage /> },
      { path: 'knowledge', element: <KnowledgePage /> },
      { path: 'knowledge/:id', element: <ArticlePage /> },
      { path: 'knowledge/new', element: <ArticleEditorPage /> },
      { path: 'knowledge/:id/edit', element: <ArticleEditorPage /> },
      ...registryRoutes,
      { path: 'admin/users', element: <AdminUsersPage /> },
      ...appraisalRoutes,
      ...programmeRoutes,
      ...surveyRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={contrastVariables}>
          <Notifications position="top-right" />
          <RouterProvider router={router} />
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
