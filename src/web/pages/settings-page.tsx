import { Alert, Button, Center, Group, Loader, Modal, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../api/client';
import { useUpdateMe } from '../api/me';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/tokens';
import type { ApiToken, CreatedApiToken, Me } from '../api/types';
import { CopyField } from '../components/copy-field';
import { useCurrentUser } from '../components/current-user';
import { ErrorAlert } from '../components/error-alert';
import { useErrorMessage } from '../components/error-message';
import { usePageTitle } from '../components/page-title';
import { useFormat } from '../components/use-format';
import { applyLanguage, isAppLanguage, LANGUAGES } from '../i18n';

/** The user's own profile and their personal API tokens. */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.pageTitle'));
  const me = useCurrentUser();
  return (
    <Stack gap="lg" maw={900}>
      <Title order={1}>{t('settings.title')}</Title>
      <ProfileSection me={me} />
      <TokensSection />
    </Stack>
  );
}

function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const updateMe = useUpdateMe();
  const messageOf = useErrorMessage();
  const [name, setName] = useState(me.user.name);
  const [language, setLanguage] = useState<string>(me.user.language ?? '');
  const [nameError, setNameError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('common.required'));
      return;
    }
    setNameError(undefined);
    const chosenLanguage = isAppLanguage(language) ? language : undefined;
    updateMe.mutate(
      { name: name.trim(), ...(chosenLanguage ? { language: chosenLanguage } : {}) },
      {
        onSuccess: () => {
          if (chosenLanguage) void applyLanguage(chosenLanguage);
          notifications.show({ color: 'teal', message: t('settings.profile.saved') });
        },
      },
    );
  };

  const serverErrors = fieldErrorsOf(updateMe.error);
  const hasFieldErrors = Object.keys(serverErrors).length > 0;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="profile-heading">
      <Title order={2} size="h3" id="profile-heading" mb="sm">
        {t('settings.profile.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={480}>
          {updateMe.error && !hasFieldErrors ? (
            <Alert color="red" role="alert">
              {messageOf(updateMe.error)}
            </Alert>
          ) : null}
          <TextInput label={t('settings.profile.email')} value={me.user.email} readOnly />
          <TextInput
            label={t('settings.profile.name')}
            autoComplete="name"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError ?? serverErrors.name}
          />
          <Select
            label={t('settings.profile.language')}
            description={t('settings.profile.languageHint')}
            data={LANGUAGES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
            value={language || null}
            onChange={(value) => setLanguage(value ?? '')}
            placeholder={t('common.notSet')}
            error={serverErrors.language}
            allowDeselect={false}
          />
          <Group>
            <Button type="submit" loading={updateMe.isPending}>
              {t('settings.profile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TokensSection() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="tokens-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="tokens-heading">
            {t('settings.tokens.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.tokens.intro')}
          </Text>
        </div>
        <CreateTokenForm onCreated={setCreated} />
        {created ? (
          <Alert color="yellow" title={t('settings.tokens.createdTitle', { name: created.name })} role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setCreated(null)}>
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('settings.tokens.createdWarning')}
              </Text>
              <CopyField label={t('settings.tokens.tokenLabel')} value={created.token} />
            </Stack>
          </Alert>
        ) : null}
        {tokens.isPending ? (
          <Center role="status">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : tokens.isError ? (
          <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('settings.tokens.empty')}
          </Text>
        ) : (
          <TokenTable tokens={tokens.data.items} />
        )}
      </Stack>
    </Paper>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const createToken = useCreateApiToken();
  const messageOf = useErrorMessage();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('common.required'));
      return;
    }
    setNameError(undefined);
    createToken.mutate(
      { name: name.trim() },
      {
        onSuccess: (token) => {
          setName('');
          onCreated(token);
        },
      },
    );
  };

  const serverErrors = fieldErrorsOf(createToken.error);
  const otherError = createToken.error && !serverErrors.name ? messageOf(createToken.error) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('settings.tokens.name')}
          description={t('settings.tokens.nameHint')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameError ?? serverErrors.name ?? otherError}
          style={{ flex: '1 1 240px' }}
          maxLength={100}
        />
        <Button type="submit" loading={createToken.isPending} mt={{ base: 0, xs: 42 }}>
          {t('settings.tokens.create')}
        </Button>
      </Group>
    </form>
  );
}

function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs" aria-label={t('settings.tokens.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('settings.tokens.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('settings.tokens.columns.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('settings.tokens.columns.lastUsedAt')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('settings.tokens.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Th scope="row" fw={500}>
                  {token.name}
                </Table.Th>
                <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
                <Table.Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('settings.tokens.neverUsed')}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('settings.tokens.revokeLabel', { name: token.name })}
                    onClick={() => setRevoking(token)}
                  >
                    {t('settings.tokens.revoke')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function RevokeTokenDialog({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiToken();
  const messageOf = useErrorMessage();

  const close = () => {
    revoke.reset();
    onClose();
  };
  const confirm = () => {
    if (!token) return;
    revoke.mutate(token.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('settings.tokens.revoked', { name: token.name }) });
        close();
      },
    });
  };

  return (
    <Modal opened={token !== null} onClose={close} title={t('settings.tokens.revokeTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm">{t('settings.tokens.revokeBody', { name: token?.name ?? '' })}</Text>
        {revoke.error ? (
          <Alert color="red" role="alert">
            {messageOf(revoke.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={revoke.isPending}>
            {t('settings.tokens.revokeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
