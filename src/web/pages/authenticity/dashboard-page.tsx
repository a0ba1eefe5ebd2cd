import { useState } from 'react';
import { Center, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuthenticity, useAuthenticityEvidence, useAuthenticityTrend } from '../../api/authenticity';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeContext } from '../programmes/programme-layout';
import { VerdictCard } from './verdict-card';
import { DimensionsPanel } from './dimensions-panel';
import { FlagsList } from './flags-list';
import { InteractionNetwork } from './interaction-network';
import { InvolvementHeatmap } from './involvement-heatmap';
import { BudgetShares, LearningFlows, TrendChart } from './evidence-charts';

/** The programme dashboard: verdict, dimensions, flags and the evidence behind them, for every member alike. */
export function AuthenticityDashboardPage() {
  const { t } = useTranslation();
  const programme = useProgrammeContext();
  usePageTitle(`${t('authenticity.tab')} · ${programme.title}`);
  const [at, setAt] = useState('');
  const validAt = /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : undefined;
  const profile = useAuthenticity(programme.id, validAt);
  const evidence = useAuthenticityEvidence(programme.id);
  const trend = useAuthenticityTrend(programme.id);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('authenticity.title')}</Title>
          <Text c="dimmed" maw={720}>
            {t('authenticity.intro')}
          </Text>
        </div>
        <TextInput type="date" label={t('authenticity.at')} description={t('authenticity.atHelp')} value={at} onChange={(event) => setAt(event.currentTarget.value)} />
      </Group>
      {profile.isPending ? (
        <Center py="xl" role="status">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : profile.isError ? (
        <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <>
          <VerdictCard profile={profile.data} />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <DimensionsPanel profile={profile.data} />
            <FlagsList profile={profile.data} />
          </SimpleGrid>
        </>
      )}
      {evidence.isError && <ErrorAlert error={evidence.error} onRetry={() => void evidence.refetch()} />}
      {evidence.data && (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <InteractionNetwork evidence={evidence.data} />
            <BudgetShares evidence={evidence.data} />
          </SimpleGrid>
          <InvolvementHeatmap evidence={evidence.data} />
          <LearningFlows evidence={evidence.data} />
        </>
      )}
      {trend.data && <TrendChart points={trend.data.points} />}
      <Text size="sm" c="dimmed">
        {t('authenticity.docs')}
      </Text>
    </Stack>
  );
}
