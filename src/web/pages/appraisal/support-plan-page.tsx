import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSupportItems, type SupportItemStatus } from '../../api/appraisal';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { Loading, SectionNav } from './shared';
import { STATUSES, SupportItemsTable } from './support-items';

/** Every support-plan item the organization may see, by due date, with its status. */
export function SupportPlanPage() {
  const { t } = useTranslation();
  usePageTitle(t('appraisal.support.title'));
  const [status, setStatus] = useState<SupportItemStatus | undefined>();
  const items = useSupportItems(status);
  return (
    <Stack gap="md" maw={1100}>
      <SectionNav />
      <div>
        <Title order={1}>{t('appraisal.support.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('appraisal.support.intro')}
        </Text>
      </div>
      <Select
        label={t('appraisal.support.status')}
        w={220}
        data={[{ value: '', label: t('appraisal.support.allStatuses') }, ...STATUSES.map((value) => ({ value, label: t(`appraisal.support.statusValues.${value}`) }))]}
        value={status ?? ''}
        onChange={(value) => setStatus((value || undefined) as SupportItemStatus | undefined)}
      />
      {items.isPending ? (
        <Loading />
      ) : items.isError ? (
        <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed">{t('appraisal.support.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder p="sm">
          <SupportItemsTable items={items.data.items} showSubject />
        </Paper>
      )}
    </Stack>
  );
}
