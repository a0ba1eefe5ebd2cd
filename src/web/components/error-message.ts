import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** A sentence for the user about a failure: ours when we have one, else the server's message. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (!isApiError(error)) return t('errors.generic');
    if (error.code === 'network_error') return t('errors.network');
    if (error.status === 403) return t('errors.forbidden');
    if (error.status >= 500) return t('errors.generic');
    return error.message || t('errors.generic');
  };
}
