import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrorsOf } from '../../api/client';
import { useProgrammeMutation, type TeamMember } from '../../api/programmes';
import { ConfirmButton, MutationError } from './shared';

/** Changes a team member's name, e-mail and programme role (their own organization's people, or anyone for managers). */
export function TeamMemberForm({ programmeId, person, onDone }: { programmeId: string; person: TeamMember; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ name: person.name, email: person.email ?? '', programmeRole: person.programmeRole });
  const save = useProgrammeMutation(programmeId, () =>
    api.patch(`/api/programmes/${programmeId}/team/${person.id}`, { version: person.version, name: values.name, email: values.email.trim() || null, programmeRole: values.programmeRole }),
  );
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, { onSuccess: onDone });
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <TextInput label={t('programmes.team.name')} required value={values.name} onChange={(event) => setValues({ ...values, name: event.currentTarget.value })} error={errors.name} data-autofocus />
      <TextInput type="email" label={t('programmes.consortium.email')} value={values.email} onChange={(event) => setValues({ ...values, email: event.currentTarget.value })} error={errors.email} />
      <TextInput label={t('programmes.team.role')} required value={values.programmeRole} onChange={(event) => setValues({ ...values, programmeRole: event.currentTarget.value })} error={errors.programmeRole} />
      <MutationError error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('programmes.common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending} disabled={!values.name.trim() || !values.programmeRole.trim()}>
          {t('programmes.common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Removes someone from the team after asking. */
export function DeleteTeamMember({ programmeId, person }: { programmeId: string; person: TeamMember }) {
  const { t } = useTranslation();
  const remove = useProgrammeMutation(programmeId, () => api.delete(`/api/programmes/${programmeId}/team/${person.id}`));
  return (
    <ConfirmButton
      label={t('programmes.team.remove')}
      ariaLabel={t('programmes.team.removeNamed', { name: person.name })}
      title={t('programmes.team.remove')}
      question={t('programmes.team.removeQuestion', { name: person.name })}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(undefined)}
    />
  );
}
