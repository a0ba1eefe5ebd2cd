import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { analysisCsvUrl, useCoParticipation, useFundingFlows, useLocalization, type AnalysisFilter } from '../../api/iati';
import { ErrorAlert } from '../../components/error-alert';

const percent = (share: number) => Math.round(share * 1000) / 10;

/** Funding flows, localization against the 25% reference, intermediaries, and CSV downloads. */
export function IatiDataPanel() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<AnalysisFilter>({});
  const [filter, setFilter] = useState<AnalysisFilter>({});
  const flows = useFundingFlows(filter);
  const localization = useLocalization(filter);
  const network = useCoParticipation(filter);
  const money = (value: number, currency: string | null) =>
    currency ? new Intl.NumberFormat(i18n.language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value) : String(Math.round(value));
  const local = localization.data;
  const shares = local
    ? [
        { name: t('iati.data.direct'), share: percent(local.channels.direct.share) },
        { name: t('iati.data.oneIntermediary'), share: percent(local.channels.oneIntermediary.share) },
        { name: t('iati.data.longer'), share: percent(local.channels.longer.share) },
        { name: t('iati.data.allLocal'), share: percent(local.localShare) },
        { name: t('iati.data.implementingLocal'), share: percent(local.implementing.share) },
      ]
    : [];
  const topFlows = (flows.data?.nodes ?? []).slice(0, 10).map((node) => ({ name: node.name.slice(0, 28), received: Math.round(node.received), passedOn: Math.round(node.passedOn) }));
  return (
    <Stack gap="lg">
      <form onSubmit={(event) => { event.preventDefault(); setFilter(draft); }}>
        <Group align="end" wrap="wrap">
          <TextInput label={t('iati.data.publisher')} description={t('iati.data.publisherHelp')} value={draft.publisher ?? ''} onChange={(event) => setDraft({ ...draft, publisher: event.currentTarget.value })} />
          <TextInput label={t('iati.data.country')} description={t('iati.data.countryHelp')} maxLength={2} value={draft.country ?? ''} onChange={(event) => setDraft({ ...draft, country: event.currentTarget.value })} />
          <Button type="submit">{t('iati.data.apply')}</Button>
        </Group>
      </form>
      {localization.error ? <ErrorAlert error={localization.error} /> : null}
      {local ? (
        <Paper withBorder p="md">
          <Title order={2} size="h4">{t('iati.data.localizationTitle')}</Title>
          <Text size="sm" c="dimmed">{t('iati.data.localizationHelp', { total: money(local.totalValue, local.currency), local: money(local.localValue, local.currency) })}</Text>
          <div style={{ width: '100%', height: 260 }} role="img" aria-label={t('iati.data.localizationChart', { share: percent(local.localShare) })}>
            <ResponsiveContainer>
              <BarChart data={shares} margin={{ top: 16, right: 16, left: 0, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} />
                <YAxis unit="%" domain={[0, 100]} />
                <Tooltip formatter={(value) => `${String(value)}%`} />
                <ReferenceLine y={local.reference * 100} stroke="#e8590c" strokeDasharray="6 3" label={{ value: t('iati.data.reference'), position: 'insideTopRight', fontSize: 11 }} />
                <Bar dataKey="share" fill="#1c7ed6" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Anchor href={analysisCsvUrl('localization', filter)} download>{t('iati.data.csv')}</Anchor>
        </Paper>
      ) : null}
      {flows.error ? <ErrorAlert error={flows.error} /> : null}
      {flows.data ? (
        <Paper withBorder p="md">
          <Title order={2} size="h4">{t('iati.data.flowsTitle')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} my="sm">
            <Text>{t('iati.data.flowTotal', { value: money(flows.data.totalValue, flows.data.currency) })}</Text>
            <Text>{t('iati.data.flowCounts', { organizations: flows.data.nodes.length, edges: flows.data.edges.length })}</Text>
            <Text>{t('iati.data.chains', { longest: flows.data.longestChain, count: flows.data.chains.reduce((sum, chain) => sum + chain.count, 0) })}</Text>
          </SimpleGrid>
          {topFlows.length > 0 ? (
            <div style={{ width: '100%', height: 300 }} role="img" aria-label={t('iati.data.flowsChart')}>
              <ResponsiveContainer>
                <BarChart data={topFlows} layout="vertical" margin={{ left: 16, right: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" />
                  <YAxis type="category" dataKey="name" width={160} tick={{ fontSize: 11 }} />
                  <Tooltip />
                  <Bar dataKey="received" name={t('iati.data.received')} fill="#12b886" />
                  <Bar dataKey="passedOn" name={t('iati.data.passedOn')} fill="#7950f2" />
                </BarChart>
              </ResponsiveContainer>
            </div>
          ) : <Text c="dimmed">{t('iati.data.noFlows')}</Text>}
          <Title order={3} size="h5" mt="md">{t('iati.data.intermediaries')}</Title>
          {flows.data.intermediaries.length === 0 ? <Text c="dimmed">{t('iati.data.noIntermediaries')}</Text> : (
            <Table.ScrollContainer minWidth={500}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr><Table.Th>{t('iati.data.organization')}</Table.Th><Table.Th>{t('iati.data.received')}</Table.Th><Table.Th>{t('iati.data.passedOn')}</Table.Th><Table.Th>{t('iati.data.depth')}</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {flows.data.intermediaries.slice(0, 25).map((node) => (
                    <Table.Tr key={node.id}>
                      <Table.Td>{node.name}</Table.Td>
                      <Table.Td>{money(node.received, flows.data.currency)}</Table.Td>
                      <Table.Td>{money(node.passedOn, flows.data.currency)}</Table.Td>
                      <Table.Td>{node.depth ?? '–'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Anchor href={analysisCsvUrl('funding-flows', filter)} download>{t('iati.data.csv')}</Anchor>
        </Paper>
      ) : null}
      {network.data ? (
        <Paper withBorder p="md">
          <Title order={2} size="h4">{t('iati.data.networkTitle')}</Title>
          <Text>{t('iati.data.networkCounts', { organizations: network.data.nodes.length, ties: network.data.edges.length, density: network.data.density.toFixed(3) })}</Text>
          <Table.ScrollContainer minWidth={400}>
            <Table>
              <Table.Thead><Table.Tr><Table.Th>{t('iati.data.organization')}</Table.Th><Table.Th>{t('iati.data.partners')}</Table.Th><Table.Th>{t('iati.data.activities')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {network.data.nodes.slice(0, 10).map((node) => (
                  <Table.Tr key={node.id}><Table.Td>{node.name}</Table.Td><Table.Td>{node.partners}</Table.Td><Table.Td>{node.activities}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Anchor href={analysisCsvUrl('co-participation', filter)} download>{t('iati.data.csv')}</Anchor>
        </Paper>
      ) : null}
    </Stack>
  );
}
