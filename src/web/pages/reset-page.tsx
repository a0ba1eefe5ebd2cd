import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldErrorsOf, isApiError } from '../api/client';
import { useResetPassword } from '../api/password-resets';
import { useErrorMessage } from '../components/error-message';
import { usePageTitle } from '../components/page-title';
import { checkPasswordPair, PasswordFields, type PasswordPair } from '../components/password-fields';
import { PublicLayout } from '../components/public-layout';

export function ResetPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.pageTitle'));
  const { token = '' } = useParams();
  const reset = useResetPassword(token);
  const messageOf = useErrorMessage();
  const [passwords, setPasswords] = useState<PasswordPair>({ password: '', confirmation: '' });
  const [localErrors, setLocalErrors] = useState<{ password?: string; confirmation?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = checkPasswordPair(passwords, t);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    reset.mutate({ password: passwords.password });
  };

  if (reset.isSuccess) {
    return (
      <PublicLayout title={t('reset.title')}>
        <Stack>
          <Alert color="teal" role="status">
            {t('reset.success')}
          </Alert>
          <Button component={Link} to="/login">
            {t('reset.toLogin')}
          </Button>
        </Stack>
      </PublicLayout>
    );
  }

  const error = reset.error;
  const serverErrors = fieldErrorsOf(error);
  const gone = isApiError(error) && (error.status === 404 || error.status === 410);
  let formError: string | null = null;
  if (gone) formError = error.status === 410 ? t('reset.expired') : t('reset.notFound');
  else if (error && Object.keys(serverErrors).length === 0) formError = messageOf(error);

  return (
    <PublicLayout title={t('reset.title')}>
      <Stack gap="md">
        <Text size="sm">{t('reset.intro')}</Text>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {formError ? (
              <Alert color="red" role="alert">
                {formError}
              </Alert>
            ) : null}
            <PasswordFields
              value={passwords}
              onChange={setPasswords}
              errors={{ password: localErrors.password ?? serverErrors.password, confirmation: localErrors.confirmation }}
            />
            <Button type="submit" loading={reset.isPending} fullWidth mt="xs">
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
        {gone ? (
          <Anchor component={Link} to="/login" size="sm">
            {t('reset.toLogin')}
          </Anchor>
        ) : null}
      </Stack>
    </PublicLayout>
  );
}
