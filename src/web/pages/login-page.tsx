import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useLogin } from '../api/auth';
import { fieldErrorsOf, isApiError } from '../api/client';
import { useErrorMessage } from '../components/error-message';
import { usePageTitle } from '../components/page-title';
import { PublicLayout } from '../components/public-layout';

type LoginLocationState = { from?: string; expired?: boolean } | null;

/** Where to go after log-in: back where the user was, but never off this site. */
function safeDestination(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.pageTitle'));
  const navigate = useNavigate();
  const state = useLocation().state as LoginLocationState;
  const login = useLogin();
  const messageOf = useErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => navigate(safeDestination(state?.from), { replace: true }) },
    );
  };

  const error = login.error;
  const fieldErrors = fieldErrorsOf(error);
  let formError: string | null = null;
  if (error && Object.keys(fieldErrors).length === 0) {
    if (isApiError(error) && error.code === 'invalid_credentials') formError = t('login.invalidCredentials');
    else if (isApiError(error) && error.status === 429) {
      formError =
        error.retryAfterSeconds !== null
          ? t('login.rateLimited', { count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) })
          : t('login.rateLimitedLater');
    } else formError = messageOf(error);
  }

  return (
    <PublicLayout title={t('login.title')}>
      <Stack gap="md">
        <Text c="dimmed" size="sm">
          {t('login.intro')}
        </Text>
        {state?.expired && !error ? (
          <Alert color="yellow" role="status">
            {t('login.sessionExpired')}
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {formError ? (
              <Alert color="red" role="alert">
                {formError}
              </Alert>
            ) : null}
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldErrors.email}
              data-autofocus
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldErrors.password}
            />
            <Button type="submit" loading={login.isPending} fullWidth mt="xs">
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
        <Text size="xs" c="dimmed">
          {t('login.forgotten')}
        </Text>
      </Stack>
    </PublicLayout>
  );
}
