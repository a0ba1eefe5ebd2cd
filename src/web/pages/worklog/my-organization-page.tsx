import { Badge, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActivity, type Activity } from '../../api/worklog';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { LoadingBlock, organizationOptions, useLog } from './log-layout';

type Period = 'quarter' | 'previous' | 'all';

/** The first and last day of this quarter or the previous one. */
function quarterOf(period: Period): { from: string; to: string } {
  if (period === 'all') return { from: '', to: '' };
  const now = new Date();
  let quarter = Math.floor(now.getUTCMonth() / 3) - (period === 'previous' ? 1 : 0);
  let year = now.getUTCFullYear();
  if (quarter < 0) {
    quarter = 3;
    year -= 1;
  }
  const from = new Date(Date.UTC(year, quarter * 3, 1));
  const to = new Date(Date.UTC(year, quarter * 3 + 3, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** "What did my organization decide, propose, learn this quarter": one organization's part of the log. */
export function MyOrganizationPage() {
  const { t } = useTranslation();
  usePageTitle(t('worklog.mine.title'));
  const format = useFormat();
  const log = useLog();
  const [organizationId, setOrganizationId] = useState<string | null>(log.me.isMember ? log.me.organizationId : (log.organizations[0]?.id ?? null));
  const [period, setPeriod] = useState<Period>('quarter');
  const activity = useActivity(log.programmeId, organizationId ?? undefined, quarterOf(period));
  const base = `/programmes/${log.programmeId}/log`;

  return (
    <Stack gap="md">
      <Group align="flex-end" wrap="wrap">
        <Select label={t('worklog.mine.organization')} data={organizationOptions(log)} value={organizationId} onChange={setOrganizationId} allowDeselect={false} searchable />
        <SegmentedControl value={period} onChange={(value) => setPeriod(value as Period)} data={[{ value: 'quarter', label: t('worklog.mine.quarter') }, { value: 'previous', label: t('worklog.mine.previous') }, { value: 'all', label: t('worklog.mine.all') }]} />
      </Group>
      {activity.isPending ? <LoadingBlock /> : null}
      {activity.isError ? <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} /> : null}
      {activity.data ? <ActivityView activity={activity.data} base={base} format={format} /> : null}
    </Stack>
  );
}

function ActivityView({ activity, base, format }: { activity: Activity; base: string; format: ReturnType<typeof useFormat> }) {
  const { t } = useTranslation();
  const log = useLog();
  const counts: Array<[string, number | undefined]> = [
    ['decided', activity.counts.decisionsDecided],
    ['involved', activity.counts.decisionsInvolved],
    ['proposed', activity.counts.decisionsRecorded],
    ['contests', activity.counts.openContests],
    ['chaired', activity.counts.meetingsChaired],
    ['attended', activity.counts.meetingsAttended],
    ['initiated', activity.counts.interactionsInitiated],
    ['received', activity.counts.interactionsReceived],
    ['learned', activity.counts.learned],
    ['taught', activity.counts.taught],
    ['ratingsGiven', activity.counts.ratingsGiven],
    ['ratingsReceived', activity.counts.ratingsReceived],
  ];
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }}>
        {counts.map(([label, value]) => (
          <Paper key={label} withBorder p="sm">
            <Text size="xl" fw={700}>{value ?? 0}</Text>
            <Text size="xs" c="dimmed">{t(`worklog.mine.${label as 'decided'}`)}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">{t('worklog.mine.involved')}</Title>
          {activity.decisions.length === 0 ? <Text c="dimmed">{t('worklog.mine.none')}</Text> : null}
          <Stack gap={4}>
            {activity.decisions.map((decision) => (
              <Group key={decision.id} gap="xs" wrap="nowrap" justify="space-between">
                <Text component={Link} to={`${base}/decisions/${decision.id}`} size="sm" td="underline" lineClamp={1}>
                  {format.date(decision.date)} · {decision.title}
                </Text>
                <Group gap={4} wrap="nowrap">
                  {decision.level !== null ? <Badge size="sm" variant="light">{t(`worklog.level.${decision.level as 0}`)}</Badge> : null}
                  {decision.desired !== null ? <Badge size="sm" variant="outline">{t('worklog.decision.desired')} {decision.desired}</Badge> : null}
                  {decision.contested ? <Badge size="sm" color="red" variant="light">{t('worklog.decision.contests')}</Badge> : null}
                </Group>
              </Group>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">{t('worklog.mine.learned')}</Title>
          {activity.learned.length === 0 ? <Text c="dimmed" size="sm">{t('worklog.mine.none')}</Text> : null}
          {activity.learned.map((item) => (
            <Text key={item.id} size="sm">{format.date(item.date)} · {item.topic} ({t('worklog.mine.fromOrg', { organization: log.orgName(item.organizationId) })})</Text>
          ))}
          <Title order={2} size="h4" mt="md" mb="xs">{t('worklog.mine.taught')}</Title>
          {activity.taught.length === 0 ? <Text c="dimmed" size="sm">{t('worklog.mine.none')}</Text> : null}
          {activity.taught.map((item) => (
            <Text key={item.id} size="sm">{format.date(item.date)} · {item.topic} ({t('worklog.mine.toOrg', { organization: log.orgName(item.organizationId) })})</Text>
          ))}
          <Title order={2} size="h4" mt="md" mb="xs">{t('worklog.mine.actions')}</Title>
          {activity.actions.length === 0 ? <Text c="dimmed" size="sm">{t('worklog.mine.none')}</Text> : null}
          {activity.actions.map((action) => (
            <Text key={action.id} size="sm" component={Link} to={`${base}/meetings/${action.meetingId}`} display="block" td="underline">
              {action.dueDate ? `${format.date(action.dueDate)} · ` : ''}{action.description}
            </Text>
          ))}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
