import { Alert, Anchor, Button, Checkbox, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { useInstrument, useSaveInstrument, type InstrumentDefinitionInput } from '../../api/surveys';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';

type Bilingual = { en: string; fr: string };
type ScaleDraft = { key: string; values: string; labelsEn: string; labelsFr: string };
type ItemDraft = { key: string; dimension: string; scale: string; reverse: boolean; text: Bilingual };
type Draft = { title: Bilingual; description: Bilingual; perTarget: boolean; scales: ScaleDraft[]; items: ItemDraft[]; comments: { enabled: boolean; prompt: Bilingual } };

const emptyDraft: Draft = {
  title: { en: '', fr: '' },
  description: { en: '', fr: '' },
  perTarget: false,
  scales: [{ key: 'agreement', values: '1, 2, 3, 4', labelsEn: 'Disagree | Somewhat disagree | Somewhat agree | Agree', labelsFr: "Pas d'accord | Plutôt pas d'accord | Plutôt d'accord | D'accord" }],
  items: [{ key: 'q1', dimension: 'climate', scale: 'agreement', reverse: false, text: { en: '', fr: '' } }],
  comments: { enabled: true, prompt: { en: 'Anything else? (Optional.)', fr: 'Autre chose ? (Facultatif.)' } },
};

function draftOf(definition: InstrumentDefinitionInput): Draft {
  return {
    title: definition.title,
    description: definition.description,
    perTarget: definition.perTarget ?? false,
    scales: Object.entries(definition.scales).map(([key, scale]) => ({ key, values: scale.values.join(', '), labelsEn: scale.labels.en.join(' | '), labelsFr: scale.labels.fr.join(' | ') })),
    items: definition.items.map((item) => ({ key: item.key, dimension: item.dimension, scale: item.scale, reverse: item.reverse ?? false, text: item.text })),
    comments: definition.comments,
  };
}

function definitionOf(draft: Draft): InstrumentDefinitionInput {
  const split = (text: string, separator: string) => text.split(separator).map((part) => part.trim()).filter(Boolean);
  return {
    title: draft.title,
    description: draft.description,
    kind: 'custom',
    perTarget: draft.perTarget,
    scales: Object.fromEntries(draft.scales.map((scale) => [scale.key, { values: split(scale.values, ',').map(Number), labels: { en: split(scale.labelsEn, '|'), fr: split(scale.labelsFr, '|') } }])),
    items: draft.items,
    comments: draft.comments,
  };
}

/** The survey designer: questions, dimensions, scales, reverse scoring, English and French. */
export function DesignerPage() {
  const { id } = useParams();
  const isNew = id === undefined || id === 'new';
  const { t } = useTranslation();
  usePageTitle(t('surveys.designer.title'));
  const navigate = useNavigate();
  const location = useLocation();
  const instrument = useInstrument(isNew ? undefined : id);
  const save = useSaveInstrument(isNew ? undefined : id);
  const [draft, setDraft] = useState<Draft>(() => {
    const copied = (location.state as { copy?: InstrumentDefinitionInput } | null)?.copy;
    return copied ? draftOf(copied) : emptyDraft;
  });
  useEffect(() => {
    if (instrument.data) setDraft(draftOf(instrument.data.definition));
  }, [instrument.data]);
  if (!isNew && instrument.isPending) return <Loader />;
  if (instrument.isError) return <ErrorAlert error={instrument.error} />;
  const readOnly = !isNew && instrument.data !== undefined && !instrument.data.canEdit;
  const errors = fieldErrorsOf(save.error);
  const setItem = (index: number, change: Partial<ItemDraft>) => setDraft((previous) => ({ ...previous, items: previous.items.map((item, position) => (position === index ? { ...item, ...change } : item)) }));
  const setScale = (index: number, change: Partial<ScaleDraft>) => setDraft((previous) => ({ ...previous, scales: previous.scales.map((scale, position) => (position === index ? { ...scale, ...change } : scale)) }));

  return (
    <Stack gap="lg" maw={1000}>
      <Anchor component={Link} to="/surveys" size="sm">
        ← {t('surveys.round.backToList')}
      </Anchor>
      <Title order={1}>{t('surveys.designer.title')}</Title>
      {readOnly ? (
        <Alert color="blue" role="note">
          {t('surveys.designer.readOnly')}{' '}
          <Button size="compact-sm" variant="light" onClick={() => void navigate('/surveys/instruments/new', { state: { copy: { ...definitionOf(draft), title: { en: `${draft.title.en} (copy)`, fr: `${draft.title.fr} (copie)` } } } })}>
            {t('surveys.designer.copy')}
          </Button>
        </Alert>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            { definition: definitionOf(draft), version: instrument.data?.version },
            {
              onSuccess: (saved) => {
                notifications.show({ message: t('surveys.designer.saved'), color: 'teal' });
                if (isNew) void navigate(`/surveys/instruments/${saved.id}`, { replace: true });
              },
            },
          );
        }}
      >
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('surveys.designer.titleEn')} lang="en" required value={draft.title.en} onChange={(event) => setDraft({ ...draft, title: { ...draft.title, en: event.currentTarget.value } })} error={errors['definition.title.en']} />
              <TextInput label={t('surveys.designer.titleFr')} lang="fr" required value={draft.title.fr} onChange={(event) => setDraft({ ...draft, title: { ...draft.title, fr: event.currentTarget.value } })} error={errors['definition.title.fr']} />
              <Textarea label={t('surveys.designer.descriptionEn')} lang="en" required autosize minRows={2} value={draft.description.en} onChange={(event) => setDraft({ ...draft, description: { ...draft.description, en: event.currentTarget.value } })} />
              <Textarea label={t('surveys.designer.descriptionFr')} lang="fr" required autosize minRows={2} value={draft.description.fr} onChange={(event) => setDraft({ ...draft, description: { ...draft.description, fr: event.currentTarget.value } })} />
            </SimpleGrid>
            <Checkbox label={t('surveys.designer.perTarget')} checked={draft.perTarget} onChange={(event) => setDraft({ ...draft, perTarget: event.currentTarget.checked })} />
            <Paper withBorder p="md" component="section">
              <Title order={2} size="h4" mb="sm">
                {t('surveys.designer.scales')}
              </Title>
              <Stack>
                {draft.scales.map((scale, index) => (
                  <SimpleGrid key={index} cols={{ base: 1, sm: 2 }} spacing="xs">
                    <TextInput label={t('surveys.designer.scaleKey')} value={scale.key} onChange={(event) => setScale(index, { key: event.currentTarget.value })} error={errors[`definition.scales.${scale.key}`]} />
                    <TextInput label={t('surveys.designer.values')} value={scale.values} onChange={(event) => setScale(index, { values: event.currentTarget.value })} error={errors[`definition.scales.${scale.key}.values`]} />
                    <TextInput label={t('surveys.designer.labelsEn')} value={scale.labelsEn} onChange={(event) => setScale(index, { labelsEn: event.currentTarget.value })} error={errors[`definition.scales.${scale.key}.labels.en`]} />
                    <TextInput label={t('surveys.designer.labelsFr')} value={scale.labelsFr} onChange={(event) => setScale(index, { labelsFr: event.currentTarget.value })} error={errors[`definition.scales.${scale.key}.labels.fr`]} />
                  </SimpleGrid>
                ))}
                <Button variant="subtle" size="xs" w="fit-content" onClick={() => setDraft({ ...draft, scales: [...draft.scales, { key: `scale-${draft.scales.length + 1}`, values: '1, 2, 3', labelsEn: '', labelsFr: '' }] })}>
                  {t('surveys.designer.addScale')}
                </Button>
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section">
              <Title order={2} size="h4" mb="sm">
                {t('surveys.designer.items')}
              </Title>
              <Stack gap="lg">
                {draft.items.map((item, index) => (
                  <Stack key={index} gap="xs" pb="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                      <TextInput label={t('surveys.designer.itemKey')} value={item.key} onChange={(event) => setItem(index, { key: event.currentTarget.value })} error={errors[`definition.items.${index}.key`]} />
                      <TextInput label={t('surveys.designer.dimension')} value={item.dimension} onChange={(event) => setItem(index, { dimension: event.currentTarget.value })} error={errors[`definition.items.${index}.dimension`]} />
                      <Select label={t('surveys.designer.scale')} data={draft.scales.map((scale) => scale.key)} value={item.scale} allowDeselect={false} onChange={(value) => setItem(index, { scale: value ?? item.scale })} error={errors[`definition.items.${index}.scale`]} />
                    </SimpleGrid>
                    <Textarea label={t('surveys.designer.textEn')} lang="en" autosize value={item.text.en} onChange={(event) => setItem(index, { text: { ...item.text, en: event.currentTarget.value } })} error={errors[`definition.items.${index}.text.en`]} />
                    <Textarea label={t('surveys.designer.textFr')} lang="fr" autosize value={item.text.fr} onChange={(event) => setItem(index, { text: { ...item.text, fr: event.currentTarget.value } })} error={errors[`definition.items.${index}.text.fr`]} />
                    <Group justify="space-between">
                      <Checkbox label={t('surveys.designer.reverse')} description={t('surveys.designer.reverseHelp')} checked={item.reverse} onChange={(event) => setItem(index, { reverse: event.currentTarget.checked })} />
                      {!readOnly ? (
                        <Button variant="subtle" color="red" size="xs" onClick={() => setDraft({ ...draft, items: draft.items.filter((_, position) => position !== index) })}>
                          {t('surveys.designer.remove')}
                        </Button>
                      ) : null}
                    </Group>
                  </Stack>
                ))}
                <Button variant="subtle" size="xs" w="fit-content" onClick={() => setDraft({ ...draft, items: [...draft.items, { key: `q${draft.items.length + 1}`, dimension: draft.items.at(-1)?.dimension ?? 'climate', scale: draft.scales[0]?.key ?? '', reverse: false, text: { en: '', fr: '' } }] })}>
                  {t('surveys.designer.addItem')}
                </Button>
              </Stack>
            </Paper>
            <Checkbox label={t('surveys.designer.comments')} checked={draft.comments.enabled} onChange={(event) => setDraft({ ...draft, comments: { ...draft.comments, enabled: event.currentTarget.checked } })} />
            {draft.comments.enabled ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('surveys.designer.promptEn')} lang="en" value={draft.comments.prompt.en} onChange={(event) => setDraft({ ...draft, comments: { ...draft.comments, prompt: { ...draft.comments.prompt, en: event.currentTarget.value } } })} />
                <TextInput label={t('surveys.designer.promptFr')} lang="fr" value={draft.comments.prompt.fr} onChange={(event) => setDraft({ ...draft, comments: { ...draft.comments, prompt: { ...draft.comments.prompt, fr: event.currentTarget.value } } })} />
              </SimpleGrid>
            ) : null}
            {instrument.data?.definition.frameworks.length ? (
              <Text size="xs" c="dimmed">
                {t('surveys.designer.frameworks')}: {instrument.data.definition.frameworks.join(' · ')}
              </Text>
            ) : null}
            {save.isError ? <ErrorAlert error={save.error} /> : null}
            {!readOnly ? (
              <Button type="submit" loading={save.isPending} w="fit-content">
                {t('surveys.designer.save')}
              </Button>
            ) : null}
          </Stack>
        </fieldset>
      </form>
    </Stack>
  );
}
