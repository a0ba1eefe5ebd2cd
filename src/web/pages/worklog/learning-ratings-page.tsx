import { Alert, Button, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrorsOf } from '../../api/client';
import { useLogMutation } from '../../api/worklog';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { organizationOptions, peopleOptions, useLog } from './log-layout';

/** Forms for learning exchanges and open ratings; what was recorded shows on the timeline. */
export function LearningRatingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('worklog.nav.learning'));
  const log = useLog();
  if (!log.me.canRecord) return <Text c="dimmed">{t('worklog.readOnly')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <LearningForm />
      {log.me.isMember ? <RatingForm /> : null}
    </SimpleGrid>
  );
}

function LearningForm() {
  const { t } = useTranslation();
  const log = useLog();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(log.me.isMember ? log.me.organizationId : null);
  const [fromUserIds, setFromUserIds] = useState<string[]>([]);
  const [toUserIds, setToUserIds] = useState<string[]>([]);
  const [topic, setTopic] = useState('');
  const [kind, setKind] = useState<'exchange' | 'capacity-building'>('exchange');
  const [done, setDone] = useState(false);
  const save = useLogMutation(log.programmeId, (base, body: Record<string, unknown>) => api.post(`${base}/learning`, body));
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    save.mutate(
      { date, fromOrganizationId: from ?? '', toOrganizationId: to ?? '', fromUserIds, toUserIds, topic: topic.trim(), kind },
      { onSuccess: () => { setDone(true); setTopic(''); setFromUserIds([]); setToUserIds([]); } },
    );
  };
  const organizations = organizationOptions(log);
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h3">{t('worklog.learning.title')}</Title>
        <Text size="sm" c="dimmed">{t('worklog.learning.help')}</Text>
        {done ? <Alert color="teal" role="status">{t('worklog.learning.saved')}</Alert> : null}
        {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <TextInput required label={t('worklog.learning.topic')} value={topic} onChange={(event) => setTopic(event.currentTarget.value)} error={errors.topic} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select required label={t('worklog.learning.from')} data={organizations} value={from} onChange={(value) => { setFrom(value); setFromUserIds([]); }} searchable error={errors.fromOrganizationId} />
          <Select required label={t('worklog.learning.to')} data={organizations} value={to} onChange={(value) => { setTo(value); setToUserIds([]); }} searchable error={errors.toOrganizationId} />
          <MultiSelect label={t('worklog.learning.fromPeople')} data={peopleOptions(log, from ? [from] : [])} value={fromUserIds} onChange={setFromUserIds} error={errors['fromUserIds.0']} />
          <MultiSelect label={t('worklog.learning.toPeople')} data={peopleOptions(log, to ? [to] : [])} value={toUserIds} onChange={setToUserIds} error={errors['toUserIds.0']} />
          <TextInput type="date" required label={t('worklog.learning.date')} value={date} onChange={(event) => setDate(event.currentTarget.value)} error={errors.date} />
          <Select label={t('worklog.learning.kind')} data={[{ value: 'exchange', label: t('worklog.learningKind.exchange') }, { value: 'capacity-building', label: t('worklog.learningKind.capacity-building') }]} value={kind} onChange={(value) => value && setKind(value as 'exchange' | 'capacity-building')} allowDeselect={false} />
        </SimpleGrid>
        <Button type="submit" loading={save.isPending} w="fit-content">{t('worklog.learning.record')}</Button>
      </Stack>
    </Paper>
  );
}

function RatingForm() {
  const { t } = useTranslation();
  const log = useLog();
  const [ratee, setRatee] = useState<string | null>(null);
  const [trust, setTrust] = useState<string | null>(null);
  const [value, setValue] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);
  const save = useLogMutation(log.programmeId, (base, body: Record<string, unknown>) => api.post(`${base}/ratings`, body));
  const errors = fieldErrorsOf(save.error);
  const scale = ['1', '2', '3', '4'];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    save.mutate(
      { rateeOrganizationId: ratee ?? '', trust: Number(trust ?? 0), value: Number(value ?? 0), comment: comment.trim() || null },
      { onSuccess: () => { setDone(true); setRatee(null); setTrust(null); setValue(null); setComment(''); } },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h3">{t('worklog.rating.title')}</Title>
        <Text size="sm" c="dimmed">{t('worklog.rating.help')}</Text>
        <Text size="sm">{t('worklog.rating.rater')}: <strong>{log.orgName(log.me.organizationId)}</strong></Text>
        {done ? <Alert color="teal" role="status">{t('worklog.rating.saved')}</Alert> : null}
        {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <Select required label={t('worklog.rating.ratee')} data={organizationOptions(log).filter((option) => option.value !== log.me.organizationId)} value={ratee} onChange={setRatee} searchable error={errors.rateeOrganizationId} />
        <SimpleGrid cols={2}>
          <Select required label={t('worklog.rating.trust')} data={scale} value={trust} onChange={setTrust} error={errors.trust} />
          <Select required label={t('worklog.rating.value')} data={scale} value={value} onChange={setValue} error={errors.value} />
        </SimpleGrid>
        <Textarea label={t('worklog.rating.comment')} value={comment} onChange={(event) => setComment(event.currentTarget.value)} autosize minRows={2} />
        <Button type="submit" loading={save.isPending} w="fit-content">{t('worklog.rating.record')}</Button>
      </Stack>
    </Paper>
  );
}
