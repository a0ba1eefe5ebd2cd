import { Alert, Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useComparison, type Comparison } from '../../api/appraisal';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { DECISION_COLORS, Loading, ProgrammePicker, SectionNav, useLocalized, useScoreText } from './shared';

/** The organization's appraisals of candidates for one programme, side by side. */
export function ComparePage() {
  const { t } = useTranslation();
  usePageTitle(t('appraisal.compare.title'));
  const [params, setParams] = useSearchParams();
  const programmeId = params.get('programmeId');
  const comparison = useComparison(programmeId);

  return (
    <Stack gap="md" maw={1400}>
      <SectionNav />
      <div>
        <Title order={1}>{t('appraisal.compare.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('appraisal.compare.intro')}
        </Text>
      </div>
      <ProgrammePicker
        label={t('appraisal.compare.chooseProgramme')}
        placeholder={t('appraisal.compare.choosePlaceholder')}
        clearable={false}
        value={programmeId}
        onChange={(id) => setParams(id ? { programmeId: id } : {})}
      />
      {!programmeId ? null : comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <ErrorAlert error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : comparison.data.candidates.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed">{t('appraisal.compare.empty')}</Text>
        </Paper>
      ) : (
        <ComparisonTable comparison={comparison.data} />
      )}
    </Stack>
  );
}

function ComparisonTable({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const score = useScoreText();
  const { candidates } = comparison;
  return (
    <>
      {!comparison.sameTemplate ? <Alert color="orange">{t('appraisal.compare.differentTemplates')}</Alert> : null}
      <Paper withBorder style={{ overflowX: 'auto' }}>
        <Table withColumnBorders verticalSpacing="xs" miw={320 + candidates.length * 160} stickyHeader>
          <Table.Caption>{t('appraisal.formula')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('appraisal.compare.criterion')}</Table.Th>
              <Table.Th scope="col">{t('appraisal.compare.weight')}</Table.Th>
              {candidates.map((candidate) => (
                <Table.Th scope="col" key={candidate.appraisalId}>
                  <Anchor component={Link} to={`/appraisals/${candidate.appraisalId}`}>
                    {candidate.candidate.name}
                  </Anchor>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row" colSpan={2}>
                {t('appraisal.common.total')}
              </Table.Th>
              {candidates.map((candidate) => (
                <Table.Td key={candidate.appraisalId}>
                  <Text fw={700}>{score.total(candidate.total)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('appraisal.common.completeness')}: {score.percent(candidate.completeness)}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row" colSpan={2}>
                {t('appraisal.decision.title')}
              </Table.Th>
              {candidates.map((candidate) => (
                <Table.Td key={candidate.appraisalId}>
                  {candidate.decision ? (
                    <Badge color={DECISION_COLORS[candidate.decision.decision]} variant="light">
                      {t(`appraisal.decision.${candidate.decision.decision}`)}
                    </Badge>
                  ) : (
                    t('appraisal.common.notYet')
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
            {comparison.groups.map((group) => [
              <Table.Tr key={group.key} bg="gray.0">
                <Table.Th scope="rowgroup" colSpan={2}>
                  {localized(group.title)}
                </Table.Th>
                {candidates.map((candidate) => (
                  <Table.Td key={candidate.appraisalId} fw={600}>
                    {score.total(candidate.groups.find((entry) => entry.key === group.key)?.total ?? null)}
                  </Table.Td>
                ))}
              </Table.Tr>,
              ...group.criteria.map((criterion) => (
                <Table.Tr key={criterion.key}>
                  <Table.Th scope="row" fw={400}>
                    {localized(criterion.title)}
                  </Table.Th>
                  <Table.Td>{criterion.weight}</Table.Td>
                  {candidates.map((candidate) => {
                    const value = candidate.scores[criterion.key];
                    return (
                      <Table.Td key={candidate.appraisalId}>
                        {value === undefined || value === null ? <Text c="dimmed" size="sm">{t('appraisal.common.noScore')}</Text> : `${value} / ${candidate.scale.max}`}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              )),
            ])}
            <Table.Tr>
              <Table.Th scope="row" colSpan={2}>
                {t('appraisal.form.strengths')}
              </Table.Th>
              {candidates.map((candidate) => (
                <Table.Td key={candidate.appraisalId} style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}>
                  {candidate.strengths}
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row" colSpan={2}>
                {t('appraisal.form.risks')}
              </Table.Th>
              {candidates.map((candidate) => (
                <Table.Td key={candidate.appraisalId} style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}>
                  {candidate.risks}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
