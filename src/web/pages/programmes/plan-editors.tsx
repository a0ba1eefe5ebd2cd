import { Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrorsOf } from '../../api/client';
import { useProgrammeMutation, type Member, type PlanTask, type PlanTree, type Raci } from '../../api/programmes';
import { MutationError } from './shared';

const RACI_VALUES: Raci[] = ['A', 'AR', 'R', 'C', 'I'];
const TASK_STATUSES: PlanTask['status'][] = ['planned', 'in-progress', 'done', 'cancelled'];

type WorkPackage = PlanTree['workPackages'][number];
type Activity = WorkPackage['activities'][number];
type Milestone = PlanTree['milestones'][number];

/** A button that opens a dialog holding an editor; the editor closes it when done. */
export function DialogButton(props: { label: string; title: string; ariaLabel?: string; variant?: string; children: (close: () => void) => React.ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant={props.variant ?? 'subtle'} onClick={() => setOpened(true)} aria-label={props.ariaLabel}>
        {props.label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={props.title} size="lg">
        {opened ? props.children(() => setOpened(false)) : null}
      </Modal>
    </>
  );
}

function FormButtons({ pending, disabled, onCancel }: { pending: boolean; disabled?: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('programmes.common.cancel')}
      </Button>
      <Button type="submit" loading={pending} disabled={disabled}>
        {t('programmes.common.save')}
      </Button>
    </Group>
  );
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Creates a work package, or changes one (managers). */
export function WorkPackageForm({ programmeId, members, workPackage, onDone }: { programmeId: string; members: Member[]; workPackage?: WorkPackage; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ code: workPackage?.code ?? '', title: workPackage?.title ?? '', description: workPackage?.description ?? '', leadOrganizationId: workPackage?.leadOrganizationId ?? '' });
  const save = useProgrammeMutation(programmeId, () => {
    const body = { code: orNull(values.code), title: values.title, description: orNull(values.description), leadOrganizationId: values.leadOrganizationId || null };
    return workPackage
      ? api.patch(`/api/programmes/${programmeId}/work-packages/${workPackage.id}`, { ...body, version: workPackage.version })
      : api.post(`/api/programmes/${programmeId}/work-packages`, body);
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, { onSuccess: onDone });
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('programmes.plan.code')} value={values.code} onChange={(event) => setValues({ ...values, code: event.currentTarget.value })} error={errors.code} maxLength={20} />
        <TextInput label={t('programmes.plan.title')} required value={values.title} onChange={(event) => setValues({ ...values, title: event.currentTarget.value })} error={errors.title} style={{ gridColumn: 'span 2' }} data-autofocus />
      </SimpleGrid>
      <Textarea label={t('programmes.plan.description')} autosize minRows={2} value={values.description} onChange={(event) => setValues({ ...values, description: event.currentTarget.value })} error={errors.description} />
      <Select
        label={t('programmes.plan.leadOrganization')}
        data={members.filter((member) => member.active).map((member) => ({ value: member.organization.id, label: member.organization.name }))}
        value={values.leadOrganizationId || null}
        onChange={(value) => setValues({ ...values, leadOrganizationId: value ?? '' })}
        clearable
        error={errors.leadOrganizationId}
      />
      <MutationError error={save.error} />
      <FormButtons pending={save.isPending} disabled={!values.title.trim()} onCancel={onDone} />
    </Stack>
  );
}

/** Creates an activity under a work package, or changes one (managers). */
export function ActivityForm({ programmeId, plan, workPackageId, activity, onDone }: { programmeId: string; plan: PlanTree; workPackageId: string; activity?: Activity; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ workPackageId, code: activity?.code ?? '', title: activity?.title ?? '', description: activity?.description ?? '' });
  const save = useProgrammeMutation(programmeId, () => {
    const body = { workPackageId: values.workPackageId, code: orNull(values.code), title: values.title, description: orNull(values.description) };
    return activity ? api.patch(`/api/programmes/${programmeId}/activities/${activity.id}`, { ...body, version: activity.version }) : api.post(`/api/programmes/${programmeId}/activities`, body);
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, { onSuccess: onDone });
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <Select
        label={t('programmes.plan.workPackage')}
        data={plan.workPackages.map((candidate) => ({ value: candidate.id, label: [candidate.code, candidate.title].filter(Boolean).join(' ') }))}
        value={values.workPackageId}
        onChange={(value) => value && setValues({ ...values, workPackageId: value })}
        allowDeselect={false}
        error={errors.workPackageId}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('programmes.plan.code')} value={values.code} onChange={(event) => setValues({ ...values, code: event.currentTarget.value })} error={errors.code} maxLength={20} />
        <TextInput label={t('programmes.plan.title')} required value={values.title} onChange={(event) => setValues({ ...values, title: event.currentTarget.value })} error={errors.title} style={{ gridColumn: 'span 2' }} data-autofocus />
      </SimpleGrid>
      <Textarea label={t('programmes.plan.description')} autosize minRows={2} value={values.description} onChange={(event) => setValues({ ...values, description: event.currentTarget.value })} error={errors.description} />
      <MutationError error={save.error} />
      <FormButtons pending={save.isPending} disabled={!values.title.trim()} onCancel={onDone} />
    </Stack>
  );
}

/** The RACI problem the server would report, checked as the user types: exactly one Accountable. */
function raciProblem(raci: Record<string, Raci>, t: (key: 'programmes.plan.raciNone' | 'programmes.plan.raciMany') => string): string | null {
  const accountable = Object.values(raci).filter((letters) => letters.includes('A')).length;
  if (accountable === 1) return null;
  return accountable === 0 ? t('programmes.plan.raciNone') : t('programmes.plan.raciMany');
}

/**
 * Creates or changes a task. Managers change everything; a member Responsible or Accountable for
 * the task updates its progress only (the server refuses the rest, so those fields are read-only).
 */
export function TaskForm(props: { programmeId: string; plan: PlanTree; members: Member[]; task?: PlanTask; canManage: boolean; myOrganizationId: string; defaultActivityId?: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { task, canManage } = props;
  const [values, setValues] = useState({
    title: task?.title ?? '',
    activityId: task?.activityId ?? props.defaultActivityId ?? '',
    description: task?.description ?? '',
    locality: task?.locality ?? '',
    startDate: task?.startDate ?? '',
    endDate: task?.endDate ?? '',
    deliverables: task?.deliverables ?? [],
    status: task?.status ?? 'planned',
  });
  const [raci, setRaci] = useState<Record<string, Raci>>(task?.raci ?? (canManage ? {} : { [props.myOrganizationId]: 'AR' }));
  const restructure = canManage || !task;
  const save = useProgrammeMutation(props.programmeId, () => {
    const progress = { description: orNull(values.description), locality: orNull(values.locality), startDate: values.startDate || null, endDate: values.endDate || null, deliverables: values.deliverables, status: values.status };
    if (!task) return api.post(`/api/programmes/${props.programmeId}/tasks`, { ...progress, title: values.title, activityId: values.activityId || null, raci });
    const body = canManage ? { ...progress, title: values.title, activityId: values.activityId || null, raci } : progress;
    return api.patch(`/api/programmes/${props.programmeId}/tasks/${task.id}`, { ...body, version: task.version });
  });
  const errors = fieldErrorsOf(save.error);
  const problem = restructure ? raciProblem(raci, t) : null;
  const datesWrong = values.startDate !== '' && values.endDate !== '' && values.endDate < values.startDate;
  const activities = props.plan.workPackages.flatMap((workPackage) =>
    workPackage.activities.map((activity) => ({ value: activity.id, label: `${workPackage.code ?? workPackage.title} › ${[activity.code, activity.title].filter(Boolean).join(' ')}` })),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, { onSuccess: props.onDone });
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      {!canManage ? (
        <Text size="sm" c="dimmed">
          {task ? t('programmes.plan.progressOnly') : t('programmes.plan.addTaskMember')}
        </Text>
      ) : null}
      <TextInput label={t('programmes.plan.taskTitle')} required value={values.title} readOnly={!restructure} onChange={(event) => setValues({ ...values, title: event.currentTarget.value })} error={errors.title} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('programmes.plan.activity')} data={activities} value={values.activityId || null} readOnly={!restructure} onChange={(value) => setValues({ ...values, activityId: value ?? '' })} clearable={restructure} error={errors.activityId} />
        <Select
          label={t('programmes.plan.statusLabel')}
          data={TASK_STATUSES.map((value) => ({ value, label: t(`programmes.plan.status.${value}`) }))}
          value={values.status}
          onChange={(value) => value && setValues({ ...values, status: value as PlanTask['status'] })}
          allowDeselect={false}
          error={errors.status}
        />
        <TextInput label={t('programmes.plan.locality')} value={values.locality} onChange={(event) => setValues({ ...values, locality: event.currentTarget.value })} error={errors.locality} />
        <TagsInput label={t('programmes.plan.deliverables')} description={t('programmes.plan.deliverablesHint')} value={values.deliverables} onChange={(deliverables) => setValues({ ...values, deliverables })} error={errors.deliverables} />
        <TextInput type="date" label={t('programmes.fields.startDate')} value={values.startDate} onChange={(event) => setValues({ ...values, startDate: event.currentTarget.value })} error={errors.startDate} />
        <TextInput
          type="date"
          label={t('programmes.fields.endDate')}
          value={values.endDate}
          onChange={(event) => setValues({ ...values, endDate: event.currentTarget.value })}
          error={datesWrong ? t('programmes.plan.endBeforeStart') : errors.endDate}
        />
      </SimpleGrid>
      <Textarea label={t('programmes.plan.description')} autosize minRows={2} value={values.description} onChange={(event) => setValues({ ...values, description: event.currentTarget.value })} error={errors.description} />
      <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-describedby="raci-help">
        <Text component="legend" size="sm" fw={500}>
          {t('programmes.plan.raci')}
        </Text>
        <Text id="raci-help" size="xs" c={problem ? 'red' : 'dimmed'} role={problem ? 'alert' : undefined}>
          {problem ?? t('programmes.plan.raciLegend')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} mt={4}>
          {props.members
            .filter((member) => member.active || raci[member.organization.id])
            .map((member) => (
              <Select
                key={member.id}
                label={member.organization.acronym ?? member.organization.name}
                data={RACI_VALUES.map((value) => ({ value, label: t(`programmes.plan.raciValue.${value}`) }))}
                value={raci[member.organization.id] ?? null}
                readOnly={!restructure}
                clearable={restructure}
                error={errors[`raci.${member.organization.id}`]}
                onChange={(value) => {
                  const next = { ...raci };
                  if (value) next[member.organization.id] = value as Raci;
                  else delete next[member.organization.id];
                  setRaci(next);
                }}
              />
            ))}
        </SimpleGrid>
        {errors.raci ? (
          <Text size="xs" c="red" role="alert">
            {errors.raci}
          </Text>
        ) : null}
      </fieldset>
      <MutationError error={save.error} />
      <FormButtons pending={save.isPending} disabled={!values.title.trim() || problem !== null || datesWrong} onCancel={props.onDone} />
    </Stack>
  );
}

/** Creates or changes a milestone (managers): a due date, optionally achieved. */
export function MilestoneForm({ programmeId, plan, milestone, workPackageId, onDone }: { programmeId: string; plan: PlanTree; milestone?: Milestone; workPackageId?: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ title: milestone?.title ?? '', dueDate: milestone?.dueDate ?? '', achievedOn: milestone?.achievedOn ?? '', workPackageId: milestone?.workPackageId ?? workPackageId ?? '' });
  const save = useProgrammeMutation(programmeId, () => {
    const body = { title: values.title, dueDate: values.dueDate, achievedOn: values.achievedOn || null, workPackageId: values.workPackageId || null };
    return milestone ? api.patch(`/api/programmes/${programmeId}/milestones/${milestone.id}`, { ...body, version: milestone.version }) : api.post(`/api/programmes/${programmeId}/milestones`, body);
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, { onSuccess: onDone });
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <TextInput label={t('programmes.plan.title')} required value={values.title} onChange={(event) => setValues({ ...values, title: event.currentTarget.value })} error={errors.title} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('programmes.plan.workPackage')}
          data={plan.workPackages.map((candidate) => ({ value: candidate.id, label: [candidate.code, candidate.title].filter(Boolean).join(' ') }))}
          value={values.workPackageId || null}
          onChange={(value) => setValues({ ...values, workPackageId: value ?? '' })}
          clearable
          error={errors.workPackageId}
        />
        <TextInput type="date" label={t('programmes.plan.dueDate')} required value={values.dueDate} onChange={(event) => setValues({ ...values, dueDate: event.currentTarget.value })} error={errors.dueDate} />
        <TextInput type="date" label={t('programmes.plan.achievedOn')} value={values.achievedOn} onChange={(event) => setValues({ ...values, achievedOn: event.currentTarget.value })} error={errors.achievedOn} />
      </SimpleGrid>
      <MutationError error={save.error} />
      <FormButtons pending={save.isPending} disabled={!values.title.trim() || !values.dueDate} onCancel={onDone} />
    </Stack>
  );
}
