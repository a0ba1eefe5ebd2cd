import { ActionIcon, Anchor, Button, FileButton, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appraisalFileUrl, useDeleteAppraisalFile, useUploadAppraisalFile, type Appraisal } from '../../api/appraisal';
import { ErrorAlert } from '../../components/error-alert';
import { useLocalized } from './shared';

const ACCEPT = 'application/pdf,image/png,image/jpeg,image/webp,text/plain,text/csv,.docx,.xlsx,.pptx,.odt,.ods,.doc,.xls';

/** The evidence files of an appraisal: download links, and for its makers upload and removal. */
export function EvidenceFiles({ appraisal, editable }: { appraisal: Appraisal; editable: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const upload = useUploadAppraisalFile(appraisal.id);
  const remove = useDeleteAppraisalFile(appraisal.id);
  const [criterionKey, setCriterionKey] = useState<string | null>(null);
  const criteria = appraisal.template.groups.flatMap((group) => group.criteria);
  const titleOf = (key: string | null) => (key ? localized(criteria.find((criterion) => criterion.key === key)?.title) : t('appraisal.files.wholeAppraisal'));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="files-heading">
      <Title order={2} size="h4" id="files-heading" mb="sm">
        {t('appraisal.files.title')}
      </Title>
      <Stack gap="xs">
        {appraisal.files.length === 0 ? <Text c="dimmed" size="sm">{t('appraisal.files.none')}</Text> : null}
        {appraisal.files.map((file) => (
          <Group key={file.id} justify="space-between" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Anchor href={appraisalFileUrl(appraisal.id, file.id)} aria-label={t('appraisal.files.download', { name: file.name })} size="sm">
                {file.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {titleOf(file.criterionKey)} · {t('appraisal.files.size', { size: Math.max(1, Math.round(file.sizeBytes / 1024)) })}
              </Text>
            </div>
            {editable ? (
              <ActionIcon variant="subtle" color="red" aria-label={t('appraisal.files.remove', { name: file.name })} onClick={() => remove.mutate(file.id)}>
                ×
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        {editable ? (
          <Group align="flex-end" mt="xs">
            <Select
              label={t('appraisal.files.forCriterion')}
              data={[{ value: '', label: t('appraisal.files.wholeAppraisal') }, ...criteria.map((criterion) => ({ value: criterion.key, label: localized(criterion.title) }))]}
              value={criterionKey ?? ''}
              onChange={(value) => setCriterionKey(value || null)}
              w={280}
            />
            <FileButton accept={ACCEPT} onChange={(file) => file && upload.mutate({ file, ...(criterionKey ? { criterionKey } : {}) })}>
              {(props) => (
                <Button {...props} variant="light" loading={upload.isPending}>
                  {t('appraisal.files.upload')}
                </Button>
              )}
            </FileButton>
          </Group>
        ) : null}
        {editable ? <Text size="xs" c="dimmed">{t('appraisal.files.uploadHint')}</Text> : null}
        {upload.error ? <ErrorAlert error={upload.error} /> : null}
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
      </Stack>
    </Paper>
  );
}
