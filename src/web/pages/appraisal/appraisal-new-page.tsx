import { Button, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { useAppraisalTemplates, useCreateAppraisal, type OrganizationOption } from '../../api/appraisal';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { OrganizationPicker, ProgrammePicker, SectionNav, useLocalized } from './shared';

/** Starts an appraisal: which candidate, for which programme, with which template. */
export function AppraisalNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('appraisal.form.newTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const localized = useLocalized();
  const templates = useAppraisalTemplates();
  const create = useCreateAppraisal();
  const [candidate, setCandidate] = useState<OrganizationOption | null>(null);
  const [programmeId, setProgrammeId] = useState<string | null>(params.get('programmeId'));
  const [templateId, setTemplateId] = useState<string>('default');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!candidate) {
      setMissing(true);
      return;
    }
    create.mutate(
      { candidateOrganizationId: candidate.id, programmeId, templateId },
      { onSuccess: (appraisal) => navigate(`/appraisals/${appraisal.id}/edit`) },
    );
  };

  return (
    <Stack gap="md" maw={720}>
      <SectionNav />
      <Title order={1}>{t('appraisal.form.newTitle')}</Title>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {create.error && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
            <OrganizationPicker
              label={t('appraisal.form.candidate')}
              description={t('appraisal.form.candidateHint')}
              value={candidate}
              onChange={(value) => {
                setCandidate(value);
                setMissing(false);
              }}
              required
              error={missing ? t('common.required') : errors.candidateOrganizationId}
            />
            <ProgrammePicker label={t('appraisal.common.programme')} description={t('appraisal.form.programmeHint')} value={programmeId} onChange={setProgrammeId} error={errors.programmeId} />
            <Select
              label={t('appraisal.form.template')}
              data={(templates.data?.items ?? []).map((template) => ({ value: template.id, label: localized(template.title) }))}
              value={templateId}
              onChange={(value) => setTemplateId(value ?? 'default')}
              allowDeselect={false}
              error={errors.templateId}
            />
            <Text size="xs" c="dimmed">
              {t('appraisal.formula')}
            </Text>
            <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('appraisal.form.start')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
