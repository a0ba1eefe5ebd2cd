import { Badge, Box, Group, Paper, ScrollArea, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMembers, usePlan, useRaciMatrix, useTimeline, type Member, type PlanTask, type PlanTree, type ProgrammeDetail, type Timeline } from '../../api/programmes';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { useProgrammeContext } from './programme-layout';
import { ActivityForm, DialogButton, MilestoneForm, TaskForm, WorkPackageForm } from './plan-editors';
import { DeletePlanItem } from './plan-delete';
import { Loading, shortName } from './shared';

type Me = ProgrammeDetail['me'];
type TreeProps = { programmeId: string; plan: PlanTree; members: Member[]; me: Me };

/** A member may change the progress of the tasks its organization is Responsible or Accountable for; managers change any. */
const mayEditTask = (me: Me, task: PlanTask) => me.canManage || (me.canContribute && ['R', 'A', 'AR'].includes(task.raci[me.organizationId] ?? ''));

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
          <PlanToolbar programmeId={programme.id} plan={plan.data} members={memberList} me={programme.me} />
          <PlanTreeView programmeId={programme.id} plan={plan.data} members={memberList} me={programme.me} />
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

function TaskLine({ task, ...props }: TreeProps & { task: PlanTask }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { members, me } = props;
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
        {mayEditTask(me, task) ? (
          <DialogButton label={t('programmes.common.edit')} ariaLabel={t('programmes.plan.editNamed', { name: task.title })} title={t('programmes.plan.editTask')}>
            {(close) => <TaskForm programmeId={props.programmeId} plan={props.plan} members={members} task={task} canManage={me.canManage} myOrganizationId={me.organizationId} onDone={close} />}
          </DialogButton>
        ) : null}
        {me.canManage ? <DeletePlanItem programmeId={props.programmeId} kind="tasks" id={task.id} name={task.title} /> : null}
      </Group>
      {task.deliverables.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t('programmes.plan.deliverables')}: {task.deliverables.join(' · ')}
        </Text>
      ) : null}
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

function PlanToolbar(props: TreeProps) {
  const { t } = useTranslation();
  const { me } = props;
  if (!me.canContribute) return null;
  return (
    <Group gap="xs">
      {me.canManage ? (
        <DialogButton label={t('programmes.plan.addWorkPackage')} title={t('programmes.plan.addWorkPackage')} variant="light">
          {(close) => <WorkPackageForm programmeId={props.programmeId} members={props.members} onDone={close} />}
        </DialogButton>
      ) : null}
      <DialogButton label={t('programmes.plan.addTask')} title={t('programmes.plan.addTask')} variant="light">
        {(close) => <TaskForm programmeId={props.programmeId} plan={props.plan} members={props.members} canManage={me.canManage} myOrganizationId={me.organizationId} onDone={close} />}
      </DialogButton>
      {me.canManage ? (
        <DialogButton label={t('programmes.plan.addMilestone')} title={t('programmes.plan.addMilestone')} variant="light">
          {(close) => <MilestoneForm programmeId={props.programmeId} plan={props.plan} onDone={close} />}
        </DialogButton>
      ) : null}
    </Group>
  );
}

function PlanTreeView(props: TreeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { plan, members, me, programmeId } = props;
  if (plan.workPackages.length === 0 && plan.unplacedTasks.length === 0) return <Text c="dimmed">{t('programmes.plan.empty')}</Text>;
  return (
    <Stack gap="sm">
      {plan.workPackages.map((workPackage) => (
        <Paper key={workPackage.id} withBorder p="md" component="section">
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              {[workPackage.code, workPackage.title].filter(Boolean).join(' ')}
            </Title>
            {me.canManage ? (
              <Group gap={4}>
                <DialogButton label={t('programmes.plan.addActivity')} title={t('programmes.plan.addActivity')}>
                  {(close) => <ActivityForm programmeId={programmeId} plan={plan} workPackageId={workPackage.id} onDone={close} />}
                </DialogButton>
                <DialogButton label={t('programmes.common.edit')} ariaLabel={t('programmes.plan.editNamed', { name: workPackage.title })} title={t('programmes.plan.editWorkPackage')}>
                  {(close) => <WorkPackageForm programmeId={programmeId} members={members} workPackage={workPackage} onDone={close} />}
                </DialogButton>
                <DeletePlanItem programmeId={programmeId} kind="work-packages" id={workPackage.id} name={workPackage.title} />
              </Group>
            ) : null}
          </Group>
          {workPackage.leadOrganizationId ? (
            <Text size="xs" c="dimmed">
              {t('programmes.plan.wpLead', { organization: shortName(members, workPackage.leadOrganizationId) })}
            </Text>
          ) : null}
          {workPackage.activities.map((activity) => (
            <Box key={activity.id} mt="sm" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
              <Group gap="xs" wrap="wrap">
                <Title order={3} size="h6">
                  {[activity.code, activity.title].filter(Boolean).join(' ')}
                </Title>
                {me.canContribute ? (
                  <DialogButton label={t('programmes.plan.addTaskHere')} ariaLabel={t('programmes.plan.addTaskTo', { name: activity.title })} title={t('programmes.plan.addTask')}>
                    {(close) => <TaskForm programmeId={programmeId} plan={plan} members={members} canManage={me.canManage} myOrganizationId={me.organizationId} defaultActivityId={activity.id} onDone={close} />}
                  </DialogButton>
                ) : null}
                {me.canManage ? (
                  <>
                    <DialogButton label={t('programmes.common.edit')} ariaLabel={t('programmes.plan.editNamed', { name: activity.title })} title={t('programmes.plan.editActivity')}>
                      {(close) => <ActivityForm programmeId={programmeId} plan={plan} workPackageId={workPackage.id} activity={activity} onDone={close} />}
                    </DialogButton>
                    <DeletePlanItem programmeId={programmeId} kind="activities" id={activity.id} name={activity.title} />
                  </>
                ) : null}
              </Group>
              <ul style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
                {activity.tasks.map((task) => (
                  <TaskLine key={task.id} task={task} {...props} />
                ))}
              </ul>
            </Box>
          ))}
          {plan.milestones.filter((milestone) => milestone.workPackageId === workPackage.id).map((milestone) => (
            <MilestoneLine key={milestone.id} milestone={milestone} {...props} />
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
              <TaskLine key={task.id} task={task} {...props} />
            ))}
          </ul>
        </Paper>
      ) : null}
      {plan.milestones.some((milestone) => milestone.workPackageId === null) ? (
        <Paper withBorder p="md" component="section">
          <Title order={2} size="h4">
            {t('programmes.plan.milestones')}
          </Title>
          {plan.milestones.filter((milestone) => milestone.workPackageId === null).map((milestone) => (
            <MilestoneLine key={milestone.id} milestone={milestone} {...props} />
          ))}
        </Paper>
      ) : null}
    </Stack>
  );
}

function MilestoneLine({ milestone, ...props }: TreeProps & { milestone: PlanTree['milestones'][number] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group gap="xs" mt="xs" wrap="wrap">
      <Text size="sm">
        ◆ {milestone.title} — {format.date(milestone.dueDate)}
        {milestone.achievedOn ? ` · ${t('programmes.plan.achieved', { date: format.date(milestone.achievedOn) })}` : ''}
      </Text>
      {props.me.canManage ? (
        <>
          <DialogButton label={t('programmes.common.edit')} ariaLabel={t('programmes.plan.editNamed', { name: milestone.title })} title={t('programmes.plan.editMilestone')}>
            {(close) => <MilestoneForm programmeId={props.programmeId} plan={props.plan} milestone={milestone} onDone={close} />}
          </DialogButton>
          <DeletePlanItem programmeId={props.programmeId} kind="milestones" id={milestone.id} name={milestone.title} />
        </>
      ) : null}
    </Group>
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
