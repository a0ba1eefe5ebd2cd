import { Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useMembers, useProgrammeMutation, useTeam, type Member } from '../../api/programmes';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeContext } from './programme-layout';
import { DeleteTeamMember, TeamMemberForm } from './team-editors';
import { DialogButton } from './plan-editors';
import { Loading } from './shared';

/** The cross-organization team: each person's programme role, with their employer beside it. */
export function TeamPage() {
  const { t } = useTranslation();
  const programme = useProgrammeContext();
  usePageTitle(t('programmes.tabs.team'));
  const team = useTeam(programme.id);
  const members = useMembers(programme.id);

  const me = programme.me;
  const mayEdit = (organizationId: string) => me.canManage || (me.canContribute && organizationId === me.organizationId);
  const editable = team.data?.items.some((person) => mayEdit(person.organization.id)) ?? false;
  if (team.isPending) return <Loading />;
  if (team.isError) return <ErrorAlert error={team.error} onRetry={() => void team.refetch()} />;

  return (
    <Stack gap="md">
      {team.data.items.length === 0 ? (
        <Text c="dimmed">{t('programmes.team.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('programmes.team.name')}</Table.Th>
                <Table.Th scope="col">{t('programmes.team.role')}</Table.Th>
                <Table.Th scope="col">{t('programmes.team.employer')}</Table.Th>
                {editable ? <Table.Th scope="col">{t('programmes.common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.data.items.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Th scope="row" fw={400}>
                    <Text size="sm" fw={600}>
                      {person.name}
                    </Text>
                    {person.email ? (
                      <Text size="xs" c="dimmed">
                        {person.email}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{person.programmeRole}</Table.Td>
                  <Table.Td>
                    {person.employer?.name ?? person.organization.name}
                    {person.employer && person.employer.id !== person.organization.id ? (
                      <Text size="xs" c="dimmed">
                        {t('programmes.team.represents', { organization: person.organization.name })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {editable ? (
                    <Table.Td>
                      {mayEdit(person.organization.id) ? (
                        <Group gap={4} wrap="nowrap">
                          <DialogButton label={t('programmes.common.edit')} ariaLabel={t('programmes.plan.editNamed', { name: person.name })} title={t('programmes.team.editTitle')}>
                            {(close) => <TeamMemberForm programmeId={programme.id} person={person} onDone={close} />}
                          </DialogButton>
                          <DeleteTeamMember programmeId={programme.id} person={person} />
                        </Group>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {programme.me.canContribute ? <AddPersonForm programmeId={programme.id} members={members.data?.items ?? []} canManage={programme.me.canManage} myOrganizationId={programme.me.organizationId} /> : null}
    </Stack>
  );
}

function AddPersonForm({ programmeId, members, canManage, myOrganizationId }: { programmeId: string; members: Member[]; canManage: boolean; myOrganizationId: string }) {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string | null>(myOrganizationId);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const add = useProgrammeMutation(programmeId, () => api.post(`/api/programmes/${programmeId}/team`, { organizationId, name, programmeRole: role }));
  const choices = canManage ? members.filter((member) => member.active) : members.filter((member) => member.organization.id === myOrganizationId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(undefined, {
      onSuccess: () => {
        setName('');
        setRole('');
      },
    });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Title order={2} size="h4" mb="sm">
        {t('programmes.team.add')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select label={t('programmes.consortium.organization')} data={choices.map((member) => ({ value: member.organization.id, label: member.organization.name }))} value={organizationId} onChange={setOrganizationId} allowDeselect={false} />
        <TextInput label={t('programmes.team.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} />
        <TextInput label={t('programmes.team.role')} required value={role} onChange={(event) => setRole(event.currentTarget.value)} />
        <Button type="submit" loading={add.isPending} disabled={!organizationId || !name || !role}>
          {t('programmes.plan.add')}
        </Button>
      </Group>
      {add.error ? <ErrorAlert error={add.error} title={t('errors.generic')} /> : null}
    </Paper>
  );
}
