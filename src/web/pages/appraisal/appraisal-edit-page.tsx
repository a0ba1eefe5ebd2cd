import { Affix, Button, Checkbox, Group, Paper, Progress, SegmentedControl, Spoiler, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { useAppraisal, useUpdateAppraisal, type Appraisal } from '../../api/appraisal';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { computeWeightedTotal } from '../../../modules/appraisal/compute-weighted-total.js';
import { EvidenceFiles } from './evidence-files';
import { Loading, SaveError, SectionNav, useLocalized, useLocalizedList, useScoreText } from './shared';

type Draft = Record<string, { score: number | null; evidence: string }>;

/** Scores each criterion with its guidance in view, evidence and files, and the totals as they change. */
export function AppraisalEditPage() {
  const { id } = useParams();
  const appraisal = useAppraisal(id);
  if (appraisal.isPending) return <Loading />;
  if (appraisal.isError) return <ErrorAlert error={appraisal.error} onRetry={() => void appraisal.refetch()} />;
  return <AppraisalForm key={appraisal.data.version} appraisal={appraisal.data} onReload={() => void appraisal.refetch()} />;
}

function AppraisalForm({ appraisal, onReload }: { appraisal: Appraisal; onReload: () => void }) {
  const { t } = useTranslation();
  // On a phone the scale's points stack vertically, each one still a large target.
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  usePageTitle(t('appraisal.form.editTitle', { candidate: appraisal.candidate.name }));
  const navigate = useNavigate();
  const localized = useLocalized();
  const localizedList = useLocalizedList();
  const score = useScoreText();
  const update = useUpdateAppraisal(appraisal.id);
  const initial = useMemo<Draft>(() => Object.fromEntries(appraisal.scores.map((entry) => [entry.criterionKey, { score: entry.score, evidence: entry.evidence }])), [appraisal]);
  const [draft, setDraft] = useState<Draft>(initial);
  const [strengths, setStrengths] = useState(appraisal.strengths);
  const [risks, setRisks] = useState(appraisal.risks);
  const [shared, setShared] = useState(appraisal.shared);
  const result = computeWeightedTotal(appraisal.template, draft);
  const { min, max, labels } = appraisal.template.scale;
  const points = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  const scaleLabels = localizedList(labels);
  const errors = fieldErrorsOf(update.error);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial) || strengths !== appraisal.strengths || risks !== appraisal.risks || shared !== appraisal.shared;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const setCriterion = (key: string, change: Partial<Draft[string]>) => setDraft((current) => ({ ...current, [key]: { score: current[key]?.score ?? null, evidence: current[key]?.evidence ?? '', ...change } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scores = Object.entries(draft)
      .filter(([key, value]) => value.score !== initial[key]?.score || value.evidence !== initial[key]?.evidence)
      .map(([criterionKey, value]) => ({ criterionKey, score: value.score, evidence: value.evidence }));
    update.mutate(
      { version: appraisal.version, scores, strengths, risks, shared },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('appraisal.common.saved') });
          navigate(`/appraisals/${saved.id}`);
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={1000} pb={80}>
      <SectionNav />
      <Title order={1}>{t('appraisal.form.editTitle', { candidate: appraisal.candidate.name })}</Title>
      <Text size="sm" c="dimmed">
        {localized(appraisal.template.title)} · {appraisal.programme?.title ?? t('appraisal.common.noProgramme')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('appraisal.formula')}
      </Text>
      <form id={`appraisal-form-${appraisal.id}`} onSubmit={submit} noValidate>
        <Stack gap="md">
          {appraisal.template.groups.map((group, groupIndex) => (
            <Paper key={group.key} withBorder p="md" component="fieldset" style={{ margin: 0 }}>
              <Group justify="space-between" component="legend" w="100%" px={0}>
                <Title order={2} size="h4">
                  {localized(group.title)}
                </Title>
                <Text size="sm" c="dimmed" aria-live="polite">
                  {t('appraisal.form.groupTotal', { total: score.total(result.groups[groupIndex]?.total ?? null) })}
                </Text>
              </Group>
              <Stack gap="lg" mt="sm">
                {group.criteria.map((criterion) => {
                  const title = localized(criterion.title);
                  const value = draft[criterion.key]?.score ?? null;
                  return (
                    <Stack key={criterion.key} gap={6}>
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <Text fw={600} id={`criterion-${criterion.key}`}>
                          {title}
                        </Text>
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {t('appraisal.form.weight', { weight: criterion.weight })}
                        </Text>
                      </Group>
                      {criterion.guidance ? (
                        <Spoiler maxHeight={44} showLabel="…" hideLabel="↑">
                          <Text size="sm" c="dimmed">
                            {localized(criterion.guidance)}
                          </Text>
                        </Spoiler>
                      ) : null}
                      <SegmentedControl
                        aria-label={t('appraisal.form.scoreFor', { criterion: title })}
                        value={value === null ? '' : String(value)}
                        onChange={(next) => setCriterion(criterion.key, { score: next === '' ? null : Number(next) })}
                        data={[{ value: '', label: t('appraisal.common.notYet') }, ...points.map((point, index) => ({ value: String(point), label: String(point), title: scaleLabels[index] ?? '' }))]}
                        fullWidth
                        orientation={narrow ? 'vertical' : 'horizontal'}
                      />
                      {value !== null && scaleLabels[value - min] ? (
                        <Text size="xs" c="dimmed">
                          {scaleLabels[value - min]}
                        </Text>
                      ) : null}
                      <Textarea
                        label={t('appraisal.form.evidence')}
                        aria-label={t('appraisal.form.evidenceFor', { criterion: title })}
                        autosize
                        minRows={1}
                        maxRows={8}
                        value={draft[criterion.key]?.evidence ?? ''}
                        onChange={(event) => setCriterion(criterion.key, { evidence: event.currentTarget.value })}
                      />
                    </Stack>
                  );
                })}
              </Stack>
            </Paper>
          ))}
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Textarea label={t('appraisal.form.strengths')} autosize minRows={2} value={strengths} onChange={(event) => setStrengths(event.currentTarget.value)} error={errors.strengths} />
              <Textarea label={t('appraisal.form.risks')} autosize minRows={2} value={risks} onChange={(event) => setRisks(event.currentTarget.value)} error={errors.risks} />
              <Checkbox label={t('appraisal.form.share')} description={t('appraisal.form.shareHint')} checked={shared} onChange={(event) => setShared(event.currentTarget.checked)} />
            </Stack>
          </Paper>
          {update.error ? <SaveError error={update.error} onReload={onReload} /> : null}
          <Affix position={{ bottom: 0, left: 0, right: 0 }} zIndex={150}>
            <Paper shadow="md" p="sm" radius={0} withBorder>
              <Group justify="space-between" maw={1000} mx="auto" wrap="wrap" gap="xs">
                <Group gap="lg" aria-live="polite">
                  <Text fw={700}>
                    {t('appraisal.common.total')}: {score.total(result.total)}
                  </Text>
                  <Group gap={6}>
                    <Text size="sm">
                      {t('appraisal.common.completeness')}: {score.percent(result.completeness)}
                    </Text>
                    <Progress value={result.completeness} w={100} aria-hidden />
                  </Group>
                </Group>
                <Group gap="xs">
                  {dirty ? (
                    <Text size="xs" c="orange.8">
                      {t('appraisal.form.unsaved')}
                    </Text>
                  ) : null}
                  <Button variant="default" onClick={() => navigate(`/appraisals/${appraisal.id}`)}>
                    {t('appraisal.common.cancel')}
                  </Button>
                  {/* The bar is rendered in a portal, outside the form element: name the form. */}
                  <Button type="submit" form={`appraisal-form-${appraisal.id}`} loading={update.isPending}>
                    {t('appraisal.common.save')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          </Affix>
        </Stack>
      </form>
      <EvidenceFiles appraisal={appraisal} editable />
    </Stack>
  );
}
