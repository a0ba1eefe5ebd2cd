import { Badge, Box, Button, Group, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useMembers, usePlan, useProgrammeMutation, useRaciMatrix, useTimeline, type Member, type PlanTask, type PlanTree, type Raci, type Timeline } from '../../api/programmes';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { useProgrammeContext } from './programme-layout';
import { Loading, shortName } from './shared';

const RACI_VALUES: Raci[] = ['A', 'AR', 'R', 'C', 'I'];

/** The action plan: a tree of work packages, activities and tasks; a timeline; the RACI matrix. */
export function PlanPage() {
  const { t } = useTranslation();
  const programme = useProgrammeContext();
  usePageTitle(t('programmes.tabs.plan'));
  const plan = usePlan(programme.id);
  const members = useMembers(programme.id);

  if (plan.isPending || members.isPending) return <Loading />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const memberList = members.data?.items ?? [];

  return (
    <Tabs defaultValue="tree">
      <Tabs.List aria-label={t('programmes.plan.views')}>
        <Tabs.Tab value="tree">{t('programmes.plan.tree')}</Tabs.Tab>
        <Tabs.Tab value="timeline">{t('programmes.plan.timeline')}</Tabs.Tab>
        <Tabs.Tab value="raci">{t('programmes.plan.raci')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="tree" pt="md">
        <Stack gap="md">
          <PlanTreeView plan={plan.data} members={memberList} />
          {programme.me.canContribute ? <AddTaskForm programmeId={programme.id} plan={plan.data} members={memberList} canManage={programme.me.canManage} myOrganizationId={programme.me.organizationId} /> : null}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="timeline" pt="md">
        <TimelineView programmeId={programme.id} members={memberList} />
      </Tabs.Panel>
      <Tabs.Panel value="raci" pt="md">
        <RaciMatrixView programmeId={programme.id} />
      </Tabs.Panel>
    </Tabs>
  );
}

function TaskLine({ task, members }: { task: PlanTask; members: Member[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Box component="li" py={4}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed">
          {task.ref}
        </Text>
        <Text size="sm" fw={500}>
          {task.title}
        </Text>
        {task.locality ? <Badge variant="outline" size="sm">{task.locality}</Badge> : null}
        <Badge size="sm" variant="light" color={task.status === 'done' ? 'teal' : 'gray'}>
          {t(`programmes.plan.status.${task.status}`)}
        </Badge>
        {task.startDate || task.endDate ? (
          <Text size="xs" c="dimmed">
            {format.date(task.startDate)} – {format.date(task.endDate)}
          </Text>
        ) : null}
      </Group>
      <Group gap={4} mt={2}>
        {Object.entries(task.raci).map(([organizationId, letters]) => (
          <Badge key={organizationId} size="xs" variant={letters.includes('A') ? 'filled' : 'light'}>
            {shortName(members, organizationId)}: {letters}
          </Badge>
        ))}
      </Group>
    </Box>
  );
}

function PlanTreeView({ plan, members }: { plan: PlanTree; members: Member[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (plan.workPackages.length === 0 && plan.unplacedTasks.length === 0) return <Text c="dimmed">{t('programmes.plan.empty')}</Text>;
  return (
    <Stack gap="sm">
      {plan.workPackages.map((workPackage) => (
        <Paper key={workPackage.id} withBorder p="md" component="section">
          <Title order={2} size="h4">
            {[workPackage.code, workPackage.title].filter(Boolean).join(' ')}
          </Title>
          {workPackage.leadOrganizationId ? (
            <Text size="xs" c="dimmed">
              {t('programmes.plan.wpLead', { organization: shortName(members, workPackage.leadOrganizationId) })}
            </Text>
          ) : null}
          {workPackage.activities.map((activity) => (
            <Box key={activity.id} mt="sm" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
              <Title order={3} size="h6">
                {[activity.code, activity.title].filter(Boolean).join(' ')}
              </Title>
              <ul style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
                {activity.tasks.map((task) => (
                  <TaskLine key={task.id} task={task} members={members} />
                ))}
              </ul>
            </Box>
          ))}
          {plan.milestones.filter((milestone) => milestone.workPackageId === workPackage.id).map((milestone) => (
            <Text key={milestone.id} size="sm" mt="xs">
              ◆ {milestone.title} — {format.date(milestone.dueDate)}
            </Text>
          ))}
        </Paper>
      ))}
      {plan.unplacedTasks.length > 0 ? (
        <Paper withBorder p="md" component="section">
          <Title order={2} size="h4">
            {t('programmes.plan.unplaced')}
          </Title>
          <ul style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
            {plan.unplacedTasks.map((task) => (
              <TaskLine key={task.id} task={task} members={members} />
            ))}
          </ul>
        </Paper>
      ) : null}
    </Stack>
  );
}

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

function TimelineView({ programmeId, members }: { programmeId: string; members: Member[] }) {
  const { t } = useTranslation();
  const timeline = useTimeline(programmeId);
  if (timeline.isPending) return <Loading />;
  if (timeline.isError) return <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;
  return <Gantt timeline={timeline.data} members={members} emptyText={t('programmes.plan.noDates')} />;
}

/** A simple Gantt chart: one bar per dated row, positioned on the programme's span; a table for screen readers. */
function Gantt({ timeline, members, emptyText }: { timeline: Timeline; members: Member[]; emptyText: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!timeline.start || !timeline.end) return <Text c="dimmed">{emptyText}</Text>;
  const from = dayOf(timeline.start);
  const span = Math.max(1, dayOf(timeline.end) - from);
  const colors = { 'work-package': 'var(--mantine-color-teal-7)', activity: 'var(--mantine-color-teal-4)', task: 'var(--mantine-color-blue-4)', milestone: 'var(--mantine-color-orange-6)' } as const;
  return (
    <ScrollArea>
      <Table miw={720} verticalSpacing={4} aria-label={t('programmes.plan.timeline')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="35%">
              {t('programmes.plan.item')}
            </Table.Th>
            <Table.Th scope="col">
              {format.date(timeline.start)} – {format.date(timeline.end)}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {timeline.rows.map((row) => {
            const start = row.start ? Math.max(0, (dayOf(row.start) - from) / span) : null;
            const end = row.end ? Math.min(1, (dayOf(row.end) - from) / span) : null;
            const indent = row.kind === 'work-package' ? 0 : row.kind === 'activity' ? 1 : 2;
            return (
              <Table.Tr key={`${row.kind}-${row.id}`}>
                <Table.Th scope="row" fw={row.kind === 'work-package' ? 700 : 400} style={{ paddingLeft: 8 + indent * 14 }}>
                  <Text size="sm" span>
                    {row.kind === 'milestone' ? '◆ ' : ''}
                    {row.title}
                  </Text>
                  {row.accountableOrganizationId && row.kind === 'task' ? (
                    <Text size="xs" c="dimmed" span>
                      {' '}
                      · {shortName(members, row.accountableOrganizationId)}
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td>
                  {start !== null && end !== null ? (
                    <Box pos="relative" h={14} aria-label={`${format.date(row.start)} – ${format.date(row.end)}`} role="img">
                      <Box
                        pos="absolute"
                        top={row.kind === 'milestone' ? 0 : 2}
                        h={row.kind === 'milestone' ? 14 : 10}
                        style={{ left: `${start * 100}%`, width: row.kind === 'milestone' ? 14 : `${Math.max(0.5, (end - start) * 100)}%`, background: colors[row.kind], borderRadius: row.kind === 'milestone' ? 2 : 4, transform: row.kind === 'milestone' ? 'rotate(45deg) scale(0.7)' : undefined }}
                      />
                    </Box>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('programmes.plan.undated')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function RaciMatrixView({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const matrix = useRaciMatrix(programmeId);
  if (matrix.isPending) return <Loading />;
  if (matrix.isError) return <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} />;
  const { organizations, tasks } = matrix.data;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('programmes.plan.raciLegend')}
      </Text>
      <Table.ScrollContainer minWidth={240 + organizations.length * 80}>
        <Table striped withColumnBorders verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('programmes.plan.task')}</Table.Th>
              {organizations.map((organization) => (
                <Table.Th key={organization.id} scope="col" ta="center">
                  {organization.acronym ?? organization.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Th scope="row" fw={400}>
                  <Text size="sm">
                    {task.ref} {task.title}
                  </Text>
                </Table.Th>
                {organizations.map((organization) => (
                  <Table.Td key={organization.id} ta="center" fw={task.raci[organization.id]?.includes('A') ? 700 : 400}>
                    {task.raci[organization.id] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('programmes.plan.counts')}</Table.Th>
              {organizations.map((organization) => (
                <Table.Td key={organization.id} ta="center">
                  <Text size="xs">
                    A {organization.counts.A} · R {organization.counts.R}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function AddTaskForm({ programmeId, plan, members, canManage, myOrganizationId }: { programmeId: string; plan: PlanTree; members: Member[]; canManage: boolean; myOrganizationId: string }) {
  const { t } = useTranslation();
  const active = members.filter((member) => member.active);
  const [values, setValues] = useState({ title: '', locality: '', startDate: '', endDate: '', activityId: '' });
  const [raci, setRaci] = useState<Record<string, Raci>>(canManage ? {} : { [myOrganizationId]: 'AR' });
  const add = useProgrammeMutation(programmeId, () =>
    api.post(`/api/programmes/${programmeId}/tasks`, {
      title: values.title,
      locality: values.locality || null,
      startDate: values.startDate || null,
      endDate: values.endDate || null,
      activityId: values.activityId || null,
      raci,
    }),
  );
  const activities = plan.workPackages.flatMap((workPackage) => workPackage.activities.map((activity) => ({ value: activity.id, label: `${workPackage.code ?? workPackage.title} › ${[activity.code, activity.title].filter(Boolean).join(' ')}` })));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(undefined, { onSuccess: () => setValues({ ...values, title: '' }) });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Title order={2} size="h4" mb="xs">
        {t('programmes.plan.addTask')}
      </Title>
      {!canManage ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t('programmes.plan.addTaskMember')}
        </Text>
      ) : null}
      <Stack gap="sm">
        <TextInput label={t('programmes.plan.taskTitle')} required value={values.title} onChange={(event) => setValues({ ...values, title: event.currentTarget.value })} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Select label={t('programmes.plan.activity')} data={activities} value={values.activityId || null} onChange={(value) => setValues({ ...values, activityId: value ?? '' })} clearable />
          <TextInput label={t('programmes.plan.locality')} value={values.locality} onChange={(event) => setValues({ ...values, locality: event.currentTarget.value })} />
          <TextInput type="date" label={t('programmes.fields.startDate')} value={values.startDate} onChange={(event) => setValues({ ...values, startDate: event.currentTarget.value })} />
          <TextInput type="date" label={t('programmes.fields.endDate')} value={values.endDate} onChange={(event) => setValues({ ...values, endDate: event.currentTarget.value })} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
          {active.map((member) => (
            <Select
              key={member.id}
              label={member.organization.acronym ?? member.organization.name}
              data={RACI_VALUES.map((value) => ({ value, label: t(`programmes.plan.raciValue.${value}`) }))}
              value={raci[member.organization.id] ?? null}
              clearable
              onChange={(value) => {
                const next = { ...raci };
                if (value) next[member.organization.id] = value as Raci;
                else delete next[member.organization.id];
                setRaci(next);
              }}
            />
          ))}
        </SimpleGrid>
        <Button type="submit" loading={add.isPending} disabled={!values.title} style={{ alignSelf: 'flex-start' }}>
          {t('programmes.plan.add')}
        </Button>
        {add.error ? <ErrorAlert error={add.error} title={t('errors.generic')} /> : null}
      </Stack>
    </Paper>
  );
}
