import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrorsOf } from '../../api/client';
import { MEMBER_ROLES, useMemberUsers, useProgrammeMutation, type Member, type MemberRole } from '../../api/programmes';
import { ConfirmButton, MutationError } from './shared';

const IATI_ROLES = [1, 2, 3, 4] as const;

/** Changes a membership (managers): consortium and IATI roles, dates, focal point chosen among the organization's users, planned share. */
export function MemberForm({ programmeId, member, onDone }: { programmeId: string; member: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const users = useMemberUsers(programmeId, member.id, true);
  const [values, setValues] = useState({
    role: member.role,
    iatiRole: String(member.iatiRole),
    joinedOn: member.joinedOn ?? '',
    leftOn: member.leftOn ?? '',
    focalPointUserId: member.focalPoint?.id ?? '',
    plannedShare: (member.plannedShare ?? '') as number | string,
  });
  const save = useProgrammeMutation(programmeId, () =>
    api.patch(`/api/programmes/${programmeId}/members/${member.id}`, {
      version: member.version,
      role: values.role,
      iatiRole: Number(values.iatiRole),
      joinedOn: values.joinedOn || null,
      leftOn: values.leftOn || null,
      focalPointUserId: values.focalPointUserId || null,
      plannedShare: values.plannedShare === '' ? null : Number(values.plannedShare),
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const focalChoices = (users.data?.items ?? []).map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` }));
  if (member.focalPoint && !focalChoices.some((choice) => choice.value === member.focalPoint?.id)) focalChoices.push({ value: member.focalPoint.id, label: member.focalPoint.name });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, { onSuccess: onDone });
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('programmes.consortium.role')} data={MEMBER_ROLES.map((value) => ({ value, label: t(`programme.role.${value}`) }))} value={values.role} onChange={(value) => value && setValues({ ...values, role: value as MemberRole })} allowDeselect={false} error={errors.role} data-autofocus />
        <Select
          label={t('programmes.consortium.iatiRole')}
          data={IATI_ROLES.map((value) => ({ value: String(value), label: t(`programmes.iatiRoles.${value}`) }))}
          value={values.iatiRole}
          onChange={(value) => value && setValues({ ...values, iatiRole: value })}
          allowDeselect={false}
          error={errors.iatiRole}
        />
        <Select
          label={t('programmes.consortium.focalPoint')}
          description={t('programmes.consortium.focalPointHint')}
          data={focalChoices}
          value={values.focalPointUserId || null}
          onChange={(value) => setValues({ ...values, focalPointUserId: value ?? '' })}
          clearable
          searchable
          nothingFoundMessage={t('programmes.consortium.noUsers')}
          disabled={users.isPending}
          error={errors.focalPointUserId ?? (users.isError ? t('errors.loadFailed') : undefined)}
        />
        <NumberInput label={t('programmes.budget.planned')} suffix=" %" min={0} max={100} decimalScale={2} value={values.plannedShare} onChange={(plannedShare) => setValues({ ...values, plannedShare })} error={errors.plannedShare} />
        <TextInput type="date" label={t('programmes.consortium.joinedOn')} value={values.joinedOn} onChange={(event) => setValues({ ...values, joinedOn: event.currentTarget.value })} error={errors.joinedOn} />
        <TextInput type="date" label={t('programmes.consortium.leftOn')} description={t('programmes.consortium.leftOnHint')} value={values.leftOn} onChange={(event) => setValues({ ...values, leftOn: event.currentTarget.value })} error={errors.leftOn} />
      </SimpleGrid>
      <MutationError error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('programmes.common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('programmes.common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Ends a membership today (a left date), after asking: its users lose access to the programme. */
export function EndMembership({ programmeId, member }: { programmeId: string; member: Member }) {
  const { t } = useTranslation();
  const leave = useProgrammeMutation(programmeId, () => api.patch(`/api/programmes/${programmeId}/members/${member.id}`, { version: member.version, leftOn: new Date().toISOString().slice(0, 10) }));
  return (
    <ConfirmButton
      label={t('programmes.consortium.end')}
      ariaLabel={t('programmes.consortium.endNamed', { name: member.organization.name })}
      title={t('programmes.consortium.end')}
      question={t('programmes.consortium.endQuestion', { name: member.organization.name })}
      pending={leave.isPending}
      error={leave.error}
      onConfirm={() => leave.mutate(undefined)}
    />
  );
}
