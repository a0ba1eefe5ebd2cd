import { Card, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuthenticityEvidence } from '../../api/authenticity';

// From excluded (0) to decides (4): pale to deep, readable in print and by colour-blind readers (the number is written too).
const LEVEL_BACKGROUND = ['#fdecea', '#fff4e5', '#fffbe6', '#e6f7f1', '#c3eedf'];

/** Decisions × organizations: each organization's involvement, and the level it wanted when it said so. */
export function InvolvementHeatmap({ evidence }: { evidence: AuthenticityEvidence }) {
  const { t } = useTranslation();
  const name = new Map(evidence.organizations.map((organization) => [organization.ref, organization.name]));
  const columns = evidence.organizations.filter((organization) => evidence.decisions.some((decision) => decision.involvement[organization.ref] !== undefined));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="heatmap-heading">
      <Title order={2} size="h3" id="heatmap-heading" mb={4}>
        {t('authenticity.heatmap.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('authenticity.heatmap.description')}
      </Text>
      {evidence.decisions.length === 0 ? (
        <Text c="dimmed">{t('authenticity.heatmap.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={200 + columns.length * 110}>
          <Table withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('authenticity.heatmap.decision')}</Table.Th>
                {columns.map((organization) => (
                  <Table.Th key={organization.ref} style={{ fontSize: 12 }}>
                    {name.get(organization.ref)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {evidence.decisions.map((decision, index) => (
                <Table.Tr key={`${decision.date}-${index}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {decision.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {decision.date}
                      {decision.scope === 'local' && decision.locality ? ` · ${t('authenticity.heatmap.local', { locality: decision.locality })}` : ''}
                    </Text>
                  </Table.Td>
                  {columns.map((organization) => {
                    const level = decision.involvement[organization.ref];
                    const wanted = decision.desired[organization.ref];
                    if (level === undefined) return <Table.Td key={organization.ref}>—</Table.Td>;
                    const label = t(`authenticity.heatmap.levels.${level}` as 'authenticity.heatmap.levels.0');
                    return (
                      <Table.Td key={organization.ref} style={{ background: LEVEL_BACKGROUND[level], textAlign: 'center' }}>
                        <Tooltip label={wanted !== undefined ? `${label} · ${t('authenticity.heatmap.wanted', { level: t(`authenticity.heatmap.levels.${wanted}` as 'authenticity.heatmap.levels.0') })}` : label}>
                          <Text size="sm" fw={600} aria-label={label}>
                            {level}
                            {wanted !== undefined && wanted !== level ? ` → ${wanted}` : ''}
                          </Text>
                        </Tooltip>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
