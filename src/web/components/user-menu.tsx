import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../api/auth';
import type { Me } from '../api/types';

/** The logged-in person, with their settings and log-out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();

  const logOut = () => {
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('userMenu.label', { name: me.user.name })}
          style={{ display: 'flex', alignItems: 'center', gap: 8, borderRadius: 999, padding: 2 }}
        >
          {/* The initials stay out of the accessible name, which must contain the visible text (the name). */}
          <Avatar size="sm" color="teal" radius="xl" aria-hidden="true" />
          <Text size="sm" visibleFrom="sm" fw={500}>
            {me.user.name}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.user.email}
          <br />
          {me.organization.name}
        </Menu.Label>
        <Menu.Item component={Link} to="/settings">
          {t('userMenu.settings')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={logOut} disabled={logout.isPending}>
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
