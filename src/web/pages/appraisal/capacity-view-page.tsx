import { Alert, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAssessment, useCapacityFramework } from '../../api/appraisal';
import { useCurrentUser } from '../../components/current-user';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { Loading, SectionNav, useLocalized, useScoreText } from './shared';
import { SupportPlanSection } from './support-items';

/** One capacity assessment: domain scores with their evidence, and its support plan. */
export function CapacityViewPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const localized = useLocalized();
  const score = useScoreText();
  const framework = useCapacityFramework();
  const assessment = useAssessment(id);
  const title = assessment.data ? t('appraisal.capacity.viewTitle', { organization: assessment.data.assessedOrganization.name, date: format.date(assessment.data.assessedOn) }) : t('appraisal.capacity.title');
  usePageTitle(title);
  if (assessment.isPending || framework.isPending) return <Loading />;
  if (assessment.isError) return <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />;
  if (framework.isError) return <ErrorAlert error={framework.error} onRetry={() => void framework.refetch()} />;
  const data = assessment.data;
  const max = Math.max(...framework.data.scale.values);

  return (
    <Stack gap="md" maw={1000}>
      <SectionNav />
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{title}</Title>
          <Text size="sm" c="dimmed">
            {data.kind === 'self' ? t('appraisal.capacity.self') : t('appraisal.capacity.external', { organization: data.organization.name })} · {data.programme?.title ?? t('appraisal.common.noProgramme')}
          </Text>
          <Badge mt={4} variant="light" color={data.shared ? 'blue' : 'gray'}>
            {data.shared ? t('appraisal.common.sharedBadge') : t('appraisal.common.privateBadge')}
          </Badge>
        </div>
        <Group gap="xs">
          <Button variant="default" component={Link} to={`/appraisals/capacity/trend/${data.assessedOrganization.id}`}>
            {t('appraisal.capacity.trend')}
          </Button>
          {data.canEdit ? (
            <Button component={Link} to={`/appraisals/capacity/${data.id}/edit`}>
              {t('appraisal.common.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {!data.canEdit && data.organization.id !== me.organization.id ? <Alert color="blue">{t('appraisal.common.readOnlyShared', { organization: data.organization.name })}</Alert> : null}
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed">
          {t('appraisal.capacity.overall')}
        </Text>
        <Text fz={28} fw={700}>
          {score.plain(data.overall)} / {max}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {data.domains.map((domain) => {
          const definition = framework.data.domains.find((candidate) => candidate.key === domain.key);
          return (
            <Paper key={domain.key} withBorder p="md">
              <Group justify="space-between">
                <Text fw={600}>{localized(definition?.title)}</Text>
                <Text fw={700}>{domain.score === null ? t('appraisal.capacity.notRated') : `${score.plain(domain.score)} / ${max}`}</Text>
              </Group>
              <Progress value={domain.score === null ? 0 : (domain.score / max) * 100} mt={4} aria-hidden />
              <Text size="xs" c="dimmed" mt={4}>
                {domain.ratedIndicators} / {domain.totalIndicators}
              </Text>
              {domain.evidence ? (
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {domain.evidence}
                </Text>
              ) : null}
            </Paper>
          );
        })}
      </SimpleGrid>
      {data.notes ? (
        <Paper withBorder p="md">
          <Text fw={600}>{t('appraisal.capacity.notes')}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {data.notes}
          </Text>
        </Paper>
      ) : null}
      <SupportPlanSection
        parent={{ kind: 'assessment', id: data.id }}
        items={data.supportItems}
        editable={data.canEdit}
        defaultOwners={[{ id: data.organization.id, name: data.organization.name }]}
      />
    </Stack>
  );
}
