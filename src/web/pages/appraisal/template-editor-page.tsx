import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { useAppraisalTemplate, useCopyTemplate, useDeleteTemplate, useUpdateTemplate, type AppraisalTemplate } from '../../api/appraisal';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { currentLanguage } from '../../i18n';
import { ConfirmDeleteButton, Loading, SaveError, SectionNav, useLocalized } from './shared';

type Group = AppraisalTemplate['groups'][number];

/** Views a template; edits the organization's own, with the weights' total kept in view. */
export function TemplateEditorPage() {
  const { id } = useParams();
  const template = useAppraisalTemplate(id);
  if (template.isPending) return <Loading />;
  if (template.isError) return <ErrorAlert error={template.error} onRetry={() => void template.refetch()} />;
  return <TemplateEditor key={template.data.version} template={template.data} onReload={() => void template.refetch()} />;
}

const slug = (text: string, taken: Set<string>) => {
  const base = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'item';
  let key = base;
  for (let index = 2; taken.has(key); index += 1) key = `${base}-${index}`;
  return key;
};

function TemplateEditor({ template, onReload }: { template: AppraisalTemplate; onReload: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  usePageTitle(localized(template.title));
  const navigate = useNavigate();
  const language = currentLanguage();
  const update = useUpdateTemplate(template.id);
  const remove = useDeleteTemplate();
  const copy = useCopyTemplate();
  const [title, setTitle] = useState(template.title);
  const [description, setDescription] = useState(template.description);
  const [groups, setGroups] = useState<Group[]>(template.groups);
  const [scale, setScale] = useState(template.scale);
  const editable = template.editable;
  const hundredths = groups.flatMap((group) => group.criteria).reduce((sum, criterion) => sum + Math.round((criterion.weight || 0) * 100), 0);
  const total = hundredths / 100;
  const errors = fieldErrorsOf(update.error);
  const keys = new Set([...groups.map((group) => group.key), ...groups.flatMap((group) => group.criteria.map((criterion) => criterion.key))]);

  const setText = <T extends { en?: string | undefined; fr?: string | undefined }>(value: T | undefined, text: string) => ({ ...value, [language]: text });
  const changeGroup = (index: number, change: (group: Group) => Group) => setGroups((current) => current.map((group, position) => (position === index ? change(group) : group)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Scale labels must match the scale's length; dropped when the range changes.
    const points = scale.max - scale.min + 1;
    const labels = scale.labels && Object.values(scale.labels).every((list) => !list || list.length === points) ? scale.labels : undefined;
    update.mutate(
      { version: template.version, title, ...(description ? { description } : {}), scale: { min: scale.min, max: scale.max, ...(labels ? { labels } : {}) }, groups },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('appraisal.common.saved') }) },
    );
  };

  return (
    <Stack gap="md" maw={1000} pb="xl">
      <SectionNav />
      <Title order={1}>{editable ? t('appraisal.templates.editor') : t('appraisal.templates.viewTitle')}</Title>
      {!editable ? (
        <Alert color="gray">
          {t('appraisal.templates.readOnly')}
          <Group mt="xs">
            <Button size="xs" loading={copy.isPending} onClick={() => copy.mutate(template.id, { onSuccess: (created) => navigate(`/appraisals/templates/${created.id}`) })}>
              {t('appraisal.templates.copy')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Text size="xs" c="dimmed">
          {t('appraisal.templates.languageNote', { language: t(`language.${language}`) })}
        </Text>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Stack gap="sm">
              <TextInput label={t('appraisal.templates.templateTitle')} readOnly={!editable} required value={title[language] ?? ''} onChange={(event) => setTitle(setText(title, event.currentTarget.value))} error={errors.title} />
              <Textarea label={t('appraisal.templates.description')} readOnly={!editable} autosize minRows={2} value={description?.[language] ?? ''} onChange={(event) => setDescription(setText(description, event.currentTarget.value))} />
              <Group grow>
                <NumberInput label={t('appraisal.templates.scaleMin')} readOnly={!editable} min={0} max={9} value={scale.min} onChange={(value) => setScale({ ...scale, min: Number(value) || 0 })} error={errors['scale.min']} />
                <NumberInput label={t('appraisal.templates.scaleMax')} readOnly={!editable} min={1} max={10} value={scale.max} onChange={(value) => setScale({ ...scale, max: Number(value) || 1 })} error={errors['scale.max']} />
              </Group>
            </Stack>
          </Paper>
          {groups.map((group, groupIndex) => (
            <Paper key={group.key} withBorder p="md" component="fieldset" style={{ margin: 0 }}>
              <Stack gap="sm">
                <Group align="flex-end" wrap="nowrap">
                  <TextInput style={{ flex: 1 }} label={t('appraisal.templates.groupTitle')} readOnly={!editable} value={group.title[language] ?? ''} onChange={(event) => changeGroup(groupIndex, (current) => ({ ...current, title: setText(current.title, event.currentTarget.value) }))} error={errors[`groups.${groupIndex}.title`]} />
                  {editable && groups.length > 1 ? (
                    <Button variant="subtle" color="red" onClick={() => setGroups(groups.filter((_, index) => index !== groupIndex))}>
                      {t('appraisal.templates.removeGroup')}
                    </Button>
                  ) : null}
                </Group>
                {group.criteria.map((criterion, criterionIndex) => (
                  <Paper key={criterion.key} p="sm" bg="gray.0">
                    <Group align="flex-start" wrap="wrap">
                      <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
                        <TextInput label={t('appraisal.templates.criterionTitle')} readOnly={!editable} value={criterion.title[language] ?? ''} onChange={(event) => changeGroup(groupIndex, (current) => ({ ...current, criteria: current.criteria.map((item, index) => (index === criterionIndex ? { ...item, title: setText(item.title, event.currentTarget.value) } : item)) }))} />
                        <Textarea label={t('appraisal.templates.criterionGuidance')} readOnly={!editable} autosize minRows={1} maxRows={6} value={criterion.guidance?.[language] ?? ''} onChange={(event) => changeGroup(groupIndex, (current) => ({ ...current, criteria: current.criteria.map((item, index) => (index === criterionIndex ? { ...item, guidance: setText(item.guidance, event.currentTarget.value) } : item)) }))} />
                      </Stack>
                      <NumberInput
                        w={110}
                        label={t('appraisal.templates.weight')}
                        readOnly={!editable}
                        min={0.01}
                        max={100}
                        decimalScale={2}
                        value={criterion.weight}
                        onChange={(value) => changeGroup(groupIndex, (current) => ({ ...current, criteria: current.criteria.map((item, index) => (index === criterionIndex ? { ...item, weight: Number(value) || 0 } : item)) }))}
                        error={errors[`groups.${groupIndex}.criteria.${criterionIndex}.weight`]}
                      />
                      {editable && group.criteria.length > 1 ? (
                        <ActionIcon mt={28} variant="subtle" color="red" aria-label={t('appraisal.templates.removeCriterion')} onClick={() => changeGroup(groupIndex, (current) => ({ ...current, criteria: current.criteria.filter((_, index) => index !== criterionIndex) }))}>
                          ×
                        </ActionIcon>
                      ) : null}
                    </Group>
                  </Paper>
                ))}
                {editable ? (
                  <Button variant="subtle" style={{ alignSelf: 'flex-start' }} onClick={() => changeGroup(groupIndex, (current) => ({ ...current, criteria: [...current.criteria, { key: slug(t('appraisal.templates.newCriterion'), keys), title: { [language]: t('appraisal.templates.newCriterion') }, weight: 0 }] }))}>
                    {t('appraisal.templates.addCriterion')}
                  </Button>
                ) : null}
              </Stack>
            </Paper>
          ))}
          {editable ? (
            <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => setGroups([...groups, { key: slug(t('appraisal.templates.newGroup'), keys), title: { [language]: t('appraisal.templates.newGroup') }, criteria: [{ key: slug(t('appraisal.templates.newCriterion'), keys), title: { [language]: t('appraisal.templates.newCriterion') }, weight: 0 }] }])}>
              {t('appraisal.templates.addGroup')}
            </Button>
          ) : null}
          <Paper withBorder p="sm" pos="sticky" bottom={0} style={{ zIndex: 10 }}>
            <Group justify="space-between">
              <div aria-live="polite">
                <Text fw={700} c={total === 100 ? 'teal.8' : 'red.8'}>
                  {t('appraisal.templates.totalWeight', { total })}
                </Text>
                {total !== 100 ? <Text size="xs">{t('appraisal.templates.mustReach100')}</Text> : null}
                {errors.groups ? <Text size="xs" c="red.8">{errors.groups}</Text> : null}
              </div>
              {editable ? (
                <Group gap="xs">
                  <ConfirmDeleteButton question={t('appraisal.templates.deleteConfirm')} pending={remove.isPending} error={remove.error} onConfirm={() => remove.mutate(template.id, { onSuccess: () => navigate('/appraisals/templates') })} />
                  <Button type="submit" disabled={total !== 100} loading={update.isPending}>
                    {t('appraisal.common.save')}
                  </Button>
                </Group>
              ) : null}
            </Group>
          </Paper>
          {update.error && !errors.groups ? <SaveError error={update.error} onReload={onReload} /> : null}
        </Stack>
      </form>
    </Stack>
  );
}
