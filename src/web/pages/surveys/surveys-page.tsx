import { Anchor, Badge, Button, Checkbox, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { useMyProgrammes } from '../../api/programmes';
import { useCreateRound, useInstruments, useRounds } from '../../api/surveys';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';

const STATUS_COLORS = { scheduled: 'gray', open: 'teal', closed: 'dark' } as const;

/** Rounds and instruments, and the form that starts a round. */
export function SurveysPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('surveys.list.title'));
  const format = useFormat();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const rounds = useRounds();
  const instruments = useInstruments();

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('surveys.list.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('surveys.list.intro')}
      </Text>
      <Paper withBorder p="md" component="section" aria-labelledby="rounds-heading">
        <Title order={2} size="h4" id="rounds-heading" mb="sm">
          {t('surveys.list.rounds')}
        </Title>
        {rounds.isPending ? <Loader size="sm" /> : null}
        {rounds.isError ? <ErrorAlert error={rounds.error} /> : null}
        {rounds.data && rounds.data.items.length === 0 ? <Text size="sm">{t('surveys.list.noRounds')}</Text> : null}
        {rounds.data && rounds.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Tbody>
                {rounds.data.items.map((round) => (
                  <Table.Tr key={round.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/surveys/rounds/${round.id}`}>
                        {round.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {round.instrumentTitle[language]}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[round.status]} variant="light">
                        {t(`surveys.list.status.${round.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {format.date(round.opensAt)} – {format.date(round.closesAt)}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/surveys/rounds/${round.id}/results`}>
                        {t('surveys.list.results')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
      <NewRoundForm />
      <Paper withBorder p="md" component="section" aria-labelledby="instruments-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="instruments-heading">
            {t('surveys.list.instruments')}
          </Title>
          <Button component={Link} to="/surveys/instruments/new" variant="light" size="xs">
            {t('surveys.list.newInstrument')}
          </Button>
        </Group>
        {instruments.data ? (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {instruments.data.items.map((instrument) => (
              <Group component="li" key={instrument.id} gap="xs">
                <Anchor component={Link} to={`/surveys/instruments/${instrument.id}`}>
                  {instrument.definition.title[language]}
                </Anchor>
                <Badge size="xs" variant="outline">
                  {instrument.builtIn ? t('surveys.list.builtIn') : t('surveys.list.own')}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('surveys.list.items', { count: instrument.definition.items.length })}
                </Text>
              </Group>
            ))}
          </Stack>
        ) : null}
      </Paper>
    </Stack>
  );
}

const today = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

function NewRoundForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const instruments = useInstruments();
  const programmes = useMyProgrammes();
  const create = useCreateRound();
  const [instrumentId, setInstrumentId] = useState<string | null>(null);
  const [programmeId, setProgrammeId] = useState<string>('');
  const [title, setTitle] = useState('');
  const [opens, setOpens] = useState(today());
  const [closes, setCloses] = useState(today(21));
  const [minGroupSize, setMinGroupSize] = useState<number>(3);
  const [commentsEnabled, setCommentsEnabled] = useState(true);
  const errors = fieldErrorsOf(create.error);
  const programmeOptions = [{ value: '', label: t('surveys.list.insideOrganization') }, ...(programmes.data?.pages.flatMap((page) => page.items) ?? []).map((programme) => ({ value: programme.id, label: programme.title }))];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-round-heading">
      <Title order={2} size="h4" id="new-round-heading" mb="sm">
        {t('surveys.list.newRound')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!instrumentId) return;
          create.mutate(
            { instrumentId, programmeId: programmeId || null, title, opensAt: new Date(`${opens}T00:00:00`).toISOString(), closesAt: new Date(`${closes}T23:59:59`).toISOString(), minGroupSize, commentsEnabled },
            { onSuccess: (round) => void navigate(`/surveys/rounds/${round.id}`) },
          );
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('surveys.list.instrument')} required data={(instruments.data?.items ?? []).map((instrument) => ({ value: instrument.id, label: instrument.definition.title[language] }))} value={instrumentId} onChange={setInstrumentId} error={errors.instrumentId} />
          <Select label={t('surveys.list.programme')} data={programmeOptions} value={programmeId} onChange={(value) => setProgrammeId(value ?? '')} allowDeselect={false} error={errors.programmeId} />
          <TextInput label={t('surveys.list.roundTitle')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.title} />
          <NumberInput label={t('surveys.list.minGroupSize')} description={t('surveys.list.minGroupSizeHelp')} min={3} max={1000} value={minGroupSize} onChange={(value) => setMinGroupSize(Number(value) || 3)} error={errors.minGroupSize} />
          <TextInput type="date" label={t('surveys.list.opensAt')} required value={opens} onChange={(event) => setOpens(event.currentTarget.value)} error={errors.opensAt} />
          <TextInput type="date" label={t('surveys.list.closesAt')} required value={closes} onChange={(event) => setCloses(event.currentTarget.value)} error={errors.closesAt} />
        </SimpleGrid>
        <Checkbox mt="sm" label={t('surveys.list.commentsEnabled')} checked={commentsEnabled} onChange={(event) => setCommentsEnabled(event.currentTarget.checked)} />
        {create.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
        <Button type="submit" mt="md" loading={create.isPending}>
          {t('surveys.list.create')}
        </Button>
      </form>
    </Paper>
  );
}
