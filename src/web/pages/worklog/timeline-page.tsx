import { Badge, Button, Card, Chip, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TIMELINE_TYPES, useTimeline, type TimelineFilters, type TimelineItem, type TimelineType } from '../../api/worklog';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { LoadingBlock, organizationOptions, useLog, type LogContextValue } from './log-layout';

const COLORS: Record<TimelineType, string> = { meeting: 'blue', decision: 'teal', interaction: 'gray', learning: 'grape', rating: 'orange' };

/** The merged working log, newest first, with filters by kind, organization and dates. */
export function TimelinePage() {
  const { t } = useTranslation();
  usePageTitle(t('worklog.timeline.title'));
  const log = useLog();
  const [filters, setFilters] = useState<TimelineFilters>({ types: [...TIMELINE_TYPES], organizationId: null, from: '', to: '' });
  const timeline = useTimeline(log.programmeId, filters);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label={t('worklog.timeline.filters')}>
        <Stack gap="sm">
          <Chip.Group multiple value={filters.types} onChange={(types) => setFilters({ ...filters, types: types.length ? (types as TimelineType[]) : [...TIMELINE_TYPES] })}>
            <Group gap="xs" role="group" aria-label={t('worklog.timeline.types')}>
              {TIMELINE_TYPES.map((type) => (
                <Chip key={type} value={type} size="sm">
                  {t(`worklog.type.${type}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('worklog.timeline.organization')}
              placeholder={t('worklog.timeline.anyOrganization')}
              data={organizationOptions(log)}
              value={filters.organizationId}
              onChange={(organizationId) => setFilters({ ...filters, organizationId })}
              clearable
              searchable
            />
            <TextInput type="date" label={t('worklog.timeline.from')} value={filters.from} onChange={(event) => setFilters({ ...filters, from: event.currentTarget.value })} />
            <TextInput type="date" label={t('worklog.timeline.to')} value={filters.to} onChange={(event) => setFilters({ ...filters, to: event.currentTarget.value })} />
          </SimpleGrid>
        </Stack>
      </Paper>
      {timeline.isPending ? <LoadingBlock /> : null}
      {timeline.isError ? <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} /> : null}
      {timeline.isSuccess && items.length === 0 ? <Text c="dimmed">{t('worklog.timeline.empty')}</Text> : null}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item) => (
          <li key={`${item.type}-${item.id}`}>
            <TimelineEntry item={item} log={log} />
          </li>
        ))}
      </Stack>
      {timeline.hasNextPage ? (
        <Button variant="light" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage} w="fit-content">
          {t('worklog.actions.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}

function TimelineEntry({ item, log }: { item: TimelineItem; log: LogContextValue }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = `/programmes/${log.programmeId}/log`;
  const [first, second] = item.organizationIds;
  let title: string = item.title;
  let detail: string | null = null;
  if (item.type === 'meeting') detail = item.detail ? t(`worklog.kind.${item.detail as 'other'}`, { defaultValue: item.detail }) : null;
  if (item.type === 'decision') detail = item.detail ? t(`worklog.topic.${item.detail as 'other'}`, { defaultValue: item.detail }) : null;
  if (item.type === 'interaction') detail = item.detail ? t(`worklog.channel.${item.detail as 'call'}`, { defaultValue: item.detail }) : null;
  if (item.type === 'learning') detail = item.detail ? t(`worklog.learningKind.${item.detail as 'exchange'}`, { defaultValue: item.detail }) : null;
  if (item.type === 'rating') {
    title = t('worklog.timeline.ratingLine', { rater: log.orgName(first), ratee: log.orgName(second) });
    detail = t('worklog.timeline.rating', { trust: item.trust, value: item.value });
  }
  const between = item.type === 'interaction' || item.type === 'learning' ? t('worklog.timeline.between', { from: log.orgName(first), to: log.orgName(second) }) : null;
  const link = item.type === 'meeting' ? `${base}/meetings/${item.id}` : item.type === 'decision' ? `${base}/decisions/${item.id}` : null;
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge color={COLORS[item.type]} variant="light" size="sm">
              {t(`worklog.type.${item.type}`)}
            </Badge>
            {detail ? (
              <Text size="xs" c="dimmed">
                {detail}
              </Text>
            ) : null}
          </Group>
          {link ? (
            <Text component={Link} to={link} fw={600} size="sm" td="underline">
              {title || t(`worklog.type.${item.type}`)}
            </Text>
          ) : (
            <Text fw={600} size="sm">
              {title || between}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {between ?? item.organizationIds.map((id) => log.orgName(id)).join(', ')}
          </Text>
        </Stack>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {format.date(item.date)}
        </Text>
      </Group>
    </Card>
  );
}
