import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAppraisals } from '../../api/appraisal';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { DECISION_COLORS, Loading, SectionNav, useScoreText } from './shared';

/** The organization's appraisals of candidate partners, and those shared with it. */
export function AppraisalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('appraisal.list.title'));
  const [scope, setScope] = useState<'mine' | 'about-us'>('mine');
  const appraisals = useAppraisals({ scope });
  const format = useFormat();
  const score = useScoreText();
  const items = appraisals.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md" maw={1200}>
      <SectionNav />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('appraisal.list.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('appraisal.list.intro')}
          </Text>
        </div>
        <Button component={Link} to="/appraisals/new">
          {t('appraisal.list.new')}
        </Button>
      </Group>
      <SegmentedControl
        value={scope}
        onChange={(value) => setScope(value as 'mine' | 'about-us')}
        data={[
          { value: 'mine', label: t('appraisal.list.mine') },
          { value: 'about-us', label: t('appraisal.list.aboutUs') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {appraisals.isPending ? (
        <Loading />
      ) : appraisals.isError ? (
        <ErrorAlert error={appraisals.error} onRetry={() => void appraisals.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed">{t('appraisal.list.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder style={{ overflowX: 'auto' }}>
          <Table striped highlightOnHover verticalSpacing="sm" miw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('appraisal.list.columns.candidate')}</Table.Th>
                <Table.Th scope="col">{t('appraisal.list.columns.programme')}</Table.Th>
                <Table.Th scope="col">{t('appraisal.list.columns.total')}</Table.Th>
                <Table.Th scope="col">{t('appraisal.list.columns.completeness')}</Table.Th>
                <Table.Th scope="col">{t('appraisal.list.columns.decision')}</Table.Th>
                <Table.Th scope="col">{scope === 'mine' ? t('appraisal.list.columns.date') : t('appraisal.list.columns.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row" fw={400}>
                    <Text component={Link} to={`/appraisals/${item.id}`} fw={600} size="sm" c="teal.8">
                      {item.candidate.name}
                    </Text>
                    {item.shared ? (
                      <Badge ml="xs" size="xs" variant="light">
                        {t('appraisal.common.sharedBadge')}
                      </Badge>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{item.programme?.title ?? t('appraisal.common.noProgramme')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{score.total(item.total)}</Table.Td>
                  <Table.Td>{score.percent(item.completeness)}</Table.Td>
                  <Table.Td>
                    {item.decision ? (
                      <Badge color={DECISION_COLORS[item.decision.decision]} variant="light" miw="max-content">
                        {t(`appraisal.decision.${item.decision.decision}`)}
                      </Badge>
                    ) : (
                      t('appraisal.common.notYet')
                    )}
                  </Table.Td>
                  <Table.Td>{scope === 'mine' ? format.date(item.createdAt) : item.organization.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {appraisals.hasNextPage ? (
        <Button variant="default" onClick={() => void appraisals.fetchNextPage()} loading={appraisals.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
