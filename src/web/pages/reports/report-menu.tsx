import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The programme's "Report" button: the partnership report as a web page or a PDF, in the reader's language. */
export function ReportMenu({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const url = (kind: 'html' | 'pdf') => `/api/programmes/${programmeId}/report.${kind}?lang=${lang}`;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={t('reports.menuLabel')}>
          {t('reports.report')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('reports.menuLabel')}</Menu.Label>
        <Menu.Item component="a" href={url('html')} target="_blank" rel="noopener">
          {t('reports.webPage')}
        </Menu.Item>
        <Menu.Item component="a" href={url('pdf')} target="_blank" rel="noopener">
          {t('reports.pdf')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
