import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useRoundResults, type SurveyResults } from '../../api/surveys';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';

type Breakdown = NonNullable<SurveyResults['givenBy']>;
type Reason = NonNullable<SurveyResults['reason']>;

const label = (key: string) => key.replace(/-/g, ' ');

function Hidden({ reason, k }: { reason: Reason; k: number }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" role="note">
      {t(`surveys.results.hidden.${reason}`, { k })}
    </Alert>
  );
}

/** Dimension means of several groups side by side, on the instrument's scale. */
function GroupsChart({ groups, domain, title }: { groups: Breakdown['groups']; domain: [number, number]; title: string }) {
  const dimensions = groups[0]?.dimensions.map((dimension) => dimension.key) ?? [];
  const data = dimensions.map((key) => ({ dimension: label(key), ...Object.fromEntries(groups.map((group) => [group.name ?? group.key, group.dimensions.find((entry) => entry.key === key)?.mean ?? null])) }));
  const colors = ['#0c8599', '#e8590c', '#5f3dc4', '#2b8a3e', '#c2255c', '#1864ab'];
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ left: -20 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="dimension" fontSize={11} interval={0} />
          <YAxis domain={domain} allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          {groups.map((group, index) => (
            <Bar key={group.key} dataKey={group.name ?? group.key} fill={colors[index % colors.length]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

function GroupsTable({ groups }: { groups: Breakdown['groups'] }) {
  const { t } = useTranslation();
  const dimensions = groups[0]?.dimensions.map((dimension) => dimension.key) ?? [];
  return (
    <Table.ScrollContainer minWidth={400}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('surveys.round.organization')}</Table.Th>
            <Table.Th scope="col">n</Table.Th>
            <Table.Th scope="col">{t('surveys.results.overall')}</Table.Th>
            {dimensions.map((key) => (
              <Table.Th scope="col" key={key} tt="capitalize">
                {label(key)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Table.Tr key={group.key}>
              <Table.Th scope="row">{group.name ?? t(`surveys.results.${group.key === 'lead' ? 'lead' : 'partners'}`)}</Table.Th>
              <Table.Td>{group.respondents}</Table.Td>
              <Table.Td>{group.overall.toFixed(2)}</Table.Td>
              {dimensions.map((key) => (
                <Table.Td key={key}>{group.dimensions.find((entry) => entry.key === key)?.mean.toFixed(2)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Section({ title, breakdown, k, domain }: { title: string; breakdown: Breakdown | null; k: number; domain: [number, number] }) {
  if (!breakdown) return null;
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {breakdown.shown ? (
        <Stack>
          <GroupsChart groups={breakdown.groups} domain={domain} title={title} />
          <GroupsTable groups={breakdown.groups} />
        </Stack>
      ) : (
        <Hidden reason={breakdown.reason ?? 'group-too-small'} k={k} />
      )}
    </Paper>
  );
}

/** A round's results: aggregates only, with the k rule explained wherever a group is withheld. */
export function ResultsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const results = useRoundResults(id);
  usePageTitle(t('surveys.results.title', { title: results.data?.round.title ?? '' }));
  if (results.isPending) return <Loader />;
  if (results.isError) return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  const data = results.data;
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const domain: [number, number] = [data.scale.min, data.scale.max];
  const itemText = new Map(data.dimensions.flatMap((dimension) => dimension.items.map((item) => [item.key, item] as const)));

  return (
    <Stack gap="lg" maw={1100}>
      <Anchor component={Link} to={`/surveys/rounds/${id}`} size="sm">
        ← {data.round.title}
      </Anchor>
      <Title order={1}>{t('surveys.results.title', { title: data.round.title })}</Title>
      <Group gap="sm">
        <Badge variant="light">{t('surveys.results.respondents', { count: data.respondents })}</Badge>
        <Text size="sm" c="dimmed">
          {t('surveys.results.k', { k: data.k })} {t('surveys.results.scale', { min: data.scale.min, max: data.scale.max })}
        </Text>
        {data.shown ? (
          <Anchor href={`/api/survey-rounds/${id}/results.csv`} download>
            {t('surveys.results.download')}
          </Anchor>
        ) : null}
      </Group>
      {!data.shown || !data.total ? (
        <Hidden reason={data.reason ?? 'too-few-respondents'} k={data.k} />
      ) : (
        <>
          <Paper withBorder p="md" component="section">
            <Title order={2} size="h4" mb="sm">
              {t('surveys.results.byDimension')}
            </Title>
            <GroupsChart groups={[{ ...data.total, name: t('surveys.results.overall') }]} domain={domain} title={t('surveys.results.byDimension')} />
            <Title order={3} size="h5" mt="md" mb="xs">
              {t('surveys.results.byItem')}
            </Title>
            <Table.ScrollContainer minWidth={360}>
              <Table>
                <Table.Tbody>
                  {data.total.items.map((item) => (
                    <Table.Tr key={item.key}>
                      <Table.Td>
                        {itemText.get(item.key)?.text[language] ?? item.key}
                        {itemText.get(item.key)?.reverse ? (
                          <Badge ml="xs" size="xs" variant="outline">
                            {t('surveys.results.reversed')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td ta="right">{item.mean.toFixed(2)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Section title={t('surveys.results.receivedBy')} breakdown={data.receivedBy} k={data.k} domain={domain} />
          <Section title={t('surveys.results.givenBy')} breakdown={data.givenBy} k={data.k} domain={domain} />
          {data.leadVsPartners ? (
            <>
              <Section title={t('surveys.results.leadVsPartners')} breakdown={{ ...data.leadVsPartners, groups: data.leadVsPartners.groups.map((group) => ({ ...group, name: t(`surveys.results.${group.key === 'lead' ? 'lead' : 'partners'}`) })) }} k={data.k} domain={domain} />
              {data.leadVsPartners.gap ? (
                <Text size="sm">
                  {t('surveys.results.gap', { gap: data.leadVsPartners.gap.overall.toFixed(2) })} {t('surveys.results.gapNote')}
                </Text>
              ) : null}
            </>
          ) : null}
          <Paper withBorder p="md" component="section">
            <Title order={2} size="h4" mb="sm">
              {t('surveys.results.comments')}
            </Title>
            {data.comments.shown ? (
              data.comments.texts.length ? (
                <Stack gap="xs" component="ul" style={{ paddingLeft: 16 }}>
                  {data.comments.texts.map((text, index) => (
                    <Text component="li" key={index} size="sm">
                      {text}
                    </Text>
                  ))}
                </Stack>
              ) : (
                <Text size="sm">{t('surveys.results.noComments')}</Text>
              )
            ) : (
              <Hidden reason={data.comments.reason ?? 'comments-off'} k={data.k} />
            )}
          </Paper>
        </>
      )}
      {data.overRounds.length > 1 ? (
        <Paper withBorder p="md" component="section">
          <Title order={2} size="h4" mb="sm">
            {t('surveys.results.overRounds')}
          </Title>
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={data.overRounds.filter((entry) => entry.shown).map((entry) => ({ round: format.date(entry.closesAt), [t('surveys.results.overall')]: entry.overall }))} margin={{ left: -20 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="round" fontSize={11} />
              <YAxis domain={domain} fontSize={11} />
              <Tooltip />
              <Line type="monotone" dataKey={t('surveys.results.overall')} stroke="#0c8599" />
            </LineChart>
          </ResponsiveContainer>
        </Paper>
      ) : null}
    </Stack>
  );
}
