import { Paper, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCapacityFramework, useCapacityTrend } from '../../api/appraisal';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { Loading, SectionNav, useLocalized } from './shared';

const COLORS = ['#0ca678', '#1c7ed6', '#f08c00', '#ae3ec9', '#e03131', '#5c940d', '#495057'];

type Filter = 'all' | 'self' | 'external';

/** Each capacity domain of one organization over time, as a line chart and the same figures as a table. */
export function CapacityTrendPage() {
  const { organizationId } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const framework = useCapacityFramework();
  const trend = useCapacityTrend(organizationId);
  const [filter, setFilter] = useState<Filter>('all');
  usePageTitle(t('appraisal.trend.title', { organization: trend.data?.organization.name ?? '' }));
  if (trend.isPending || framework.isPending) return <Loading />;
  if (trend.isError) return <ErrorAlert error={trend.error} onRetry={() => void trend.refetch()} />;
  if (framework.isError) return <ErrorAlert error={framework.error} onRetry={() => void framework.refetch()} />;

  const titleOf = (key: string) => localized(framework.data.domains.find((domain) => domain.key === key)?.title) || key;
  // One row per assessment (date and assessor), one column per domain.
  const rows = new Map<string, { id: string; date: string; by: string; kind: string } & Record<string, number | string>>();
  for (const domain of trend.data.domains) {
    for (const point of domain.points) {
      if (filter !== 'all' && point.kind !== filter) continue;
      const row = rows.get(point.assessmentId) ?? { id: point.assessmentId, date: point.assessedOn, by: point.kind === 'self' ? t('appraisal.capacity.self') : point.assessor.name, kind: point.kind };
      row[domain.key] = point.score;
      rows.set(point.assessmentId, row);
    }
  }
  const data = [...rows.values()].sort((a, b) => a.date.localeCompare(b.date));
  const max = Math.max(...framework.data.scale.values);
  const min = Math.min(...framework.data.scale.values);

  return (
    <Stack gap="md" maw={1100}>
      <SectionNav />
      <div>
        <Title order={1}>{t('appraisal.trend.title', { organization: trend.data.organization.name })}</Title>
        <Text size="sm" c="dimmed">
          {t('appraisal.trend.intro')}
        </Text>
      </div>
      <SegmentedControl
        aria-label={t('appraisal.trend.show')}
        value={filter}
        onChange={(value) => setFilter(value as Filter)}
        data={[
          { value: 'all', label: t('appraisal.trend.all') },
          { value: 'self', label: t('appraisal.trend.selfOnly') },
          { value: 'external', label: t('appraisal.trend.externalOnly') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {data.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed">{t('appraisal.trend.empty')}</Text>
        </Paper>
      ) : (
        <>
          <Paper withBorder p="md" role="img" aria-label={t('appraisal.trend.chartLabel')}>
            <ResponsiveContainer width="100%" height={360}>
              <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" tickFormatter={(value: string) => format.date(value)} />
                <YAxis domain={[min, max]} ticks={framework.data.scale.values} allowDecimals={false} width={32} />
                <Tooltip labelFormatter={(value) => format.date(String(value))} />
                <Legend />
                {framework.data.domains.map((domain, index) => (
                  <Line key={domain.key} type="monotone" dataKey={domain.key} name={titleOf(domain.key)} stroke={COLORS[index % COLORS.length]} strokeWidth={2} connectNulls dot={{ r: 4 }} isAnimationActive={false} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </Paper>
          <Paper withBorder style={{ overflowX: 'auto' }}>
            <Table verticalSpacing="xs" miw={720}>
              <Table.Caption>
                <VisuallyHidden>{t('appraisal.trend.tableCaption')}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('appraisal.trend.date')}</Table.Th>
                  <Table.Th scope="col">{t('appraisal.trend.by')}</Table.Th>
                  {framework.data.domains.map((domain) => (
                    <Table.Th scope="col" key={domain.key}>
                      {titleOf(domain.key)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Th scope="row" fw={400}>
                      {format.date(row.date)}
                    </Table.Th>
                    <Table.Td>{row.by}</Table.Td>
                    {framework.data.domains.map((domain) => (
                      <Table.Td key={domain.key}>{row[domain.key] ?? '—'}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
