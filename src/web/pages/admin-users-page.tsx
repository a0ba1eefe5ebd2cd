import { Alert, Badge, Button, Center, Group, Loader, Modal, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../api/client';
import type { CreatedInvitation, OneTimeLink, OrganizationUser, UserRole } from '../api/types';
import { useInviteColleague, useIssuePasswordReset, useUsers } from '../api/users';
import { CopyField } from '../components/copy-field';
import { useCurrentUser } from '../components/current-user';
import { ErrorAlert } from '../components/error-alert';
import { useErrorMessage } from '../components/error-message';
import { canAdministerUsers } from '../components/navigation';
import { usePageTitle } from '../components/page-title';
import { useFormat } from '../components/use-format';

const ROLES: UserRole[] = ['member', 'org-admin'];

/** Administrators invite colleagues and hand out password-reset links. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('adminUsers.pageTitle'));
  const me = useCurrentUser();

  if (!canAdministerUsers(me)) {
    return (
      <Stack maw={900}>
        <Title order={1}>{t('adminUsers.pageTitle')}</Title>
        <Alert color="yellow" role="alert">
          {t('adminUsers.forbidden')}
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1}>
          {me.user.isInstanceAdmin ? t('adminUsers.titleInstance') : t('adminUsers.title', { organization: me.organization.name })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('adminUsers.intro')}
        </Text>
      </div>
      <InviteSection />
      <UsersSection showOrganization={me.user.isInstanceAdmin} />
    </Stack>
  );
}

function InviteSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const invite = useInviteColleague();
  const messageOf = useErrorMessage();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole>('member');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      setEmailError(t('common.required'));
      return;
    }
    setEmailError(undefined);
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (invitation) => {
          setCreated(invitation);
          setEmail('');
          setRole('member');
        },
      },
    );
  };

  const serverErrors = fieldErrorsOf(invite.error);
  const hasFieldErrors = Object.keys(serverErrors).length > 0;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="invite-heading">
      <Title order={2} size="h3" id="invite-heading" mb="sm">
        {t('adminUsers.invite.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {invite.error && !hasFieldErrors ? (
            <Alert color="red" role="alert">
              {messageOf(invite.error)}
            </Alert>
          ) : null}
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('adminUsers.invite.email')}
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={emailError ?? serverErrors.email}
              style={{ flex: '2 1 240px' }}
            />
            <Select
              label={t('adminUsers.invite.role')}
              data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
              value={role}
              onChange={(value) => setRole(value === 'org-admin' ? 'org-admin' : 'member')}
              allowDeselect={false}
              error={serverErrors.role}
              style={{ flex: '1 1 200px' }}
            />
          </Group>
          <Group>
            <Button type="submit" loading={invite.isPending}>
              {t('adminUsers.invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {created ? (
        <Alert
          mt="md"
          color="teal"
          role="status"
          title={t('adminUsers.invite.createdTitle', { email: created.email })}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setCreated(null)}
        >
          <Stack gap="xs">
            <Text size="sm">
              {t('adminUsers.invite.createdDescription', { email: created.email, date: format.dateTime(created.expiresAt) })}
            </Text>
            <CopyField label={t('adminUsers.invite.linkLabel')} value={created.link} />
          </Stack>
        </Alert>
      ) : null}
    </Paper>
  );
}

function UsersSection({ showOrganization }: { showOrganization: boolean }) {
  const { t } = useTranslation();
  const users = useUsers();
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="users-heading">
      <Title order={2} size="h3" id="users-heading" mb="sm">
        {t('adminUsers.listLabel')}
      </Title>
      {users.isPending ? (
        <Center role="status">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : users.isError ? (
        <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('adminUsers.empty')}
        </Text>
      ) : (
        <Stack>
          <UserTable users={items} showOrganization={showOrganization} />
          {users.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void users.fetchNextPage()}
              loading={users.isFetchingNextPage}
              style={{ alignSelf: 'center' }}
            >
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}

function UserTable({ users, showOrganization }: { users: OrganizationUser[]; showOrganization: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [resetFor, setResetFor] = useState<OrganizationUser | null>(null);

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped aria-labelledby="users-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('adminUsers.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('adminUsers.columns.email')}</Table.Th>
              <Table.Th scope="col">{t('adminUsers.columns.role')}</Table.Th>
              {showOrganization ? <Table.Th scope="col">{t('adminUsers.columns.organization')}</Table.Th> : null}
              <Table.Th scope="col">{t('adminUsers.columns.createdAt')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('adminUsers.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Th scope="row" fw={500}>
                  {user.name}
                </Table.Th>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light" color={user.role === 'org-admin' ? 'blue' : 'gray'}>
                      {t(`roles.${user.role}`)}
                    </Badge>
                    {user.isInstanceAdmin ? (
                      <Badge variant="light" color="grape">
                        {t('roles.instanceAdmin')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                {showOrganization ? <Table.Td>{user.organization.name}</Table.Td> : null}
                <Table.Td>{format.date(user.createdAt)}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={t('adminUsers.resetLinkLabel', { name: user.name })}
                    onClick={() => setResetFor(user)}
                  >
                    {t('adminUsers.resetLink')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {resetFor ? <ResetLinkDialog user={resetFor} onClose={() => setResetFor(null)} /> : null}
    </>
  );
}

/** Asks before issuing a password-reset link, then shows it once to copy. */
function ResetLinkDialog({ user, onClose }: { user: OrganizationUser; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const issue = useIssuePasswordReset();
  const [link, setLink] = useState<OneTimeLink | null>(null);

  const create = () => issue.mutate(user.id, { onSuccess: setLink });

  return (
    <Modal opened onClose={onClose} title={t('adminUsers.resetTitle', { name: user.name })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        {link ? (
          <>
            <Text size="sm">{t('adminUsers.resetDescription', { name: user.name, date: format.dateTime(link.expiresAt) })}</Text>
            <CopyField label={t('adminUsers.linkLabel')} value={link.link} />
            <Group justify="flex-end">
              <Button onClick={onClose}>{t('common.close')}</Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">{t('adminUsers.resetConfirm', { name: user.name })}</Text>
            {issue.error ? <ErrorAlert error={issue.error} title={t('errors.generic')} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button onClick={create} loading={issue.isPending}>
                {t('adminUsers.resetCreate')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
