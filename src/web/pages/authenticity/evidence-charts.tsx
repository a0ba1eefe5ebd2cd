import { Alert, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DIMENSION_KEYS, type AuthenticityEvidence, type TrendPoint } from '../../api/authenticity';

const LINE_COLORS = ['#0b7285', '#5f3dc4', '#e67700', '#c2255c', '#2b8a3e', '#1864ab', '#862e9c', '#5c940d'];

/** Each organization's share of the budget (amounts only for readers who may see them). */
export function BudgetShares({ evidence }: { evidence: AuthenticityEvidence }) {
  const { t } = useTranslation();
  const name = new Map(evidence.organizations.map((organization) => [organization.ref, organization.name]));
  const data = evidence.budget.shares.map((line) => ({ name: name.get(line.org) ?? line.org, share: Math.round(line.share * 1000) / 10 }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="budget-heading">
      <Title order={2} size="h3" id="budget-heading" mb="sm">
        {t('authenticity.budget.title')}
      </Title>
      {!evidence.budget.transparent && (
        <Alert color="yellow" mb="sm">
          {t('authenticity.budget.notTransparent')}
        </Alert>
      )}
      {data.length === 0 ? (
        <Text c="dimmed">{t('authenticity.budget.empty')}</Text>
      ) : (
        <div style={{ width: '100%', height: Math.max(160, data.length * 44) }} role="img" aria-label={data.map((row) => `${row.name}: ${row.share}%`).join('; ')}>
          <ResponsiveContainer>
            <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, 100]} unit="%" />
              <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(value) => [`${value}%`, t('authenticity.budget.share')]} />
              <Bar dataKey="share" fill="var(--mantine-color-teal-6)" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
}

/** Who shared knowledge with whom, and how much of it was capacity building. */
export function LearningFlows({ evidence }: { evidence: AuthenticityEvidence }) {
  const { t } = useTranslation();
  const name = new Map(evidence.organizations.map((organization) => [organization.ref, organization.name]));
  const rows = [...evidence.learning].sort((a, b) => b.count - a.count);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="learning-heading">
      <Title order={2} size="h3" id="learning-heading" mb="sm">
        {t('authenticity.learning.title')}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('authenticity.learning.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('authenticity.learning.from')}</Table.Th>
                <Table.Th>{t('authenticity.learning.to')}</Table.Th>
                <Table.Th>{t('authenticity.learning.count')}</Table.Th>
                <Table.Th>{t('authenticity.learning.capacity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={`${row.from}-${row.to}`}>
                  <Table.Td>{name.get(row.from) ?? row.from}</Table.Td>
                  <Table.Td>{name.get(row.to) ?? row.to}</Table.Td>
                  <Table.Td>{row.count}</Table.Td>
                  <Table.Td>{row.capacityBuilding}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** The overall score and each dimension at the end of every quarter. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  const data = points.map((point) => ({ quarter: t('authenticity.trend.quarter', { quarter: point.quarter }), overall: point.overall, ...point.scores }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="trend-heading">
      <Title order={2} size="h3" id="trend-heading" mb={4}>
        {t('authenticity.trend.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('authenticity.trend.description')}
      </Text>
      {data.length < 2 ? (
        <Text c="dimmed">{t('authenticity.trend.empty')}</Text>
      ) : (
        <div style={{ width: '100%', height: 300 }}>
          <ResponsiveContainer>
            <LineChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="quarter" />
              <YAxis domain={[0, 100]} />
              <Tooltip />
              <Legend />
              <Line type="monotone" dataKey="overall" name={t('authenticity.trend.overall')} stroke="#000" strokeWidth={3} connectNulls />
              {DIMENSION_KEYS.map((key, index) => (
                <Line key={key} type="monotone" dataKey={key} name={t(`authenticity.dimensions.${key}`)} stroke={LINE_COLORS[index]} dot={false} connectNulls />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
}
