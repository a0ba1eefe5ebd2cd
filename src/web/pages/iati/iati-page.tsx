import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../components/current-user';
import { usePageTitle } from '../../components/page-title';
import { IatiDataPanel } from './iati-data-panel';
import { IatiImportsPanel } from './iati-imports-panel';

/** The IATI data section: imports (upload, progress, summaries) and the analysis of imported data. */
export function IatiPage() {
  const { t } = useTranslation();
  usePageTitle(t('iati.title'));
  const me = useCurrentUser();
  const canImport = me.user.role === 'org-admin' || me.user.isInstanceAdmin;
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('iati.title')}</Title>
      <Text c="dimmed">{t('iati.intro')}</Text>
      <Tabs defaultValue="data" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="data">{t('iati.tabs.data')}</Tabs.Tab>
          <Tabs.Tab value="imports">{t('iati.tabs.imports')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="data" pt="md"><IatiDataPanel /></Tabs.Panel>
        <Tabs.Panel value="imports" pt="md"><IatiImportsPanel canImport={canImport} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
