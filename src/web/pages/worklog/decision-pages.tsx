import { Badge, Button, Card, Group, Paper, Radio, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, apiRequest, fieldErrorsOf } from '../../api/client';
import { DECISION_TOPICS, LEVELS, useDecision, useDecisions, useLogMutation, type Decision, type DecisionTopic } from '../../api/worklog';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { LoadingBlock, useLog } from './log-layout';

/** The words of an involvement level, or "not recorded". */
function useLevelLabel() {
  const { t } = useTranslation();
  return (level: number | null) => (level === null ? t('worklog.level.none') : t(`worklog.level.${level as 0}`));
}

/** Every decision, newest first, with its involvement at a glance. */
export function DecisionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('worklog.decision.listTitle'));
  const format = useFormat();
  const log = useLog();
  const decisions = useDecisions(log.programmeId);
  if (decisions.isPending) return <LoadingBlock />;
  if (decisions.isError) return <ErrorAlert error={decisions.error} onRetry={() => void decisions.refetch()} />;
  const items = decisions.data.pages.flatMap((page) => page.items);
  return (
    <Stack gap="xs">
      {items.length === 0 ? <Text c="dimmed">{t('worklog.decision.empty')}</Text> : null}
      {items.map((decision) => (
        <Card key={decision.id} withBorder padding="sm">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2}>
              <Text component={Link} to={`/programmes/${log.programmeId}/log/decisions/${decision.id}`} fw={600} td="underline">
                {decision.title}
              </Text>
              <Group gap="xs">
                {decision.topic ? <Badge variant="light" size="sm">{t(`worklog.topic.${decision.topic as DecisionTopic}`, { defaultValue: decision.topic })}</Badge> : null}
                <Badge variant="outline" size="sm">{decision.scope === 'local' ? decision.locality : t('worklog.decision.scopeProgramme')}</Badge>
                {decision.contests.some((contest) => !contest.withdrawnAt) ? <Badge color="red" variant="light" size="sm">{t('worklog.decision.contests')}</Badge> : null}
              </Group>
              <Text size="xs" c="dimmed">
                {decision.involvement.filter((cell) => cell.level !== null).map((cell) => `${log.orgName(cell.organizationId)} ${cell.level}`).join(' · ')}
              </Text>
            </Stack>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{format.date(decision.date)}</Text>
          </Group>
        </Card>
      ))}
      {decisions.hasNextPage ? <Button variant="light" w="fit-content" onClick={() => void decisions.fetchNextPage()}>{t('worklog.actions.loadMore')}</Button> : null}
    </Stack>
  );
}

/** Records a new decision, or edits one (route with :decisionId). */
export function DecisionFormPage() {
  const { decisionId } = useParams();
  const log = useLog();
  const existing = useDecision(log.programmeId, decisionId);
  if (decisionId && existing.isPending) return <LoadingBlock />;
  if (decisionId && existing.isError) return <ErrorAlert error={existing.error} />;
  return <DecisionForm decision={existing.data} />;
}

function DecisionForm({ decision }: { decision: Decision | undefined }) {
  const { t } = useTranslation();
  usePageTitle(t(decision ? 'worklog.decision.editTitle' : 'worklog.decision.newTitle'));
  const log = useLog();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [title, setTitle] = useState(decision?.title ?? '');
  const [description, setDescription] = useState(decision?.description ?? '');
  const [date, setDate] = useState(decision?.date ?? new Date().toISOString().slice(0, 10));
  const [scope, setScope] = useState<'programme' | 'local'>(decision?.scope ?? 'programme');
  const [locality, setLocality] = useState<string | null>(decision?.locality ?? null);
  const [topic, setTopic] = useState<string>(decision?.topic ?? 'plan');
  const meetingId = decision?.meetingId ?? search.get('meeting');
  const [levels, setLevels] = useState<Record<string, string>>(() =>
    Object.fromEntries((decision?.involvement ?? []).filter((cell) => cell.level !== null).map((cell) => [cell.organizationId, String(cell.level)])),
  );
  const save = useLogMutation(log.programmeId, (base, body: Record<string, unknown>) =>
    decision ? api.patch<Decision>(`${base}/decisions/${decision.id}`, { ...body, version: decision.version }) : api.post<Decision>(`${base}/decisions`, body),
  );
  const errors = fieldErrorsOf(save.error);
  const members = log.organizations.filter((organization) => !organization.left || levels[organization.id] !== undefined);
  const involvement = Object.entries(levels).filter(([, level]) => level !== '').map(([organizationId, level]) => ({ organizationId, level: Number(level) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { title: title.trim(), description: description || null, date, scope, locality: scope === 'local' ? locality : null, topic, meetingId: meetingId ?? null, involvement },
      { onSuccess: (saved) => navigate(`/programmes/${log.programmeId}/log/decisions/${saved.id}`) },
    );
  };
  const gridError = Object.entries(errors).find(([field]) => field.startsWith('involvement'))?.[1];

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2}>{t(decision ? 'worklog.decision.editTitle' : 'worklog.decision.newTitle')}</Title>
        {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <TextInput required label={t('worklog.decision.name')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.title} />
        <Textarea label={t('worklog.decision.description')} value={description} onChange={(event) => setDescription(event.currentTarget.value)} autosize minRows={2} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" required label={t('worklog.decision.date')} value={date} onChange={(event) => setDate(event.currentTarget.value)} error={errors.date} min={log.programme.startDate ?? undefined} max={log.programme.endDate ?? undefined} />
          <Select label={t('worklog.decision.topic')} data={DECISION_TOPICS.map((value) => ({ value, label: t(`worklog.topic.${value}`) }))} value={topic} onChange={(value) => value && setTopic(value)} allowDeselect={false} error={errors.topic} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="decision-scope">{t('worklog.decision.scope')}</Text>
            <SegmentedControl aria-labelledby="decision-scope" value={scope} onChange={(value) => setScope(value as 'programme' | 'local')} data={[{ value: 'programme', label: t('worklog.decision.scopeProgramme') }, { value: 'local', label: t('worklog.decision.scopeLocal') }]} />
          </Stack>
        </SimpleGrid>
        {scope === 'local' ? (
          <Select label={t('worklog.decision.locality')} data={log.programme.localities} value={locality} onChange={setLocality} searchable required error={errors.locality} />
        ) : null}
        <Stack gap={4}>
          <Text fw={600}>{t('worklog.decision.grid')}</Text>
          <Text size="xs" c="dimmed">{t('worklog.decision.gridHelp')}</Text>
          {gridError ? <Text c="red" size="sm" role="alert">{gridError}</Text> : null}
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('worklog.decision.organization')}</Table.Th>
                  {LEVELS.map((level) => <Table.Th key={level} scope="col" ta="center">{t(`worklog.level.${level}`)}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((organization) => (
                    <Table.Tr key={organization.id}>
                      <Table.Th scope="row" fw={500}>
                        <Group gap={4} wrap="nowrap">
                          <span>{organization.acronym ?? organization.name}</span>
                          {levels[organization.id] !== undefined && levels[organization.id] !== '' ? (
                            <Button size="compact-xs" variant="subtle" onClick={() => setLevels((current) => { const next = { ...current }; delete next[organization.id]; return next; })}>
                              {t('worklog.actions.remove')}
                            </Button>
                          ) : null}
                        </Group>
                      </Table.Th>
                      {LEVELS.map((level) => (
                        <Table.Td key={level} ta="center">
                          <Radio
                            name={`level-${organization.id}`}
                            value={String(level)}
                            checked={levels[organization.id] === String(level)}
                            onChange={() => setLevels((current) => ({ ...current, [organization.id]: String(level) }))}
                            aria-label={`${organization.acronym ?? organization.name}: ${t(`worklog.level.${level}`)}`}
                            style={{ display: 'inline-block' }}
                          />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
        <Group>
          <Button type="submit" loading={save.isPending}>{t('worklog.actions.save')}</Button>
          <Button variant="default" onClick={() => navigate(-1)}>{t('worklog.actions.cancel')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A decision: the grid of recorded and wanted involvement, contests, and my organization's own entries. */
export function DecisionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { decisionId } = useParams();
  const log = useLog();
  const levelLabel = useLevelLabel();
  const decision = useDecision(log.programmeId, decisionId);
  usePageTitle(decision.data?.title ?? t('worklog.decision.listTitle'));
  const desired = useLogMutation(log.programmeId, (base, level: number | null) => apiRequest<Decision>(`${base}/decisions/${decisionId}/desired`, { method: 'PUT', body: { level } }));
  const contest = useLogMutation(log.programmeId, (base, body: { comment: string; claimedLevel: number | null }) => api.post<Decision>(`${base}/decisions/${decisionId}/contests`, body));
  const withdraw = useLogMutation(log.programmeId, (base, contestId: string) => api.post<Decision>(`${base}/decisions/${decisionId}/contests/${contestId}/withdraw`));
  const [comment, setComment] = useState('');
  const [claimed, setClaimed] = useState<string | null>(null);
  if (decision.isPending) return <LoadingBlock />;
  if (decision.isError) return <ErrorAlert error={decision.error} onRetry={() => void decision.refetch()} />;
  const data = decision.data;
  const mine = data.involvement.find((cell) => cell.organizationId === log.me.organizationId);
  const rows = log.organizations.filter((organization) => data.involvement.some((cell) => cell.organizationId === organization.id));
  const levelOptions = LEVELS.map((level) => ({ value: String(level), label: t(`worklog.level.${level}`) }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            {data.topic ? <Badge variant="light">{t(`worklog.topic.${data.topic as DecisionTopic}`, { defaultValue: data.topic })}</Badge> : null}
            <Badge variant="outline">{data.scope === 'local' ? data.locality : t('worklog.decision.scopeProgramme')}</Badge>
            <Text size="sm" c="dimmed">{format.date(data.date)}</Text>
          </Group>
          <Title order={2}>{data.title}</Title>
          <Text size="sm" c="dimmed">
            {data.recordedByOrganizationId ? t('worklog.decision.recordedBy', { organization: log.orgName(data.recordedByOrganizationId) }) : t('worklog.decision.imported')}
            {data.meetingId ? (
              <>
                {' · '}
                <Link to={`/programmes/${log.programmeId}/log/meetings/${data.meetingId}`}>{t('worklog.meeting.title')}</Link>
              </>
            ) : null}
          </Text>
          {data.description ? <Text mt="xs">{data.description}</Text> : null}
        </div>
        {data.canEdit ? <Button component={Link} to={`/programmes/${log.programmeId}/log/decisions/${data.id}/edit`} variant="light">{t('worklog.actions.edit')}</Button> : null}
      </Group>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">{t('worklog.decision.grid')}</Title>
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('worklog.decision.organization')}</Table.Th>
                <Table.Th scope="col">{t('worklog.decision.recorded')}</Table.Th>
                <Table.Th scope="col">{t('worklog.decision.desired')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((organization) => {
                const cell = data.involvement.find((entry) => entry.organizationId === organization.id)!;
                const gap = cell.level !== null && cell.desired !== null && cell.desired > cell.level;
                return (
                  <Table.Tr key={organization.id}>
                    <Table.Th scope="row" fw={500}>{organization.acronym ?? organization.name}</Table.Th>
                    <Table.Td>{levelLabel(cell.level)}</Table.Td>
                    <Table.Td c={gap ? 'red' : undefined}>{cell.desired === null ? '' : levelLabel(cell.desired)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">{t('worklog.decision.contests')}</Title>
        {data.contests.length === 0 ? <Text c="dimmed">{t('worklog.decision.noContests')}</Text> : null}
        <Stack gap="xs">
          {data.contests.map((entry) => (
            <Card key={entry.id} withBorder padding="xs" opacity={entry.withdrawnAt ? 0.6 : 1}>
              <Text size="sm" fw={500}>
                {t('worklog.decision.contestLine', { organization: log.orgName(entry.organizationId), level: entry.contestedLevel ?? '-', date: format.date(entry.createdAt) })}
                {entry.claimedLevel !== null ? ` → ${levelLabel(entry.claimedLevel)}` : ''}
                {entry.withdrawnAt ? ` (${t('worklog.decision.withdrawn', { date: format.date(entry.withdrawnAt) })})` : ''}
              </Text>
              <Text size="sm">{entry.comment}</Text>
              {!entry.withdrawnAt && entry.organizationId === log.me.organizationId && log.me.isMember ? (
                <Button size="compact-xs" variant="subtle" w="fit-content" onClick={() => withdraw.mutate(entry.id)}>{t('worklog.decision.withdraw')}</Button>
              ) : null}
            </Card>
          ))}
        </Stack>
      </Paper>
      {log.me.isMember ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group align="flex-end">
              <Select label={t('worklog.decision.myDesired')} data={levelOptions} value={mine?.desired === null || mine === undefined ? null : String(mine.desired)} onChange={(value) => desired.mutate(value === null ? null : Number(value))} clearable w={260} />
            </Group>
            {desired.isError ? <ErrorAlert error={desired.error} /> : null}
            <form onSubmit={(event) => { event.preventDefault(); if (comment.trim()) contest.mutate({ comment: comment.trim(), claimedLevel: claimed === null ? null : Number(claimed) }, { onSuccess: () => { setComment(''); setClaimed(null); } }); }}>
              <Stack gap="xs">
                <Text fw={600}>{t('worklog.decision.contest')} ({levelLabel(mine?.level ?? null)})</Text>
                <Textarea label={t('worklog.decision.contestComment')} value={comment} onChange={(event) => setComment(event.currentTarget.value)} required autosize minRows={2} />
                <Select label={t('worklog.decision.claimedLevel')} data={levelOptions} value={claimed} onChange={setClaimed} clearable w={260} />
                {contest.isError ? <ErrorAlert error={contest.error} /> : null}
                <Button type="submit" variant="light" color="red" w="fit-content" loading={contest.isPending}>{t('worklog.decision.sendContest')}</Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
