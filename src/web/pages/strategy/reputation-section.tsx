import { Badge, Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useMyProgrammes } from '../../api/programmes';
import {
  FEEDBACK_CHANNELS,
  FOLLOW_UP_STATUSES,
  STAKEHOLDER_KINDS,
  useSaveStakeholder,
  useFeedback,
  useSaveFeedback,
  useStakeholders,
  type Feedback,
  type FeedbackChannel,
  type FollowUpStatus,
  type QuarterSummary,
  type Stakeholder,
  type StakeholderKind,
} from '../../api/strategy';
import { ErrorAlert } from '../../components/error-alert';
import { useFormat } from '../../components/use-format';
import { FormError, formErrors, nullIfBlank } from '../networks/form-bits';

const SENTIMENTS = ['-2', '-1', '0', '1', '2'] as const;
const SENTIMENT_COLOR = (value: number) => (value > 0 ? 'teal' : value < 0 ? 'red' : 'gray');
const today = () => new Date().toISOString().slice(0, 10);

/** Stakeholders, feedback on the organization's reputation with its follow-up, and the mood per quarter. */
export function ReputationSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const feedback = useFeedback();
  const feedbackItems = feedback.data?.pages.flatMap((page) => page.items) ?? [];
  const summary = feedback.data?.pages[0]?.summary ?? [];
  const stakeholders = useStakeholders();
  const [record, setRecord] = useState<Feedback | 'new' | null>(null);
  const [editedStakeholder, setEditedStakeholder] = useState<Stakeholder | 'new' | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="reputation-heading">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} id="reputation-heading">{t('strategy.reputation')}</Title>
        <Group gap="xs">
          <Button variant="light" onClick={() => setEditedStakeholder('new')}>{t('strategy.feedbackForm.addStakeholder')}</Button>
          <Button onClick={() => setRecord('new')}>{t('strategy.feedbackForm.add')}</Button>
        </Group>
      </Group>
      {feedback.error ? <ErrorAlert error={feedback.error} onRetry={() => void feedback.refetch()} /> : null}
      {summary.length > 0 ? <QuarterChart summary={summary} /> : null}
      <Title order={3} size="h4">{t('strategy.stakeholders')}</Title>
      {stakeholders.error ? <ErrorAlert error={stakeholders.error} /> : null}
      {stakeholders.data?.items.length === 0 ? <Text size="sm" c="dimmed">{t('strategy.noStakeholders')}</Text> : null}
      <Group gap="xs">
        {stakeholders.data?.items.map((stakeholder) => (
          <Badge
            key={stakeholder.id}
            variant="light"
            title={stakeholder.notes ?? undefined}
            component="button"
            type="button"
            style={{ cursor: 'pointer' }}
            onClick={() => setEditedStakeholder(stakeholder)}
            aria-label={t('strategy.feedbackForm.editStakeholderOf', { name: stakeholder.name })}
          >
            {stakeholder.name} · {t(`strategy.stakeholderKinds.${stakeholder.kind}`)}
          </Badge>
        ))}
      </Group>
      <Title order={3} size="h4">{t('strategy.feedbackRecords')}</Title>
      {feedback.data && feedbackItems.length === 0 ? <Text c="dimmed">{t('strategy.noFeedback')}</Text> : null}
      {feedbackItems.map((item) => (
        <Paper key={item.id} withBorder p="sm">
          <Group justify="space-between" wrap="wrap" align="flex-start">
            <div style={{ flex: '1 1 260px' }}>
              <Text fw={600}>{item.topic}</Text>
              <Text size="sm" c="dimmed">
                {format.date(item.receivedOn)} · {item.stakeholder?.name ?? item.source} · {t(`strategy.channels.${item.channel}`)}
                {item.programme ? ` · ${item.programme.title}` : ''}
              </Text>
              {item.details ? <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{item.details}</Text> : null}
              {item.followUp ? <Text size="sm" mt={4}>{t('strategy.followUp')}: {item.followUp}</Text> : null}
            </div>
            <Group gap="xs">
              <Badge color={SENTIMENT_COLOR(item.sentiment)}>{t('strategy.sentiment', { value: item.sentiment > 0 ? `+${item.sentiment}` : item.sentiment })}</Badge>
              <Badge variant="outline">{t(`strategy.followUpStatus.${item.followUpStatus}`)}</Badge>
              {item.shared ? <Badge variant="light" color="blue">{t('strategy.feedbackForm.sharedBadge')}</Badge> : null}
              {item.mine ? <Button size="xs" variant="subtle" onClick={() => setRecord(item)} aria-label={t('strategy.feedbackForm.editOf', { topic: item.topic })}>{t('strategy.feedbackForm.edit')}</Button> : null}
            </Group>
          </Group>
        </Paper>
      ))}
      {feedback.hasNextPage ? (
        <Button variant="default" onClick={() => void feedback.fetchNextPage()} loading={feedback.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      ) : null}
      {record ? <FeedbackModal record={record === 'new' ? null : record} onClose={() => setRecord(null)} /> : null}
      {editedStakeholder ? <StakeholderModal stakeholder={editedStakeholder === 'new' ? null : editedStakeholder} onClose={() => setEditedStakeholder(null)} /> : null}
    </Stack>
  );
}

function QuarterChart({ summary }: { summary: QuarterSummary[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">{t('strategy.chart.quarterTitle')}</Text>
      <div role="img" aria-label={summary.map((quarter) => t('strategy.quarter', { quarter: quarter.quarter, records: quarter.records, mean: quarter.meanSentiment, open: quarter.openFollowUps })).join('; ')}>
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={summary} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="quarter" />
            <YAxis yAxisId="sentiment" domain={[-2, 2]} ticks={[-2, -1, 0, 1, 2]} width={32} />
            <YAxis yAxisId="records" orientation="right" allowDecimals={false} width={32} />
            <Tooltip />
            <Legend />
            <Bar yAxisId="records" dataKey="records" name={t('strategy.chart.records')} fill="#a5d8ff" isAnimationActive={false} />
            <Bar yAxisId="records" dataKey="openFollowUps" name={t('strategy.chart.openFollowUps')} fill="#ffd8a8" isAnimationActive={false} />
            <Line yAxisId="sentiment" type="monotone" dataKey="meanSentiment" name={t('strategy.chart.meanSentiment')} stroke="#0ca678" strokeWidth={2} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </Paper>
  );
}

/** Adds a stakeholder, or edits one (sending the version it was read at). */
function StakeholderModal({ stakeholder, onClose }: { stakeholder: Stakeholder | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useSaveStakeholder();
  const [name, setName] = useState(stakeholder?.name ?? '');
  const [kind, setKind] = useState<StakeholderKind>(stakeholder?.kind ?? 'beneficiary-group');
  const [notes, setNotes] = useState(stakeholder?.notes ?? '');
  const [missing, setMissing] = useState(false);
  const { fields } = formErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(name.trim() === '');
    if (name.trim() === '') return;
    const input = { name: name.trim(), kind, notes: nullIfBlank(notes) };
    create.mutate(stakeholder ? { ...input, id: stakeholder.id, version: stakeholder.version } : input, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t(stakeholder ? 'strategy.feedbackForm.editStakeholder' : 'strategy.feedbackForm.addStakeholder')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={create.error} />
          <TextInput label={t('strategy.feedbackForm.stakeholderName')} required value={name} onChange={(event) => setName(event.currentTarget.value)} error={missing ? t('common.required') : fields.name} />
          <Select label={t('strategy.feedbackForm.stakeholderKind')} data={STAKEHOLDER_KINDS.map((value) => ({ value, label: t(`strategy.stakeholderKinds.${value}`) }))} value={kind} onChange={(value) => setKind(STAKEHOLDER_KINDS.find((candidate) => candidate === value) ?? 'other')} allowDeselect={false} error={fields.kind} />
          <Textarea label={t('strategy.feedbackForm.notes')} autosize minRows={2} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} error={fields.notes} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function FeedbackModal({ record, onClose }: { record: Feedback | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveFeedback();
  const stakeholders = useStakeholders();
  const programmes = useMyProgrammes();
  const [stakeholderId, setStakeholderId] = useState<string | null>(record?.stakeholder?.id ?? null);
  const [source, setSource] = useState(record?.source ?? '');
  const [channel, setChannel] = useState<FeedbackChannel>(record?.channel ?? 'meeting');
  const [receivedOn, setReceivedOn] = useState(record?.receivedOn ?? today());
  const [topic, setTopic] = useState(record?.topic ?? '');
  const [sentiment, setSentiment] = useState(String(record?.sentiment ?? 0));
  const [details, setDetails] = useState(record?.details ?? '');
  const [programmeId, setProgrammeId] = useState<string | null>(record?.programme?.id ?? null);
  const [followUp, setFollowUp] = useState(record?.followUp ?? '');
  const [followUpStatus, setFollowUpStatus] = useState<FollowUpStatus>(record?.followUpStatus ?? 'none');
  const [shared, setShared] = useState(record?.shared ?? false);
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const { fields } = formErrors(save.error);
  const programmeOptions = new Map(record?.programme ? [[record.programme.id, record.programme.title]] : []);
  for (const programme of programmes.data?.pages.flatMap((page) => page.items) ?? []) programmeOptions.set(programme.id, programme.title);
  const required = (key: string) => (missing[key] ? t('common.required') : fields[key]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lacking = { source: source.trim() === '', topic: topic.trim() === '', receivedOn: receivedOn === '' };
    setMissing(lacking);
    if (Object.values(lacking).some(Boolean)) return;
    const input = {
      stakeholderId,
      source: source.trim(),
      channel,
      receivedOn,
      topic: topic.trim(),
      sentiment: Number(sentiment),
      details: nullIfBlank(details),
      programmeId,
      followUp: nullIfBlank(followUp),
      followUpStatus,
      shared,
    };
    save.mutate(record ? { id: record.id, version: record.version, ...input } : input, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={record ? t('strategy.feedbackForm.edit') : t('strategy.feedbackForm.add')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('strategy.feedbackForm.source')} description={t('strategy.feedbackForm.sourceHint')} required value={source} onChange={(event) => setSource(event.currentTarget.value)} error={required('source')} miw={220} />
            <Select label={t('strategy.feedbackForm.stakeholder')} clearable searchable data={(stakeholders.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))} value={stakeholderId} onChange={setStakeholderId} error={fields.stakeholderId} miw={220} />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <Select label={t('strategy.feedbackForm.channel')} data={FEEDBACK_CHANNELS.map((value) => ({ value, label: t(`strategy.channels.${value}`) }))} value={channel} onChange={(value) => setChannel(FEEDBACK_CHANNELS.find((candidate) => candidate === value) ?? 'other')} allowDeselect={false} error={fields.channel} miw={200} />
            <TextInput type="date" label={t('strategy.feedbackForm.receivedOn')} required value={receivedOn} onChange={(event) => setReceivedOn(event.currentTarget.value)} error={required('receivedOn')} miw={200} />
          </Group>
          <TextInput label={t('strategy.feedbackForm.topic')} required value={topic} onChange={(event) => setTopic(event.currentTarget.value)} error={required('topic')} />
          <div>
            <Text size="sm" fw={500} id="sentiment-label">{t('strategy.feedbackForm.sentiment')}</Text>
            <SegmentedControl
              aria-labelledby="sentiment-label"
              fullWidth
              data={SENTIMENTS.map((value) => ({ value, label: t(`strategy.sentiments.${value}`) }))}
              value={sentiment}
              onChange={setSentiment}
            />
            {fields.sentiment ? <Text size="xs" c="red" role="alert">{fields.sentiment}</Text> : null}
          </div>
          <Textarea label={t('strategy.feedbackForm.details')} autosize minRows={2} value={details} onChange={(event) => setDetails(event.currentTarget.value)} error={fields.details} />
          <Select label={t('strategy.programme')} clearable searchable data={[...programmeOptions.entries()].map(([value, label]) => ({ value, label }))} value={programmeId} onChange={setProgrammeId} error={fields.programmeId} />
          <Textarea label={t('strategy.followUp')} description={t('strategy.feedbackForm.followUpHint')} autosize minRows={2} value={followUp} onChange={(event) => setFollowUp(event.currentTarget.value)} error={fields.followUp} />
          <Select label={t('strategy.feedbackForm.followUpStatus')} data={FOLLOW_UP_STATUSES.map((value) => ({ value, label: t(`strategy.followUpStatus.${value}`) }))} value={followUpStatus} onChange={(value) => setFollowUpStatus(FOLLOW_UP_STATUSES.find((candidate) => candidate === value) ?? 'none')} allowDeselect={false} error={fields.followUpStatus} />
          <Switch label={t('strategy.feedbackForm.shared')} description={t('strategy.feedbackForm.sharedHint')} checked={shared} onChange={(event) => setShared(event.currentTarget.checked)} error={fields.shared} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
