import { Badge, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePortfolio, type Dependence } from '../../api/strategy';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { STATUS_COLOR } from './strategy-page';

const VERDICT_COLOR = { genuine: 'teal', developing: 'yellow', nominal: 'red' } as const;
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** The organization's portfolio: coverage, dependence, authenticity and goals on track. */
export function PortfolioPage() {
  const { t } = useTranslation();
  usePageTitle(t('strategy.portfolio'));
  const portfolio = usePortfolio();
  const data = portfolio.data;
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('strategy.portfolio')}</Title>
      {portfolio.error ? <ErrorAlert error={portfolio.error} /> : null}
      {portfolio.isPending ? <Loader /> : null}
      {data ? (
        <>
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
                    <Table.Td>{programme.status}</Table.Td>
                    <Table.Td><Badge color={VERDICT_COLOR[programme.verdict]}>{t(`strategy.verdicts.${programme.verdict}`)}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {(['byCountry', 'bySector', 'byStatus'] as const).map((key) => (
              <Paper key={key} withBorder p="sm">
                <Text fw={600}>{t(`strategy.${key}`)}</Text>
                {data[key].map((row) => <Text key={row.key} size="sm">{row.key}: {row.programmes}</Text>)}
              </Paper>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DependenceCard title={t('strategy.donors')} dependence={data.donors} />
            <DependenceCard title={t('strategy.partners')} dependence={data.partners} />
          </SimpleGrid>
          <Paper withBorder p="sm">
            <Text fw={600}>{t('strategy.goalsOnTrack')}</Text>
            {data.goals.length === 0 ? <Text size="sm" c="dimmed">{t('strategy.empty')}</Text> : null}
            {data.goals.map((goal) => (
              <Text key={goal.id} size="sm">
                {goal.title}: {goal.value ?? '—'} <Badge size="sm" color={STATUS_COLOR[goal.status]}>{t(`strategy.status.${goal.status}`)}</Badge>
              </Text>
            ))}
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}

function DependenceCard({ title, dependence }: { title: string; dependence: Dependence }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Text fw={600}>{title}</Text>
      <Text size="xs" c="dimmed">{t('strategy.herfindahl', { value: dependence.herfindahl ?? '—' })}</Text>
      {dependence.items.map((item) => <Text key={item.name} size="sm">{item.name}: {percent(item.share)}</Text>)}
    </Paper>
  );
}
