import { Badge, Button, Group, Loader, Modal, MultiSelect, NumberInput, Paper, Select, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyProgrammes } from '../../api/programmes';
import { INDICATOR_KINDS, TARGET_DIRECTIONS, useAddGoal, useDeleteGoal, useGoalProgrammes, useSaveStrategy, useStrategy, useUpdateGoal, type Goal, type IndicatorKind, type Strategy, type TargetDirection } from '../../api/strategy';
import { ErrorAlert } from '../../components/error-alert';
import { useFormat } from '../../components/use-format';
import { FormError, formErrors, nullIfBlank } from '../networks/form-bits';
import { GoalChart } from './goal-chart';

export const STATUS_COLOR = { 'on-track': 'teal', 'off-track': 'red', unknown: 'gray' } as const;

/** The organization's strategy and goals, each goal's indicator against its target; administrators edit. */
export function StrategySection() {
  const { t } = useTranslation();
  const format = useFormat();
  const strategy = useStrategy();
  const save = useSaveStrategy();
  const [editing, setEditing] = useState(false);
  const [goal, setGoal] = useState<Goal | 'new' | null>(null);
  if (strategy.error) return <ErrorAlert error={strategy.error} onRetry={() => void strategy.refetch()} />;
  if (!strategy.data) return <Loader />;
  const { strategy: data, canEdit } = strategy.data;
  const toggleShared = (shared: boolean) => {
    if (!data) return;
    save.mutate({ title: data.title, summary: data.summary, startDate: data.startDate, endDate: data.endDate, shared, version: data.version });
  };
  return (
    <Stack gap="md">
      {!data ? (
        <Paper withBorder p="md">
          <Text c="dimmed">{t('strategy.empty')}</Text>
          {canEdit ? <Button mt="sm" onClick={() => setEditing(true)}>{t('strategy.form.create')}</Button> : <Text size="sm" mt="xs">{t('strategy.form.adminsOnly')}</Text>}
        </Paper>
      ) : (
        <Paper withBorder p="md">
          <Group justify="space-between" wrap="wrap" align="flex-start">
            <div>
              <Title order={2} size="h3">{data.title}</Title>
              {data.startDate || data.endDate ? <Text size="sm" c="dimmed">{format.date(data.startDate) || '…'} – {format.date(data.endDate) || '…'}</Text> : null}
            </div>
            {canEdit ? <Button variant="light" onClick={() => setEditing(true)}>{t('strategy.form.edit')}</Button> : null}
          </Group>
          {data.summary ? <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>{data.summary}</Text> : null}
          {canEdit ? (
            <Switch mt="sm" label={t('strategy.form.shared')} description={t('strategy.form.sharedHint')} checked={data.shared} disabled={save.isPending} onChange={(event) => toggleShared(event.currentTarget.checked)} />
          ) : (
            <Text size="sm" c="dimmed" mt="xs">{data.shared ? t('strategy.shared') : t('strategy.private')}</Text>
          )}
          {save.error && !editing ? <ErrorAlert error={save.error} title={t('strategy.form.failed')} /> : null}
        </Paper>
      )}
      {data ? (
        <>
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h3">{t('strategy.goals')}</Title>
            {canEdit ? <Button variant="light" onClick={() => setGoal('new')}>{t('strategy.form.addGoal')}</Button> : null}
          </Group>
          {data.goals.length === 0 ? <Text c="dimmed">{t('strategy.noGoals')}</Text> : null}
          {data.goals.map((item) => <GoalCard key={item.id} goal={item} canEdit={canEdit} onEdit={() => setGoal(item)} />)}
        </>
      ) : null}
      {editing ? <StrategyModal strategy={data} onClose={() => setEditing(false)} /> : null}
      {goal ? <GoalModal goal={goal === 'new' ? null : goal} onClose={() => setGoal(null)} /> : null}
    </Stack>
  );
}

function GoalCard({ goal, canEdit, onEdit }: { goal: Goal; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteGoal();
  const [linking, setLinking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const value = goal.indicator?.value;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`goal-${goal.id}`}>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <div style={{ flex: '1 1 260px' }}>
          <Text fw={600} id={`goal-${goal.id}`}>{goal.title}</Text>
          <Text size="xs" c="dimmed">{t(`strategy.indicators.${goal.indicatorKind}`)}</Text>
          {goal.description ? <Text size="sm" mt={4}>{goal.description}</Text> : null}
          <Group gap="xs" mt="xs">
            <Text size="sm">{t('strategy.target')}: {t(`strategy.direction.${goal.direction}`, { target: goal.target })}</Text>
            <Text size="sm">· {t('strategy.value')}: {value === null || value === undefined ? '—' : `${Math.round(value * 10) / 10}%`}</Text>
            {goal.indicator ? <Badge color={STATUS_COLOR[goal.indicator.status]}>{t(`strategy.status.${goal.indicator.status}`)}</Badge> : null}
          </Group>
          {goal.indicator ? <Text size="xs" c="dimmed">{t(`strategy.basis.${goal.indicator.basis}`, { count: goal.indicator.programmes })}</Text> : null}
        </div>
        <GoalChart indicator={goal.indicator} target={goal.target} direction={goal.direction} />
      </Group>
      <Text size="sm" mt="xs">
        <strong>{t('strategy.programmes')}:</strong> {goal.programmes.map((programme) => programme.title).join(', ') || '—'}
      </Text>
      {canEdit ? (
        <Group gap="xs" mt="xs">
          <Button size="xs" variant="subtle" onClick={onEdit}>{t('strategy.form.editGoal')}</Button>
          <Button size="xs" variant="subtle" onClick={() => setLinking(true)}>{t('strategy.form.linkProgrammes')}</Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>{t('strategy.form.deleteGoal')}</Button>
        </Group>
      ) : null}
      {linking ? <LinkProgrammesModal goal={goal} onClose={() => setLinking(false)} /> : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('strategy.form.deleteGoal')}>
        <Text size="sm">{t('strategy.form.deleteQuestion', { title: goal.title })}</Text>
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(goal.id, { onSuccess: () => setConfirming(false) })}>{t('strategy.form.deleteGoal')}</Button>
        </Group>
      </Modal>
    </Paper>
  );
}

function StrategyModal({ strategy, onClose }: { strategy: Strategy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveStrategy();
  const [title, setTitle] = useState(strategy?.title ?? '');
  const [summary, setSummary] = useState(strategy?.summary ?? '');
  const [startDate, setStartDate] = useState(strategy?.startDate ?? '');
  const [endDate, setEndDate] = useState(strategy?.endDate ?? '');
  const [shared, setShared] = useState(strategy?.shared ?? false);
  const [missing, setMissing] = useState(false);
  const { fields } = formErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(title.trim() === '');
    if (title.trim() === '') return;
    save.mutate(
      { title: title.trim(), summary: nullIfBlank(summary), startDate: nullIfBlank(startDate), endDate: nullIfBlank(endDate), shared, ...(strategy ? { version: strategy.version } : {}) },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={strategy ? t('strategy.form.edit') : t('strategy.form.create')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} />
          <TextInput label={t('strategy.form.title')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={missing ? t('common.required') : fields.title} />
          <Textarea label={t('strategy.form.summary')} autosize minRows={4} value={summary} onChange={(event) => setSummary(event.currentTarget.value)} error={fields.summary} />
          <Group grow align="flex-start">
            <TextInput type="date" label={t('strategy.form.startDate')} value={startDate} onChange={(event) => setStartDate(event.currentTarget.value)} error={fields.startDate} />
            <TextInput type="date" label={t('strategy.form.endDate')} value={endDate} onChange={(event) => setEndDate(event.currentTarget.value)} error={fields.endDate} />
          </Group>
          <Switch label={t('strategy.form.shared')} description={t('strategy.form.sharedHint')} checked={shared} onChange={(event) => setShared(event.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const numberOrNull = (value: string | number) => (typeof value === 'number' ? value : value.trim() === '' ? null : Number(value));

function GoalModal({ goal, onClose }: { goal: Goal | null; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddGoal();
  const update = useUpdateGoal();
  const mutation = goal ? update : add;
  const [title, setTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [indicatorKind, setIndicatorKind] = useState<IndicatorKind>(goal?.indicatorKind ?? 'local-budget-share');
  const [direction, setDirection] = useState<TargetDirection>(goal?.direction ?? 'at-least');
  const [target, setTarget] = useState<string | number>(goal?.target ?? 25);
  const [manualValue, setManualValue] = useState<string | number>(goal?.manualValue ?? '');
  const [missing, setMissing] = useState<{ title?: boolean; target?: boolean }>({});
  const { fields } = formErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const targetValue = numberOrNull(target);
    const lacking = { title: title.trim() === '', target: targetValue === null };
    setMissing(lacking);
    if (lacking.title || targetValue === null) return;
    const input = { title: title.trim(), description: nullIfBlank(description), indicatorKind, direction, target: targetValue, manualValue: indicatorKind === 'manual' ? numberOrNull(manualValue) : null };
    if (goal) update.mutate({ id: goal.id, version: goal.version, ...input }, { onSuccess: onClose });
    else add.mutate(input, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={goal ? t('strategy.form.editGoal') : t('strategy.form.addGoal')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={mutation.error} />
          <TextInput label={t('strategy.form.goalTitle')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={missing.title ? t('common.required') : fields.title} />
          <Textarea label={t('strategy.form.description')} autosize minRows={2} value={description} onChange={(event) => setDescription(event.currentTarget.value)} error={fields.description} />
          <Select
            label={t('strategy.form.indicator')}
            data={INDICATOR_KINDS.map((value) => ({ value, label: t(`strategy.indicators.${value}`) }))}
            value={indicatorKind}
            onChange={(value) => setIndicatorKind(INDICATOR_KINDS.find((kind) => kind === value) ?? 'manual')}
            allowDeselect={false}
            error={fields.indicatorKind}
          />
          <Group grow align="flex-start">
            <Select
              label={t('strategy.form.direction')}
              data={TARGET_DIRECTIONS.map((value) => ({ value, label: t(`strategy.form.directions.${value}`) }))}
              value={direction}
              onChange={(value) => setDirection(value === 'at-most' ? 'at-most' : 'at-least')}
              allowDeselect={false}
              error={fields.direction}
            />
            <NumberInput label={t('strategy.form.target')} required min={0} max={100} suffix="%" value={target} onChange={setTarget} error={missing.target ? t('common.required') : fields.target} />
          </Group>
          {indicatorKind === 'manual' ? (
            <NumberInput label={t('strategy.form.manualValue')} description={t('strategy.form.manualHint')} min={0} max={100} suffix="%" value={manualValue} onChange={setManualValue} error={fields.manualValue} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function LinkProgrammesModal({ goal, onClose }: { goal: Goal; onClose: () => void }) {
  const { t } = useTranslation();
  const programmes = useMyProgrammes();
  const link = useGoalProgrammes();
  const [chosen, setChosen] = useState(goal.programmes.map((programme) => programme.id));
  const { fields } = formErrors(link.error);
  const options = new Map(goal.programmes.map((programme) => [programme.id, programme.title]));
  for (const programme of programmes.data?.pages.flatMap((page) => page.items) ?? []) options.set(programme.id, programme.title);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    link.mutate({ id: goal.id, programmeIds: chosen }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('strategy.form.linkTitle', { title: goal.title })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={link.error} />
          <MultiSelect
            label={t('strategy.programmes')}
            description={t('strategy.form.linkHint')}
            searchable
            clearable
            data={[...options.entries()].map(([value, label]) => ({ value, label }))}
            value={chosen}
            onChange={setChosen}
            error={fields.programmeIds ?? fields['programmeIds.0']}
          />
          {programmes.hasNextPage ? <Button variant="subtle" size="xs" onClick={() => void programmes.fetchNextPage()} loading={programmes.isFetchingNextPage}>{t('common.loadMore')}</Button> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={link.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
