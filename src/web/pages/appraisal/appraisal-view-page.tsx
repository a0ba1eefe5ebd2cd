import { Alert, Badge, Button, Group, Paper, Progress, Radio, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { useAppraisal, useDeleteAppraisal, useParentSupportItems, useRecordDecision, type Appraisal, type Decision } from '../../api/appraisal';
import { useCurrentUser } from '../../components/current-user';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { EvidenceFiles } from './evidence-files';
import { ConfirmDeleteButton, DECISION_COLORS, Loading, SaveError, SectionNav, useLocalized, useScoreText } from './shared';
import { SupportPlanSection } from './support-items';

const DECISIONS: Decision[] = ['select', 'select-with-support', 'do-not-select'];

/** An appraisal: totals, scores with evidence, strengths and risks, files, the decision and the support plan. */
export function AppraisalViewPage() {
  const { id } = useParams();
  const appraisal = useAppraisal(id);
  if (appraisal.isPending) return <Loading />;
  if (appraisal.isError) return <ErrorAlert error={appraisal.error} onRetry={() => void appraisal.refetch()} />;
  return <AppraisalView appraisal={appraisal.data} onReload={() => void appraisal.refetch()} />;
}

function AppraisalView({ appraisal, onReload }: { appraisal: Appraisal; onReload: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('appraisal.view.title', { candidate: appraisal.candidate.name }));
  const me = useCurrentUser();
  const localized = useLocalized();
  const score = useScoreText();
  const navigate = useNavigate();
  const remove = useDeleteAppraisal();
  const support = useParentSupportItems({ kind: 'appraisal', id: appraisal.id });
  const scoreOf = new Map(appraisal.scores.map((entry) => [entry.criterionKey, entry]));


  return (
    <Stack gap="md" maw={1000}>
      <SectionNav />
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('appraisal.view.title', { candidate: appraisal.candidate.name })}</Title>
          <Text size="sm" c="dimmed">
            {t('appraisal.view.madeBy', { organization: appraisal.organization.name })} · {appraisal.programme?.title ?? t('appraisal.common.noProgramme')} · {localized(appraisal.template.title)}
          </Text>
          <Badge mt={4} variant="light" color={appraisal.shared ? 'blue' : 'gray'}>
            {appraisal.shared ? t('appraisal.common.shared', { organization: appraisal.candidate.name }) : t('appraisal.common.private', { organization: appraisal.organization.name })}
          </Badge>
        </div>
        {appraisal.canEdit ? (
          <Group gap="xs">
            <Button component={Link} to={`/appraisals/${appraisal.id}/edit`}>
              {t('appraisal.view.editScores')}
            </Button>
            {appraisal.programme ? (
              <Button component={Link} variant="default" to={`/appraisals/compare?programmeId=${appraisal.programme.id}`}>
                {t('appraisal.view.compare')}
              </Button>
            ) : null}
            <ConfirmDeleteButton question={t('appraisal.view.deleteConfirm')} pending={remove.isPending} error={remove.error} onConfirm={() => remove.mutate(appraisal.id, { onSuccess: () => navigate('/appraisals') })} />
          </Group>
        ) : null}
      </Group>
      {!appraisal.canEdit && appraisal.organization.id !== me.organization.id ? <Alert color="blue">{t('appraisal.common.readOnlyShared', { organization: appraisal.organization.name })}</Alert> : null}

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('appraisal.common.total')}
          </Text>
          <Text fz={32} fw={700}>
            {score.total(appraisal.result.total)}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('appraisal.common.completeness')}
          </Text>
          <Text fz={32} fw={700}>
            {score.percent(appraisal.result.completeness)}
          </Text>
          <Progress value={appraisal.result.completeness} aria-hidden />
        </Paper>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('appraisal.formula')}
      </Text>

      <DecisionSection appraisal={appraisal} onReload={onReload} />

      <Paper withBorder p="md" component="section" aria-labelledby="scores-heading">
        <Title order={2} size="h4" id="scores-heading" mb="sm">
          {t('appraisal.view.scores')}
        </Title>
        <div style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="xs" miw={600}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('appraisal.form.criterion')}</Table.Th>
                <Table.Th scope="col">{t('appraisal.compare.weight')}</Table.Th>
                <Table.Th scope="col">{t('appraisal.form.score')}</Table.Th>
                <Table.Th scope="col">{t('appraisal.form.evidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {appraisal.template.groups.map((group, groupIndex) => [
                <Table.Tr key={group.key} bg="gray.0">
                  <Table.Th scope="rowgroup" colSpan={2}>
                    {localized(group.title)}
                  </Table.Th>
                  <Table.Td colSpan={2}>
                    <Text size="sm" fw={600}>
                      {score.total(appraisal.result.groups[groupIndex]?.total ?? null)}
                    </Text>
                  </Table.Td>
                </Table.Tr>,
                ...group.criteria.map((criterion) => {
                  const entry = scoreOf.get(criterion.key);
                  return (
                    <Table.Tr key={criterion.key}>
                      <Table.Th scope="row" fw={400}>
                        {localized(criterion.title)}
                      </Table.Th>
                      <Table.Td>{criterion.weight}</Table.Td>
                      <Table.Td>{entry?.score ?? t('appraisal.common.noScore')}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{entry?.evidence}</Table.Td>
                    </Table.Tr>
                  );
                }),
              ])}
            </Table.Tbody>
          </Table>
        </div>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="strengths-heading">
        <Title order={2} size="h4" id="strengths-heading" mb="sm">
          {t('appraisal.view.strengthsRisks')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text fw={600}>{t('appraisal.form.strengths')}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {appraisal.strengths || t('appraisal.view.noText')}
            </Text>
          </div>
          <div>
            <Text fw={600}>{t('appraisal.form.risks')}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {appraisal.risks || t('appraisal.view.noText')}
            </Text>
          </div>
        </SimpleGrid>
      </Paper>

      <EvidenceFiles appraisal={appraisal} editable={appraisal.canEdit} />

      {support.data ? (
        <SupportPlanSection
          parent={{ kind: 'appraisal', id: appraisal.id }}
          items={support.data.items}
          editable={appraisal.canEdit}
          defaultOwners={[{ id: appraisal.organization.id, name: appraisal.organization.name }]}
        />
      ) : null}
    </Stack>
  );
}

function DecisionSection({ appraisal, onReload }: { appraisal: Appraisal; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const score = useScoreText();
  const record = useRecordDecision(appraisal.id);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const errors = fieldErrorsOf(record.error);
  const current = appraisal.decision;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    record.mutate(
      { version: appraisal.version, decision, reason },
      {
        onSuccess: () => {
          setOpen(false);
          setReason('');
          setDecision(null);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decision-heading">
      <Title order={2} size="h4" id="decision-heading" mb="sm">
        {t('appraisal.decision.title')}
      </Title>
      {current ? (
        <Stack gap={4}>
          <Badge size="lg" color={DECISION_COLORS[current.decision]} variant="light">
            {t(`appraisal.decision.${current.decision}`)}
          </Badge>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {current.reason}
          </Text>
          <Text size="xs" c="dimmed">
            {t('appraisal.decision.by', { name: current.decidedBy.name, date: format.dateTime(current.decidedAt) })} · {t('appraisal.decision.totalAtDecision', { total: score.total(current.totalAtDecision) })}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('appraisal.decision.none')}
        </Text>
      )}
      {appraisal.decisions.length > 1 ? (
        <Stack gap={2} mt="sm">
          <Text size="xs" fw={600}>
            {t('appraisal.decision.history')}
          </Text>
          {appraisal.decisions.slice(0, -1).reverse().map((earlier) => (
            <Text size="xs" c="dimmed" key={earlier.decidedAt}>
              {format.dateTime(earlier.decidedAt)} · {t(`appraisal.decision.${earlier.decision}`)} · {earlier.decidedBy.name}: {earlier.reason}
            </Text>
          ))}
        </Stack>
      ) : null}
      {appraisal.canEdit && !open ? (
        <Button mt="sm" variant="light" onClick={() => setOpen(true)}>
          {current ? t('appraisal.decision.change') : t('appraisal.decision.record')}
        </Button>
      ) : null}
      {appraisal.canEdit && open ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" mt="sm">
            <Radio.Group label={t('appraisal.decision.choose')} value={decision ?? ''} onChange={(value) => setDecision(value as Decision)} required error={errors.decision}>
              <Stack gap={6} mt={4}>
                {DECISIONS.map((value) => (
                  <Radio key={value} value={value} label={t(`appraisal.decision.${value}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea label={t('appraisal.decision.reason')} description={t('appraisal.decision.reasonHint')} required autosize minRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={errors.reason} />
            {record.error && Object.keys(errors).length === 0 ? <SaveError error={record.error} onReload={onReload} /> : null}
            <Group gap="xs">
              <Button type="submit" disabled={!decision || !reason.trim()} loading={record.isPending}>
                {t('appraisal.decision.record')}
              </Button>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('appraisal.common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Paper>
  );
}
