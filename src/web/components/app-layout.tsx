import { AppShell, Burger, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { isApiError, setUnauthorizedHandler } from '../api/client';
import { useMe } from '../api/me';
import type { Me } from '../api/types';
import { applyLanguage, isAppLanguage } from '../i18n';
import { ErrorAlert } from './error-alert';
import { LanguageSwitch } from './language-switch';
import { NAVIGATION } from './navigation';
import { SkipLink } from './skip-link';
import { UserMenu } from './user-menu';

export const MAIN_CONTENT_ID = 'main-content';

/** Pages of the application behind log-in: header, sidebar navigation and the page itself. */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const { t } = useTranslation();

  useSessionExpiry();
  useProfileLanguage(me.data);

  if (me.isPending) {
    return (
      <Center h="100vh" role="status" aria-live="polite">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  return <Shell me={me.data} />;
}

function Shell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  // On a phone the navigation covers the page: close it once a section is chosen.
  useEffect(close, [location.pathname, close]);

  const entries = NAVIGATION.filter((entry) => !entry.isFor || entry.isFor(me));
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Title order={2} size="h4" c="teal.9">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                {t('app.name')}
              </Link>
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md" truncate>
              {me.organization.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch saveToProfile />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('nav.main')}>
        {entries.map((entry) => (
          <NavLink
            key={entry.to}
            component={Link}
            to={entry.to}
            label={t(`nav.${entry.labelKey}`)}
            active={isActive(entry.to)}
            aria-current={isActive(entry.to) ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet context={me} />
      </AppShell.Main>
    </AppShell>
  );
}

/** A request that finds the session gone sends the user to log in again, then back here. */
function useSessionExpiry() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const from = useRef(location.pathname + location.search);
  from.current = location.pathname + location.search;

  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.clear();
      navigate('/login', { replace: true, state: { from: from.current, expired: true } });
    });
  }, [navigate, queryClient]);
}

/** The user's profile language wins over the device's, each time it is loaded or changed. */
function useProfileLanguage(me: Me | undefined) {
  const profileLanguage = me?.user.language;
  useEffect(() => {
    if (isAppLanguage(profileLanguage)) void applyLanguage(profileLanguage);
  }, [profileLanguage]);
}
