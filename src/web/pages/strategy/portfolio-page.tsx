import { Badge, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { usePortfolio, type Dependence, type KeyCount } from '../../api/strategy';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { STATUS_COLOR } from './strategy-section';

const VERDICT_COLOR = { genuine: 'teal', developing: 'yellow', nominal: 'red' } as const;
const COLORS = ['#1c7ed6', '#0ca678', '#f08c00', '#ae3ec9', '#e03131', '#5c940d', '#1098ad', '#495057'];
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** The organization's portfolio: coverage, dependence, authenticity and goals on track. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('strategy.portfolio'));
  const portfolio = usePortfolio();
  const data = portfolio.data;
  const statusLabel = (key: string) => t(`strategy.programmeStatuses.${key}` as 'strategy.programmeStatuses.implementation', { defaultValue: key });
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('strategy.portfolio')}</Title>
      {portfolio.error ? <ErrorAlert error={portfolio.error} onRetry={() => void portfolio.refetch()} /> : null}
      {portfolio.isPending ? <Loader /> : null}
      {data && data.programmes.length === 0 ? <Text c="dimmed">{t('strategy.noProgrammes')}</Text> : null}
      {data && data.programmes.length > 0 ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CountChart title={t('strategy.byCountry')} rows={data.byCountry} labelOf={(key) => format.country(key) || key} />
            <CountChart title={t('strategy.byStatus')} rows={data.byStatus} labelOf={statusLabel} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DependenceCard title={t('strategy.donors')} dependence={data.donors} />
            <DependenceCard title={t('strategy.partners')} dependence={data.partners} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Paper withBorder p="sm">
              <Text fw={600}>{t('strategy.bySector')}</Text>
              {data.bySector.length === 0 ? <Text size="sm" c="dimmed">—</Text> : null}
              {data.bySector.map((row) => <Text key={row.key} size="sm">{row.key}: {row.programmes}</Text>)}
            </Paper>
            <Paper withBorder p="sm">
              <Text fw={600}>{t('strategy.authenticityTitle')}</Text>
              <Group3 verdicts={data.authenticity.verdicts} />
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="sm">
            <Text fw={600}>{t('strategy.goalsOnTrack')}</Text>
            {data.goals.length === 0 ? <Text size="sm" c="dimmed">{t('strategy.empty')}</Text> : null}
            {data.goals.map((goal) => (
              <Text key={goal.id} size="sm">
                {goal.title}: {goal.value === null ? '—' : `${Math.round(goal.value * 10) / 10}%`} ({t(`strategy.direction.${goal.direction}`, { target: goal.target })}){' '}
                <Badge size="sm" color={STATUS_COLOR[goal.status]}>{t(`strategy.status.${goal.status}`)}</Badge>
              </Text>
            ))}
          </Paper>
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('strategy.programme')}</Table.Th>
                  <Table.Th>{t('strategy.programmeStatus')}</Table.Th>
                  <Table.Th>{t('strategy.verdict')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.programmes.map((programme) => (
                  <Table.Tr key={programme.id}>
                    <Table.Td>{programme.title}</Table.Td>
                    <Table.Td>{statusLabel(programme.status)}</Table.Td>
                    <Table.Td><Badge color={VERDICT_COLOR[programme.verdict]}>{t(`strategy.verdicts.${programme.verdict}`)}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Stack>
  );
}

function Group3({ verdicts }: { verdicts: { genuine: number; developing: number; nominal: number } }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} mt={4}>
      {(['genuine', 'developing', 'nominal'] as const).map((verdict) => (
        <Text key={verdict} size="sm">
          <Badge size="sm" color={VERDICT_COLOR[verdict]} mr="xs">{t(`strategy.verdicts.${verdict}`)}</Badge>
          {verdicts[verdict]}
        </Text>
      ))}
    </Stack>
  );
}

/** Programmes counted by one key, as bars; the figures are in the accessible name too. */
function CountChart({ title, rows, labelOf }: { title: string; rows: KeyCount; labelOf: (key: string) => string }) {
  const { t } = useTranslation();
  const data = rows.map((row) => ({ label: labelOf(row.key), programmes: row.programmes }));
  return (
    <Paper withBorder p="sm">
      <Text fw={600}>{title}</Text>
      {data.length === 0 ? <Text size="sm" c="dimmed">—</Text> : (
        <div role="img" aria-label={`${title}: ${data.map((row) => `${row.label} ${row.programmes}`).join(', ')}`}>
          <ResponsiveContainer width="100%" height={Math.max(160, data.length * 32 + 40)}>
            <BarChart layout="vertical" data={data} margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={120} fontSize={12} />
              <Tooltip />
              <Bar dataKey="programmes" name={t('strategy.programmes')} fill="#1c7ed6" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Paper>
  );
}

/** Shares of the portfolio held by each donor or partner, as a pie with the figures beside it. */
function DependenceCard({ title, dependence }: { title: string; dependence: Dependence }) {
  const { t } = useTranslation();
  const data = dependence.items.map((item) => ({ name: item.name, value: Math.round(item.share * 1000) / 10 }));
  return (
    <Paper withBorder p="sm">
      <Text fw={600}>{title}</Text>
      <Text size="xs" c="dimmed">
        {t(`strategy.dependenceBasis.${dependence.basis}`)} · {t('strategy.largestShare', { value: percent(dependence.largestShare) })} · {t('strategy.herfindahl', { value: dependence.herfindahl ?? '—' })}
      </Text>
      {data.length === 0 ? <Text size="sm" c="dimmed">—</Text> : (
        <>
          <div role="img" aria-label={`${title}: ${data.map((item) => `${item.name} ${item.value}%`).join(', ')}`}>
            <ResponsiveContainer width="100%" height={200}>
              <PieChart>
                <Pie data={data} dataKey="value" nameKey="name" innerRadius={45} outerRadius={80} isAnimationActive={false}>
                  {data.map((item, index) => <Cell key={item.name} fill={COLORS[index % COLORS.length]} />)}
                </Pie>
                <Tooltip formatter={(value) => `${String(value)}%`} />
              </PieChart>
            </ResponsiveContainer>
          </div>
          {dependence.items.map((item, index) => (
            <Text key={item.name} size="sm">
              <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, background: COLORS[index % COLORS.length], marginRight: 6 }} />
              {item.name}: {percent(item.share)}
            </Text>
          ))}
        </>
      )}
    </Paper>
  );
}
