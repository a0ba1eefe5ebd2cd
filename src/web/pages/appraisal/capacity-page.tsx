import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAssessments } from '../../api/appraisal';
import { useCurrentUser } from '../../components/current-user';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { Loading, SectionNav, useScoreText } from './shared';

/** Capacity assessments made by the organization, and those shared with it. */
export function CapacityPage() {
  const { t } = useTranslation();
  usePageTitle(t('appraisal.capacity.title'));
  const me = useCurrentUser();
  const format = useFormat();
  const score = useScoreText();
  const [scope, setScope] = useState<'mine' | 'about-us'>('mine');
  const assessments = useAssessments({ scope });
  const items = assessments.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md" maw={1100}>
      <SectionNav />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('appraisal.capacity.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('appraisal.capacity.intro')}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" component={Link} to={`/appraisals/capacity/trend/${me.organization.id}`}>
            {t('appraisal.capacity.trend')}
          </Button>
          <Button component={Link} to="/appraisals/capacity/new">
            {t('appraisal.capacity.new')}
          </Button>
        </Group>
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
      {assessments.isPending ? (
        <Loading />
      ) : assessments.isError ? (
        <ErrorAlert error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed">{t('appraisal.capacity.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder style={{ overflowX: 'auto' }}>
          <Table striped highlightOnHover verticalSpacing="sm" miw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('appraisal.capacity.columns.assessed')}</Table.Th>
                <Table.Th scope="col">{t('appraisal.capacity.columns.by')}</Table.Th>
                <Table.Th scope="col">{t('appraisal.capacity.columns.date')}</Table.Th>
                <Table.Th scope="col">{t('appraisal.capacity.columns.overall')}</Table.Th>
                <Table.Th scope="col">{t('appraisal.capacity.trend')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row" fw={400}>
                    <Text component={Link} to={`/appraisals/capacity/${item.id}`} fw={600} size="sm" c="teal.8">
                      {item.assessedOrganization.name}
                    </Text>
                    {item.shared ? (
                      <Badge ml="xs" size="xs" variant="light">
                        {t('appraisal.common.sharedBadge')}
                      </Badge>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{item.kind === 'self' ? t('appraisal.capacity.self') : item.organization.name}</Table.Td>
                  <Table.Td>{format.date(item.assessedOn)}</Table.Td>
                  <Table.Td>{score.plain(item.overall)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/appraisals/capacity/trend/${item.assessedOrganization.id}`} size="sm">
                      {t('appraisal.capacity.trend')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {assessments.hasNextPage ? (
        <Button variant="default" onClick={() => void assessments.fetchNextPage()} loading={assessments.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
