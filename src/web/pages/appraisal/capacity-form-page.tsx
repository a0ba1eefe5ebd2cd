import { Accordion, Button, Checkbox, Group, List, Paper, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { useAssessment, useCapacityFramework, useCreateAssessment, useUpdateAssessment, type Assessment, type CapacityFramework, type OrganizationOption } from '../../api/appraisal';
import { useCurrentUser } from '../../components/current-user';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { computeDomainScores } from '../../../modules/capacity/domain-scores.js';
import { OrganizationPicker, ProgrammePicker, SaveError, SectionNav, Loading, useLocalized, useLocalizedList, useScoreText } from './shared';

type Ratings = Record<string, Record<string, number | null>>;

/** A new capacity assessment, or changes to one (route /appraisals/capacity/:id/edit). */
export function CapacityFormPage() {
  const { id } = useParams();
  const framework = useCapacityFramework();
  const assessment = useAssessment(id);
  if (framework.isPending || (id && assessment.isPending)) return <Loading />;
  if (framework.isError) return <ErrorAlert error={framework.error} onRetry={() => void framework.refetch()} />;
  if (id && assessment.isError) return <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />;
  return <CapacityForm key={assessment.data?.version ?? 'new'} framework={framework.data} assessment={assessment.data} onReload={() => void assessment.refetch()} />;
}

function CapacityForm({ framework, assessment, onReload }: { framework: CapacityFramework; assessment: Assessment | undefined; onReload: () => void }) {
  const { t } = useTranslation();
  // On a phone the scale's points stack vertically, each one still a large target.
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  usePageTitle(t('appraisal.capacity.formTitle'));
  const me = useCurrentUser();
  const navigate = useNavigate();
  const localized = useLocalized();
  const localizedList = useLocalizedList();
  const score = useScoreText();
  const create = useCreateAssessment();
  const update = useUpdateAssessment(assessment?.id ?? '');
  const mutation = assessment ? update : create;
  const [assessed, setAssessed] = useState<OrganizationOption | null>(assessment ? assessment.assessedOrganization : { id: me.organization.id, name: me.organization.name, acronym: me.organization.acronym });
  const [assessedOn, setAssessedOn] = useState(assessment?.assessedOn ?? new Date().toISOString().slice(0, 10));
  const [programmeId, setProgrammeId] = useState<string | null>(assessment?.programme?.id ?? null);
  const [ratings, setRatings] = useState<Ratings>(() => Object.fromEntries((assessment?.domains ?? []).map((domain) => [domain.key, Object.fromEntries(domain.ratings.map((rating) => [rating.indicatorKey, rating.rating]))])));
  const [evidence, setEvidence] = useState<Record<string, string>>(() => Object.fromEntries((assessment?.domains ?? []).map((domain) => [domain.key, domain.evidence])));
  const [notes, setNotes] = useState(assessment?.notes ?? '');
  const [shared, setShared] = useState(assessment?.shared ?? false);
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(mutation.error);
  const scaleLabels = localizedList(framework.scale.labels);

  const scores = computeDomainScores(
    framework,
    Object.fromEntries(Object.entries(ratings).map(([key, values]) => [key, { evidence: '', ratings: Object.fromEntries(Object.entries(values).filter((entry): entry is [string, number] => typeof entry[1] === 'number')) }])),
  );
  const domainScore = (key: string) => scores.find((entry) => entry.key === key)?.score ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!assessed) {
      setMissing(true);
      return;
    }
    const domains = framework.domains.map((domain) => ({
      key: domain.key,
      ratings: domain.indicators.map((indicator) => ({ indicatorKey: indicator.key, rating: ratings[domain.key]?.[indicator.key] ?? null })),
      evidence: evidence[domain.key] ?? '',
    }));
    const onSuccess = (saved: Assessment) => navigate(`/appraisals/capacity/${saved.id}`);
    if (assessment) update.mutate({ version: assessment.version, assessedOn, programmeId, domains, notes, shared }, { onSuccess });
    else create.mutate({ assessedOrganizationId: assessed.id, assessedOn, programmeId, domains, notes, shared }, { onSuccess });
  };

  return (
    <Stack gap="md" maw={1000}>
      <SectionNav />
      <Title order={1}>{t('appraisal.capacity.formTitle')}</Title>
      <Text size="sm" c="dimmed">
        {localized(framework.description)}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Stack gap="sm">
              {assessment ? (
                <TextInput label={t('appraisal.capacity.assessed')} value={assessment.assessedOrganization.name} readOnly />
              ) : (
                <OrganizationPicker label={t('appraisal.capacity.assessed')} value={assessed} onChange={setAssessed} required error={missing ? t('common.required') : errors.assessedOrganizationId} />
              )}
              <Text size="xs" c="dimmed">
                {assessed?.id === me.organization.id ? t('appraisal.capacity.kindSelf') : t('appraisal.capacity.kindExternal')}
              </Text>
              <Group grow align="flex-start" wrap="wrap">
                <TextInput type="date" label={t('appraisal.capacity.assessedOn')} required value={assessedOn} onChange={(event) => setAssessedOn(event.currentTarget.value)} error={errors.assessedOn} miw={180} />
                <ProgrammePicker label={t('appraisal.common.programme')} value={programmeId} onChange={setProgrammeId} error={errors.programmeId} />
              </Group>
            </Stack>
          </Paper>
          <Text size="xs" c="dimmed">
            {t('appraisal.capacity.scoreRule')}
          </Text>
          <Accordion multiple variant="separated" defaultValue={[framework.domains[0]?.key ?? '']}>
            {framework.domains.map((domain) => (
              <Accordion.Item key={domain.key} value={domain.key}>
                <Accordion.Control>
                  <Group justify="space-between" pr="sm">
                    <Text fw={600}>{localized(domain.title)}</Text>
                    <Text size="sm" c="dimmed">
                      {domainScore(domain.key) === null ? t('appraisal.capacity.notRated') : t('appraisal.capacity.domainScore', { score: score.plain(domainScore(domain.key)) })}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="md">
                    <div>
                      <Text size="xs" fw={600}>
                        {t('appraisal.capacity.levels')}
                      </Text>
                      <List size="xs" c="dimmed">
                        {domain.levels.map((level) => (
                          <List.Item key={level.value}>
                            {level.value} · {localized(level.text)}
                          </List.Item>
                        ))}
                      </List>
                    </div>
                    {domain.indicators.map((indicator) => {
                      const text = localized(indicator.text);
                      const value = ratings[domain.key]?.[indicator.key] ?? null;
                      return (
                        <Stack key={indicator.key} gap={4}>
                          <Text size="sm">{text}</Text>
                          <SegmentedControl
                            aria-label={t('appraisal.capacity.rating', { indicator: text })}
                            value={value === null ? '' : String(value)}
                            onChange={(next) => setRatings((current) => ({ ...current, [domain.key]: { ...current[domain.key], [indicator.key]: next === '' ? null : Number(next) } }))}
                            data={[{ value: '', label: t('appraisal.common.notYet') }, ...framework.scale.values.map((point, index) => ({ value: String(point), label: `${point} ${scaleLabels[index] ?? ''}`.trim() }))]}
                            fullWidth
                            orientation={narrow ? 'vertical' : 'horizontal'}
                            size="xs"
                          />
                        </Stack>
                      );
                    })}
                    <Textarea label={t('appraisal.capacity.evidence', { domain: localized(domain.title) })} autosize minRows={1} value={evidence[domain.key] ?? ''} onChange={(event) => setEvidence({ ...evidence, [domain.key]: event.currentTarget.value })} />
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Textarea label={t('appraisal.capacity.notes')} autosize minRows={2} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} />
              {assessed && assessed.id !== me.organization.id ? <Checkbox label={t('appraisal.capacity.share')} checked={shared} onChange={(event) => setShared(event.currentTarget.checked)} /> : null}
            </Stack>
          </Paper>
          {mutation.error && Object.keys(errors).length === 0 ? <SaveError error={mutation.error} onReload={onReload} /> : null}
          <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('appraisal.capacity.save')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
