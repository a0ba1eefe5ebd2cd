import { Button, Group, List, Paper, SimpleGrid, Stack, Stepper, Switch, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PROGRAMME_STATUSES, useProgrammeMutation, type Logframe, type ProgrammeDetail } from '../../api/programmes';
import type { ProgrammeStatus } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { useProgrammeContext } from './programme-layout';

/** What the programme is, where it stands in its lifecycle, and its logframe. */
export function OverviewPage() {
  const { t } = useTranslation();
  const programme = useProgrammeContext();
  usePageTitle(programme.title);
  const format = useFormat();
  const change = useProgrammeMutation(programme.id, (body: Record<string, unknown>) => api.patch<ProgrammeDetail>(`/api/programmes/${programme.id}`, { version: programme.version, ...body }));
  const move = useProgrammeMutation(programme.id, (status: ProgrammeStatus) => api.post<ProgrammeDetail>(`/api/programmes/${programme.id}/status`, { version: programme.version, status }));
  const facts: Array<[string, string]> = [
    [t('programmes.fields.dates'), [format.date(programme.startDate), format.date(programme.endDate)].filter(Boolean).join(' – ') || t('common.notSet')],
    [t('programmes.fields.currency'), programme.currency],
    [t('programmes.fields.countries'), programme.countries.map(format.country).join(', ') || t('common.notSet')],
    [t('programmes.fields.localities'), programme.localities.join(', ') || t('common.notSet')],
    [t('programmes.fields.sectors'), programme.sectors.join(', ') || t('common.notSet')],
    [t('programmes.fields.donors'), programme.donors.join(', ') || t('common.notSet')],
    [t('programmes.fields.lead'), programme.lead?.name ?? t('programme.noLead')],
  ];

  return (
    <Stack gap="md">
      {programme.summary ? <Text>{programme.summary}</Text> : null}
      <Paper withBorder p="md" component="section" aria-labelledby="lifecycle-heading">
        <Title order={2} size="h4" id="lifecycle-heading" mb="sm">
          {t('programmes.overview.lifecycle')}
        </Title>
        <Stepper active={PROGRAMME_STATUSES.indexOf(programme.status)} size="sm" allowNextStepsSelect={false} orientation="horizontal" styles={{ steps: { flexWrap: 'wrap', rowGap: 8 } }}>
          {PROGRAMME_STATUSES.map((status) => (
            <Stepper.Step key={status} label={t(`programme.status.${status}`)} />
          ))}
        </Stepper>
        {programme.me.canManage && programme.allowedTransitions.length > 0 ? (
          <Group mt="md" gap="xs">
            {programme.allowedTransitions.map((status) => (
              <Button key={status} size="xs" variant={PROGRAMME_STATUSES.indexOf(status) > PROGRAMME_STATUSES.indexOf(programme.status) ? 'filled' : 'default'} loading={move.isPending && move.variables === status} onClick={() => move.mutate(status)}>
                {t('programmes.overview.moveTo', { status: t(`programme.status.${status}`) })}
              </Button>
            ))}
          </Group>
        ) : null}
        {move.error ? <ErrorAlert error={move.error} title={t('errors.generic')} /> : null}
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm">{value}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Switch
        label={t('programmes.overview.transparency')}
        description={t('programmes.overview.transparencyHint')}
        checked={programme.budgetTransparent}
        disabled={!programme.me.canManage || change.isPending}
        onChange={(event) => change.mutate({ budgetTransparent: event.currentTarget.checked })}
      />
      {change.error ? <ErrorAlert error={change.error} title={t('errors.generic')} /> : null}
      <LogframeSection programme={programme} onSave={(logframe) => change.mutate({ logframe })} saving={change.isPending} />
    </Stack>
  );
}

function LogframeSection({ programme, onSave, saving }: { programme: ProgrammeDetail; onSave: (logframe: Logframe) => void; saving: boolean }) {
  const { t } = useTranslation();
  const logframe = programme.logframe;
  const [editing, setEditing] = useState(false);
  const [overall, setOverall] = useState(logframe?.overallObjective ?? '');
  const [objectives, setObjectives] = useState((logframe?.specificObjectives ?? []).map((objective) => objective.text).join('\n'));

  const save = () => {
    const previous = logframe?.specificObjectives ?? [];
    const texts = objectives.split('\n').map((line) => line.trim()).filter(Boolean);
    // Results stay attached to the objective at the same position.
    onSave({ overallObjective: overall, specificObjectives: texts.map((text, index) => ({ text, results: previous[index]?.results ?? [] })) });
    setEditing(false);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="logframe-heading">
      <Group justify="space-between">
        <Title order={2} size="h4" id="logframe-heading">
          {t('programmes.overview.logframe')}
        </Title>
        {programme.me.canManage && !editing ? (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('programmes.common.edit')}
          </Button>
        ) : null}
      </Group>
      {editing ? (
        <Stack gap="sm" mt="sm">
          <Textarea label={t('programmes.overview.overallObjective')} value={overall} onChange={(event) => setOverall(event.currentTarget.value)} autosize minRows={2} />
          <Textarea label={t('programmes.overview.specificObjectives')} description={t('programmes.overview.onePerLine')} value={objectives} onChange={(event) => setObjectives(event.currentTarget.value)} autosize minRows={3} />
          <Group>
            <Button onClick={save} loading={saving}>
              {t('programmes.common.save')}
            </Button>
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('programmes.common.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : logframe ? (
        <Stack gap="xs" mt="sm">
          <Text fw={600}>{t('programmes.overview.overallObjective')}</Text>
          <Text>{logframe.overallObjective}</Text>
          <Text fw={600}>{t('programmes.overview.specificObjectives')}</Text>
          <List type="ordered" spacing="xs">
            {logframe.specificObjectives.map((objective, index) => (
              <List.Item key={index}>
                {objective.text}
                {objective.results.length > 0 ? (
                  <List withPadding size="sm">
                    {objective.results.map((result, position) => (
                      <List.Item key={position}>
                        {result.text}
                        {result.indicators.length > 0 ? (
                          <Text size="xs" c="dimmed">
                            {t('programmes.overview.indicators')}: {result.indicators.map((indicator) => (indicator.target ? `${indicator.text} (${indicator.target})` : indicator.text)).join('; ')}
                          </Text>
                        ) : null}
                      </List.Item>
                    ))}
                  </List>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        <Text c="dimmed" mt="sm">
          {t('programmes.overview.noLogframe')}
        </Text>
      )}
    </Paper>
  );
}
