import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCapacityFramework } from '../../api/appraisal';
import { useDevelopment } from '../../api/strategy';
import { ErrorAlert } from '../../components/error-alert';
import { useFormat } from '../../components/use-format';
import { useLocalized } from '../appraisal/shared';

const COLORS = ['#0ca678', '#1c7ed6', '#f08c00', '#ae3ec9', '#e03131', '#5c940d', '#495057', '#1098ad'];

/** The organization's own development: what it learned and shared, and its assessed capacity per domain over time. */
export function DevelopmentSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const development = useDevelopment();
  const framework = useCapacityFramework();
  const titleOf = (key: string) => localized(framework.data?.domains.find((domain) => domain.key === key)?.title) || key;
  const domains = development.data?.capacity.filter((domain) => domain.points.length > 0) ?? [];
  // One row per assessment date, one column per domain (several assessments on one day: their mean).
  const byDate = new Map<string, Record<string, number[]>>();
  for (const domain of domains) {
    for (const point of domain.points) {
      const row = byDate.get(point.assessedOn) ?? {};
      (row[domain.key] ??= []).push(point.score);
      byDate.set(point.assessedOn, row);
    }
  }
  const data = [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, scores]) => ({ date, ...Object.fromEntries(Object.entries(scores).map(([key, values]) => [key, Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100])) }));
  return (
    <Stack gap="sm" component="section" aria-labelledby="development-heading">
      <Title order={2} id="development-heading">{t('strategy.development')}</Title>
      {development.error ? <ErrorAlert error={development.error} onRetry={() => void development.refetch()} /> : null}
      <Title order={3} size="h4">{t('strategy.capacityTrend')}</Title>
      {development.data && data.length === 0 ? <Text c="dimmed">{t('strategy.noCapacity')}</Text> : null}
      {data.length > 0 ? (
        <>
          <Paper withBorder p="md" role="img" aria-label={t('strategy.chart.capacityLabel')}>
            <ResponsiveContainer width="100%" height={320}>
              <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" tickFormatter={(value: string) => format.date(value)} />
                <YAxis allowDecimals={false} width={32} domain={['dataMin - 1', 'dataMax + 1']} />
                <Tooltip labelFormatter={(value) => format.date(String(value))} />
                <Legend />
                {domains.map((domain, index) => (
                  <Line key={domain.key} type="monotone" dataKey={domain.key} name={titleOf(domain.key)} stroke={COLORS[index % COLORS.length]} strokeWidth={2} connectNulls dot={{ r: 3 }} isAnimationActive={false} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </Paper>
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Caption>{t('strategy.chart.sameAsTable')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('strategy.capacityDomain')}</Table.Th>
                  <Table.Th>{t('strategy.capacityScores')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {domains.map((domain) => (
                  <Table.Tr key={domain.key}>
                    <Table.Td>{titleOf(domain.key)}</Table.Td>
                    <Table.Td>{domain.points.map((point) => `${format.date(point.assessedOn)}: ${point.score} (${point.kind === 'self' ? t('strategy.self') : (point.assessor ?? t('strategy.external'))})`).join(' → ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
      <Title order={3} size="h4">{t('strategy.learningTitle')}</Title>
      {development.data && development.data.learning.length === 0 ? <Text c="dimmed">{t('strategy.noLearning')}</Text> : null}
      {development.data?.learning.map((row) => (
        <Text key={row.id} size="sm">
          {format.date(row.date)} · {t(`strategy.learning.${row.direction}`, { topic: row.topic, counterpart: row.counterpart.name, programme: row.programme.title })}
        </Text>
      ))}
    </Stack>
  );
}
