import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './error-message';

type ErrorAlertProps = { error: unknown; title?: string; onRetry?: () => void };

/** A failed request, said plainly, with a way to try again when that makes sense. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  return (
    <Alert color="red" title={title ?? t('errors.loadFailed')} role="alert">
      {messageOf(error)}
      {onRetry ? (
        <Button variant="light" color="red" size="xs" mt="sm" display="block" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
