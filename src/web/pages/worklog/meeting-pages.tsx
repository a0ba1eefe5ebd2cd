import { ActionIcon, Badge, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title, Typography } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { Link, useNavigate, useParams } from 'react-router';
import { api, fieldErrorsOf } from '../../api/client';
import { ACTION_STATUSES, MEETING_KINDS, useLogMutation, useMeeting, type ActionStatus, type Meeting, type MeetingKind } from '../../api/worklog';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { LoadingBlock, organizationOptions, peopleOptions, useLog } from './log-layout';

/** Markdown shown as text: raw HTML in the source is not rendered, and links cannot run scripts. */
export function SafeMarkdown({ text }: { text: string }) {
  return (
    <Typography>
      <Markdown skipHtml urlTransform={(url) => (/^(https?:|mailto:|\/|#)/i.test(url) ? url : '')}>
        {text}
      </Markdown>
    </Typography>
  );
}

type ActionDraft = { description: string; ownerOrganizationId: string | null; ownerUserId: string | null; dueDate: string };

/** Records a new meeting, or edits one (route with :meetingId). */
export function MeetingFormPage() {
  const { meetingId } = useParams();
  const log = useLog();
  const existing = useMeeting(log.programmeId, meetingId);
  if (meetingId && existing.isPending) return <LoadingBlock />;
  if (meetingId && existing.isError) return <ErrorAlert error={existing.error} />;
  return <MeetingForm meeting={existing.data} />;
}

function MeetingForm({ meeting }: { meeting: Meeting | undefined }) {
  const { t } = useTranslation();
  usePageTitle(t(meeting ? 'worklog.meeting.editTitle' : 'worklog.meeting.newTitle'));
  const log = useLog();
  const navigate = useNavigate();
  const [date, setDate] = useState(meeting?.date ?? new Date().toISOString().slice(0, 10));
  const [kind, setKind] = useState<MeetingKind>(meeting?.kind ?? 'coordination');
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [chair, setChair] = useState<string | null>(meeting?.chairOrganizationId ?? (log.me.isMember ? log.me.organizationId : null));
  const [attendees, setAttendees] = useState<string[]>(meeting?.attendeeOrganizationIds ?? []);
  const [participants, setParticipants] = useState<string[]>(meeting?.participantUserIds ?? []);
  const [agenda, setAgenda] = useState(meeting?.agenda ?? '');
  const [minutes, setMinutes] = useState(meeting?.minutes ?? '');
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const save = useLogMutation(log.programmeId, (base, body: Record<string, unknown>) =>
    meeting ? api.patch<Meeting>(`${base}/meetings/${meeting.id}`, { ...body, version: meeting.version }) : api.post<Meeting>(`${base}/meetings`, body),
  );
  const errors = fieldErrorsOf(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = {
      date,
      kind,
      title: title.trim() || null,
      chairOrganizationId: chair ?? '',
      attendeeOrganizationIds: attendees,
      participantUserIds: participants,
      agenda: agenda || null,
      minutes: minutes || null,
    };
    if (!meeting) {
      body.actions = actions
        .filter((action) => action.description.trim())
        .map((action) => ({ description: action.description.trim(), ownerOrganizationId: action.ownerOrganizationId ?? '', ownerUserId: action.ownerUserId, dueDate: action.dueDate || null }));
    }
    save.mutate(body, { onSuccess: (saved) => navigate(`/programmes/${log.programmeId}/log/meetings/${saved.id}`) });
  };
  const organizations = organizationOptions(log);

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2}>{t(meeting ? 'worklog.meeting.editTitle' : 'worklog.meeting.newTitle')}</Title>
        {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" required label={t('worklog.meeting.date')} value={date} onChange={(event) => setDate(event.currentTarget.value)} error={errors.date} />
          <Select required label={t('worklog.meeting.kind')} data={MEETING_KINDS.map((value) => ({ value, label: t(`worklog.kind.${value}`) }))} value={kind} onChange={(value) => value && setKind(value as MeetingKind)} allowDeselect={false} error={errors.kind} />
          <Select required label={t('worklog.meeting.chair')} data={organizations} value={chair} onChange={setChair} searchable error={errors.chairOrganizationId} />
        </SimpleGrid>
        <TextInput label={t('worklog.meeting.name')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.title} />
        <MultiSelect label={t('worklog.meeting.attendees')} data={organizations} value={attendees} onChange={setAttendees} searchable error={errors['attendeeOrganizationIds.0']} />
        <MultiSelect label={t('worklog.meeting.participants')} data={peopleOptions(log, chair ? [...attendees, chair] : attendees)} value={participants} onChange={setParticipants} searchable />
        <Textarea label={t('worklog.meeting.agenda')} value={agenda} onChange={(event) => setAgenda(event.currentTarget.value)} autosize minRows={3} />
        <Textarea label={t('worklog.meeting.minutes')} value={minutes} onChange={(event) => setMinutes(event.currentTarget.value)} autosize minRows={6} />
        {!meeting ? (
          <Stack gap="xs">
            <Text fw={600}>{t('worklog.meeting.actions')}</Text>
            {actions.map((action, index) => (
              <SimpleGrid key={index} cols={{ base: 1, sm: 4 }} spacing="xs">
                <TextInput aria-label={t('worklog.meeting.action')} placeholder={t('worklog.meeting.action')} value={action.description} onChange={(event) => { const description = event.currentTarget.value; setActions((list) => list.map((item, position) => (position === index ? { ...item, description } : item))); }} error={errors[`actions.${index}.description`]} />
                <Select aria-label={t('worklog.meeting.owner')} placeholder={t('worklog.meeting.owner')} data={organizations} value={action.ownerOrganizationId} onChange={(value) => setActions((list) => list.map((item, position) => (position === index ? { ...item, ownerOrganizationId: value, ownerUserId: null } : item)))} error={errors[`actions.${index}.ownerOrganizationId`]} />
                <Select aria-label={t('worklog.meeting.ownerPerson')} placeholder={t('worklog.meeting.ownerPerson')} data={peopleOptions(log, action.ownerOrganizationId ? [action.ownerOrganizationId] : [])} value={action.ownerUserId} onChange={(value) => setActions((list) => list.map((item, position) => (position === index ? { ...item, ownerUserId: value } : item)))} clearable error={errors[`actions.${index}.ownerUserId`]} />
                <Group gap="xs" wrap="nowrap">
                  <TextInput type="date" aria-label={t('worklog.meeting.due')} value={action.dueDate} onChange={(event) => { const dueDate = event.currentTarget.value; setActions((list) => list.map((item, position) => (position === index ? { ...item, dueDate } : item))); }} style={{ flex: 1 }} />
                  <ActionIcon variant="subtle" color="red" aria-label={t('worklog.actions.remove')} onClick={() => setActions((list) => list.filter((_, position) => position !== index))}>
                    ×
                  </ActionIcon>
                </Group>
              </SimpleGrid>
            ))}
            <Button variant="subtle" w="fit-content" onClick={() => setActions((list) => [...list, { description: '', ownerOrganizationId: null, ownerUserId: null, dueDate: '' }])}>
              {t('worklog.actions.add')}
            </Button>
          </Stack>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('worklog.actions.save')}
          </Button>
          <Button variant="default" onClick={() => navigate(-1)}>
            {t('worklog.actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A meeting: who chaired and came, its minutes (Markdown shown safely), actions and decisions. */
export function MeetingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { meetingId } = useParams();
  const log = useLog();
  const meeting = useMeeting(log.programmeId, meetingId);
  usePageTitle(meeting.data?.title ?? t('worklog.meeting.title'));
  const setStatus = useLogMutation(log.programmeId, (base, input: { actionId: string; version: number; status: ActionStatus }) =>
    api.patch<Meeting>(`${base}/meetings/${meetingId}/actions/${input.actionId}`, { version: input.version, status: input.status }),
  );
  if (meeting.isPending) return <LoadingBlock />;
  if (meeting.isError) return <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const data = meeting.data;
  const base = `/programmes/${log.programmeId}/log`;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Badge variant="light">{t(`worklog.kind.${data.kind}`)}</Badge>
            <Text size="sm" c="dimmed">
              {format.date(data.date)}
            </Text>
          </Group>
          <Title order={2}>{data.title ?? t(`worklog.kind.${data.kind}`)}</Title>
          <Text size="sm">{t('worklog.meeting.chairedBy', { organization: log.orgName(data.chairOrganizationId) })}</Text>
          <Text size="sm" c="dimmed">
            {data.attendeeOrganizationIds.map((id) => log.orgName(id)).join(', ')}
            {data.participantUserIds.length ? ` · ${data.participantUserIds.map((id) => log.personName(id)).join(', ')}` : ''}
          </Text>
        </div>
        {data.canEdit ? (
          <Button component={Link} to={`${base}/meetings/${data.id}/edit`} variant="light">
            {t('worklog.actions.edit')}
          </Button>
        ) : null}
      </Group>
      {data.agenda ? (
        <Paper withBorder p="md">
          <Title order={3} size="h4">{t('worklog.meeting.agenda')}</Title>
          <SafeMarkdown text={data.agenda} />
        </Paper>
      ) : null}
      <Paper withBorder p="md">
        <Title order={3} size="h4">{t('worklog.meeting.minutes')}</Title>
        {data.minutes ? <SafeMarkdown text={data.minutes} /> : <Text c="dimmed">{t('worklog.meeting.noMinutes')}</Text>}
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">{t('worklog.meeting.actions')}</Title>
        {data.actions.length === 0 ? (
          <Text c="dimmed">{t('worklog.meeting.noActions')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('worklog.meeting.action')}</Table.Th>
                  <Table.Th scope="col">{t('worklog.meeting.owner')}</Table.Th>
                  <Table.Th scope="col">{t('worklog.meeting.due')}</Table.Th>
                  <Table.Th scope="col">{t('worklog.meeting.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.actions.map((action) => (
                  <Table.Tr key={action.id}>
                    <Table.Td>{action.description}</Table.Td>
                    <Table.Td>
                      {log.orgName(action.ownerOrganizationId)}
                      {action.ownerUserId ? ` · ${log.personName(action.ownerUserId)}` : ''}
                    </Table.Td>
                    <Table.Td>{format.date(action.dueDate)}</Table.Td>
                    <Table.Td>
                      {action.canEdit ? (
                        <Select
                          aria-label={t('worklog.meeting.status')}
                          size="xs"
                          data={ACTION_STATUSES.map((value) => ({ value, label: t(`worklog.actionStatus.${value}`) }))}
                          value={action.status}
                          allowDeselect={false}
                          onChange={(status) => status && setStatus.mutate({ actionId: action.id, version: action.version, status: status as ActionStatus })}
                        />
                      ) : (
                        t(`worklog.actionStatus.${action.status}`)
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {setStatus.isError ? <ErrorAlert error={setStatus.error} /> : null}
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4">{t('worklog.meeting.decisions')}</Title>
          {log.me.canRecord ? (
            <Button component={Link} to={`${base}/decisions/new?meeting=${data.id}`} variant="subtle" size="xs">
              {t('worklog.meeting.recordDecision')}
            </Button>
          ) : null}
        </Group>
        {data.decisions.length === 0 ? <Text c="dimmed">{t('worklog.meeting.noDecisions')}</Text> : null}
        <Stack gap={4}>
          {data.decisions.map((decision) => (
            <Text key={decision.id} component={Link} to={`${base}/decisions/${decision.id}`} size="sm" td="underline">
              {format.date(decision.date)} · {decision.title}
            </Text>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
