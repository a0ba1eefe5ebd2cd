import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { OrganizationOption } from '../../api/appraisal';
import { MEMBER_ROLES, useMembers, useProgrammeMutation, type Member, type MemberRole } from '../../api/programmes';
import { CopyField } from '../../components/copy-field';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { OrganizationPicker } from '../appraisal/shared';
import { useProgrammeContext } from './programme-layout';
import { EndMembership, MemberForm } from './member-editors';
import { DialogButton } from './plan-editors';
import { Loading, MutationError } from './shared';

/** The consortium: members with their roles, focal points and dates; managers add, end and invite. */
export function ConsortiumPage() {
  const { t } = useTranslation();
  const programme = useProgrammeContext();
  usePageTitle(t('programmes.tabs.consortium'));
  const members = useMembers(programme.id);
  const format = useFormat();

  if (members.isPending) return <Loading />;
  if (members.isError) return <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />;

  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('programmes.consortium.organization')}</Table.Th>
              <Table.Th scope="col">{t('programmes.consortium.role')}</Table.Th>
              <Table.Th scope="col">{t('programmes.consortium.iatiRole')}</Table.Th>
              <Table.Th scope="col">{t('programmes.consortium.focalPoint')}</Table.Th>
              <Table.Th scope="col">{t('programmes.consortium.dates')}</Table.Th>
              {programme.me.canManage ? <Table.Th scope="col">{t('programmes.common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.items.map((member) => (
              <Table.Tr key={member.id} style={member.active ? undefined : { opacity: 0.6 }}>
                <Table.Th scope="row" fw={400}>
                  <Text size="sm" fw={600}>
                    {member.organization.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[member.organization.acronym, member.organization.country ? format.country(member.organization.country) : null].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <Badge variant="light">{t(`programme.role.${member.role}`)}</Badge>
                </Table.Td>
                <Table.Td>{t(`programmes.iatiRoles.${member.iatiRole}` as 'programmes.iatiRoles.1')}</Table.Td>
                <Table.Td>
                  {member.focalPoint?.name ?? t('common.notSet')}
                  {member.plannedShare !== null ? (
                    <Text size="xs" c="dimmed">
                      {t('programmes.consortium.plannedShare', { share: member.plannedShare })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {format.date(member.joinedOn) || '…'} – {member.leftOn ? format.date(member.leftOn) : t('programmes.consortium.ongoing')}
                </Table.Td>
                {programme.me.canManage ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <DialogButton label={t('programmes.common.edit')} ariaLabel={t('programmes.plan.editNamed', { name: member.organization.name })} title={t('programmes.consortium.editTitle', { name: member.organization.name })}>
                        {(close) => <MemberForm programmeId={programme.id} member={member} onDone={close} />}
                      </DialogButton>
                      {member.active ? <EndMembership programmeId={programme.id} member={member} /> : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {programme.me.canManage ? (
        <>
          <AddMemberForm programmeId={programme.id} />
          <InviteForm programmeId={programme.id} members={members.data.items} />
        </>
      ) : null}
    </Stack>
  );
}

function AddMemberForm({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const [organization, setOrganization] = useState<OrganizationOption | null>(null);
  const [role, setRole] = useState<MemberRole>('partner');
  const add = useProgrammeMutation(programmeId, () => api.post(`/api/programmes/${programmeId}/members`, { organizationId: organization?.id, role }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(undefined, { onSuccess: () => setOrganization(null) });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Title order={2} size="h4" mb="sm">
        {t('programmes.consortium.addTitle')}
      </Title>
      <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
        <OrganizationPicker label={t('programmes.consortium.organization')} value={organization} onChange={setOrganization} required />
        <Select label={t('programmes.consortium.role')} data={MEMBER_ROLES.map((value) => ({ value, label: t(`programme.role.${value}`) }))} value={role} onChange={(value) => value && setRole(value as MemberRole)} allowDeselect={false} />
        <Button type="submit" loading={add.isPending} disabled={!organization}>
          {t('programmes.consortium.add')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {t('programmes.consortium.addHint')}
      </Text>
      <MutationError error={add.error} />
    </Paper>
  );
}

function InviteForm({ programmeId, members }: { programmeId: string; members: Member[] }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<'member' | 'observer'>('member');
  const [memberOrganization, setMemberOrganization] = useState<string | null>(null);
  const [observerOrganization, setObserverOrganization] = useState<OrganizationOption | null>(null);
  const organizationId = kind === 'member' ? memberOrganization : (observerOrganization?.id ?? null);
  const invite = useProgrammeMutation(programmeId, () =>
    api.post<{ link: string | null; grantedDirectly: boolean }>(`/api/programmes/${programmeId}/invitations`, { email, organizationId, programmeRole: kind }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(undefined);
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Title order={2} size="h4" mb="sm">
        {t('programmes.consortium.inviteTitle')}
      </Title>
      <Stack gap="sm">
        <Select
          label={t('programmes.consortium.inviteKind')}
          data={[
            { value: 'member', label: t('programmes.consortium.inviteMember') },
            { value: 'observer', label: t('programmes.consortium.inviteObserver') },
          ]}
          value={kind}
          onChange={(value) => value && setKind(value as 'member' | 'observer')}
          allowDeselect={false}
        />
        <TextInput type="email" label={t('programmes.consortium.email')} required value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
        {kind === 'member' ? (
          <Select
            label={t('programmes.consortium.organization')}
            required
            data={members.filter((member) => member.active).map((member) => ({ value: member.organization.id, label: member.organization.name }))}
            value={memberOrganization}
            onChange={setMemberOrganization}
          />
        ) : (
          <OrganizationPicker label={t('programmes.consortium.organization')} value={observerOrganization} onChange={setObserverOrganization} required />
        )}
        <Button type="submit" loading={invite.isPending} disabled={!email || !organizationId} style={{ alignSelf: 'flex-start' }}>
          {t('programmes.consortium.invite')}
        </Button>
        {invite.data?.link ? <CopyField label={t('programmes.consortium.inviteLink')} value={invite.data.link} /> : null}
        {invite.data?.grantedDirectly ? <Text size="sm">{t('programmes.consortium.grantedDirectly')}</Text> : null}
        {invite.error ? <ErrorAlert error={invite.error} title={t('errors.generic')} /> : null}
      </Stack>
    </Paper>
  );
}
