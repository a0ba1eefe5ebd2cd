import { Alert, Anchor, Button, Center, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrorsOf, isApiError } from '../api/client';
import { useAcceptInvitation, useInvitation } from '../api/invitations';
import { ErrorAlert } from '../components/error-alert';
import { useErrorMessage } from '../components/error-message';
import type { UserRole } from '../api/types';
import { usePageTitle } from '../components/page-title';
import { checkPasswordPair, PasswordFields, type PasswordPair } from '../components/password-fields';
import { PublicLayout } from '../components/public-layout';
import { useFormat } from '../components/use-format';

export function InvitePage() {
  const { t } = useTranslation();
  usePageTitle(t('invite.pageTitle'));
  const { token = '' } = useParams();
  const invitation = useInvitation(token);

  if (invitation.isPending) {
    return (
      <PublicLayout title={t('invite.pageTitle')}>
        <Center role="status">
          <Loader aria-label={t('common.loading')} />
        </Center>
      </PublicLayout>
    );
  }
  if (invitation.isError) {
    const error = invitation.error;
    const gone = isApiError(error) && (error.status === 404 || error.status === 410);
    return (
      <PublicLayout title={t('invite.pageTitle')}>
        <Stack>
          {gone ? (
            <Alert color="yellow" role="alert">
              {error.status === 410 ? t('invite.expired') : t('invite.notFound')}
            </Alert>
          ) : (
            <ErrorAlert error={error} onRetry={() => void invitation.refetch()} />
          )}
          <Anchor component={Link} to="/login">
            {t('invite.toLogin')}
          </Anchor>
        </Stack>
      </PublicLayout>
    );
  }

  const { organization, email, role, expiresAt } = invitation.data;
  return (
    <PublicLayout title={t('invite.title', { organization: organization.name })}>
      <AcceptForm token={token} organization={organization.name} email={email} role={role} expiresAt={expiresAt} />
    </PublicLayout>
  );
}

type AcceptFormProps = { token: string; organization: string; email: string; role: UserRole; expiresAt: string };

function AcceptForm({ token, organization, email, role, expiresAt }: AcceptFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const messageOf = useErrorMessage();
  const [name, setName] = useState('');
  const [passwords, setPasswords] = useState<PasswordPair>({ password: '', confirmation: '' });
  const [localErrors, setLocalErrors] = useState<{ name?: string; password?: string; confirmation?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = { ...checkPasswordPair(passwords, t), ...(name.trim() ? {} : { name: t('common.required') }) };
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    accept.mutate(
      { name: name.trim(), password: passwords.password },
      { onSuccess: () => navigate('/', { replace: true }) },
    );
  };

  const serverErrors = fieldErrorsOf(accept.error);
  const hasFieldErrors = Object.keys(serverErrors).length > 0;
  const gone = isApiError(accept.error) && (accept.error.status === 404 || accept.error.status === 410);

  return (
    <Stack gap="md">
      <Text size="sm">{t('invite.intro', { organization })}</Text>
      <TextInput label={t('invite.email')} value={email} readOnly />
      <TextInput label={t('invite.role')} value={t(`roles.${role}`)} readOnly />
      <Text size="xs" c="dimmed">
        {t('invite.expires', { date: format.dateTime(expiresAt) })}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {accept.error && !hasFieldErrors ? (
            <Alert color="red" role="alert">
              {gone ? t('invite.expired') : messageOf(accept.error)}
            </Alert>
          ) : null}
          <TextInput
            label={t('invite.name')}
            autoComplete="name"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={localErrors.name ?? serverErrors.name}
          />
          <PasswordFields
            value={passwords}
            onChange={setPasswords}
            errors={{ password: localErrors.password ?? serverErrors.password, confirmation: localErrors.confirmation }}
          />
          <Button type="submit" loading={accept.isPending} fullWidth mt="xs">
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
