import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab's title to "<page> · Consortia". */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
}
