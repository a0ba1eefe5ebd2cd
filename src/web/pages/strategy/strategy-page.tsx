import { Badge, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDevelopment, useFeedback, useStrategy } from '../../api/strategy';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';

export const STATUS_COLOR = { 'on-track': 'teal', 'off-track': 'red', unknown: 'gray' } as const;

/** The organization's partnership strategy, its reputation with stakeholders, and its own development. */
export function StrategyPage() {
  const { t } = useTranslation();
  usePageTitle(t('strategy.title'));
  const strategy = useStrategy();
  const feedback = useFeedback();
  const development = useDevelopment();
  const data = strategy.data?.strategy;
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('strategy.title')}</Title>
      {strategy.error ? <ErrorAlert error={strategy.error} /> : null}
      {strategy.isPending ? <Loader /> : null}
      {strategy.data && !data ? <Text c="dimmed">{t('strategy.empty')}</Text> : null}
      {data ? (
        <Paper withBorder p="md">
          <Title order={2} size="h3">{data.title}</Title>
          {data.summary ? <Text mt="xs">{data.summary}</Text> : null}
          <Text size="sm" c="dimmed">{data.shared ? t('strategy.shared') : t('strategy.private')}</Text>
          <Table.ScrollContainer minWidth={560} mt="md">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('strategy.goal')}</Table.Th>
                  <Table.Th>{t('strategy.target')}</Table.Th>
                  <Table.Th>{t('strategy.value')}</Table.Th>
                  <Table.Th>{t('strategy.programmes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.goals.map((goal) => (
                  <Table.Tr key={goal.id}>
                    <Table.Td>
                      {goal.title}
                      <Text size="xs" c="dimmed">{t(`strategy.indicators.${goal.indicatorKind}` as 'strategy.indicators.manual')}</Text>
                    </Table.Td>
                    <Table.Td>{t(`strategy.direction.${goal.direction}`, { target: goal.target })}</Table.Td>
                    <Table.Td>
                      {goal.indicator?.value ?? '—'}
                      {goal.indicator ? <Badge ml="xs" color={STATUS_COLOR[goal.indicator.status]}>{t(`strategy.status.${goal.indicator.status}`)}</Badge> : null}
                    </Table.Td>
                    <Table.Td>{goal.programmes.map((programme) => programme.title).join(', ') || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}

      <Title order={2}>{t('strategy.reputation')}</Title>
      {feedback.error ? <ErrorAlert error={feedback.error} /> : null}
      {feedback.data?.items.length === 0 ? <Text c="dimmed">{t('strategy.noFeedback')}</Text> : null}
      {feedback.data && feedback.data.summary.length > 0 ? (
        <Text size="sm">{feedback.data.summary.map((quarter) => t('strategy.quarter', { quarter: quarter.quarter, records: quarter.records, mean: quarter.meanSentiment, open: quarter.openFollowUps })).join(' · ')}</Text>
      ) : null}
      {feedback.data?.items.map((record) => (
        <Paper key={record.id} withBorder p="sm">
          <Text fw={600}>{record.topic}</Text>
          <Text size="sm" c="dimmed">{record.receivedOn} · {record.source} · {t('strategy.sentiment', { value: record.sentiment })}</Text>
          {record.followUp ? <Text size="sm">{t('strategy.followUp')}: {record.followUp} ({t(`strategy.followUpStatus.${record.followUpStatus}` as 'strategy.followUpStatus.none')})</Text> : null}
        </Paper>
      ))}

      <Title order={2}>{t('strategy.development')}</Title>
      {development.error ? <ErrorAlert error={development.error} /> : null}
      {development.data && development.data.learning.length === 0 ? <Text c="dimmed">{t('strategy.noLearning')}</Text> : null}
      {development.data?.learning.map((row) => (
        <Text key={row.id} size="sm">
          {row.date} · {t(`strategy.learning.${row.direction}`, { topic: row.topic, counterpart: row.counterpart.name, programme: row.programme.title })}
        </Text>
      ))}
      {development.data?.capacity
        .filter((domain) => domain.points.length > 0)
        .map((domain) => (
          <Text key={domain.key} size="sm">
            <strong>{domain.key}</strong>: {domain.points.map((point) => `${point.assessedOn} ${point.score}`).join(' → ')}
          </Text>
        ))}
    </Stack>
  );
}
