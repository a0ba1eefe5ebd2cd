import { Accordion, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { AuthenticityProfile } from '../../api/authenticity';

function formatValue(value: number | boolean | null, yes: string, no: string): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  return Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

/** A radar of the dimension scores, and under it how each was computed. */
export function DimensionsPanel({ profile }: { profile: AuthenticityProfile }) {
  const { t } = useTranslation();
  const data = profile.dimensions.map((dimension) => ({ dimension: t(`authenticity.dimensions.${dimension.key}`), score: dimension.score ?? 0 }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="dimensions-heading">
      <Title order={2} size="h3" id="dimensions-heading" mb="sm">
        {t('authenticity.dimensions.title')}
      </Title>
      <div style={{ width: '100%', height: 320 }} role="img" aria-label={profile.dimensions.map((d) => `${t(`authenticity.dimensions.${d.key}`)}: ${d.score ?? t('authenticity.dimensions.noData')}`).join('; ')}>
        <ResponsiveContainer>
          <RadarChart data={data} outerRadius="70%">
            <PolarGrid />
            <PolarAngleAxis dataKey="dimension" tick={{ fontSize: 12 }} />
            <PolarRadiusAxis domain={[0, 100]} tickCount={5} />
            <Radar dataKey="score" stroke="var(--mantine-color-teal-7)" fill="var(--mantine-color-teal-5)" fillOpacity={0.4} />
            <Tooltip />
          </RadarChart>
        </ResponsiveContainer>
      </div>
      <Accordion variant="separated" mt="md" multiple>
        {profile.dimensions.map((dimension) => (
          <Accordion.Item key={dimension.key} value={dimension.key}>
            <Accordion.Control>
              <Group justify="space-between" wrap="nowrap" pr="sm">
                <Text fw={600}>{t(`authenticity.dimensions.${dimension.key}`)}</Text>
                <Badge variant="light" color={dimension.score === null ? 'gray' : dimension.score >= 70 ? 'teal' : dimension.score >= 40 ? 'yellow' : 'red'}>
                  {dimension.score === null ? t('authenticity.dimensions.noData') : dimension.score.toFixed(1)}
                </Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" fw={600} mb={4}>
                {t('authenticity.metrics.title')}
              </Text>
              <Table.ScrollContainer minWidth={480}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('authenticity.metrics.metric')}</Table.Th>
                      <Table.Th>{t('authenticity.metrics.value')}</Table.Th>
                      <Table.Th>{t('authenticity.metrics.explanation')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {dimension.metrics.map((metric) => (
                      <Table.Tr key={metric.key}>
                        <Table.Td>
                          <code>{metric.key}</code>
                        </Table.Td>
                        <Table.Td>{formatValue(metric.value, t('authenticity.metrics.yes'), t('authenticity.metrics.no'))}</Table.Td>
                        <Table.Td>{metric.explanation}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}
