import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/page-title';
import { DevelopmentSection } from './development-section';
import { ReputationSection } from './reputation-section';
import { StrategySection } from './strategy-section';

export { STATUS_COLOR } from './strategy-section';

/** The organization's partnership strategy, its reputation with stakeholders, and its own development. */
export function StrategyPage() {
  const { t } = useTranslation();
  usePageTitle(t('strategy.title'));
  return (
    <Stack gap="xl" maw={1100}>
      <Title order={1}>{t('strategy.title')}</Title>
      <StrategySection />
      <ReputationSection />
      <DevelopmentSection />
    </Stack>
  );
}
