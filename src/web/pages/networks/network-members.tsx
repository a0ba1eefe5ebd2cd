import { Badge, Button, Group, Loader, Modal, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationOption } from '../../api/appraisal';
import { MEMBERSHIP_ROLES, useAddMember, useNetwork, useUpdateMember, type Membership, type MembershipRole } from '../../api/networks';
import { ErrorAlert } from '../../components/error-alert';
import { useFormat } from '../../components/use-format';
import { FormError, formErrors, nullIfBlank, OrganizationSearchPicker } from './form-bits';

const today = () => new Date().toISOString().slice(0, 10);

/** A network's members, past and present; its managers add, change and end memberships. */
export function Members({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const network = useNetwork(networkId);
  // null: closed; 'new': adding; otherwise the membership being changed.
  const [editing, setEditing] = useState<Membership | 'new' | null>(null);
  const [ending, setEnding] = useState(false);
  if (network.error) return <ErrorAlert error={network.error} />;
  if (!network.data) return <Loader size="sm" />;
  const data = network.data;
  const open = (membership: Membership | 'new', end = false) => {
    setEnding(end);
    setEditing(membership);
  };
  return (
    <Stack gap="sm" mt="sm">
      {data.memberships.length === 0 ? <Text size="sm" c="dimmed">{t('networks.members.empty')}</Text> : null}
      {data.memberships.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('networks.organization')}</Table.Th>
                <Table.Th>{t('networks.role')}</Table.Th>
                <Table.Th>{t('networks.joined')}</Table.Th>
                <Table.Th>{t('networks.left')}</Table.Th>
                {data.canManage ? <Table.Th><VisuallyHidden>{t('networks.members.actions')}</VisuallyHidden></Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.memberships.map((membership) => (
                <Table.Tr key={membership.id}>
                  <Table.Td>
                    {membership.organization.name} {membership.current ? null : <Badge size="xs" color="gray">{t('networks.members.past')}</Badge>}
                  </Table.Td>
                  <Table.Td>{t(`networks.roles.${membership.role}`)}</Table.Td>
                  <Table.Td>{format.date(membership.joinedOn) || '—'}</Table.Td>
                  <Table.Td>{format.date(membership.leftOn) || '—'}</Table.Td>
                  {data.canManage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="subtle" onClick={() => open(membership)} aria-label={t('networks.members.editOf', { name: membership.organization.name })}>
                          {t('networks.members.edit')}
                        </Button>
                        {membership.current ? (
                          <Button size="xs" variant="subtle" color="red" onClick={() => open(membership, true)} aria-label={t('networks.members.endOf', { name: membership.organization.name })}>
                            {t('networks.members.end')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data.canManage ? (
        <Group>
          <Button variant="light" onClick={() => open('new')}>{t('networks.members.add')}</Button>
        </Group>
      ) : null}
      {editing ? <MembershipModal networkId={networkId} membership={editing === 'new' ? null : editing} ending={ending} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

/** Adds a member, or changes a membership's role and dates (ending it sets the date it was left). */
function MembershipModal({ networkId, membership, ending, onClose }: { networkId: string; membership: Membership | null; ending: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddMember(networkId);
  const update = useUpdateMember(networkId);
  const mutation = membership ? update : add;
  const [organization, setOrganization] = useState<OrganizationOption | null>(membership ? membership.organization : null);
  const [role, setRole] = useState<MembershipRole>(membership?.role ?? 'member');
  const [joinedOn, setJoinedOn] = useState(membership?.joinedOn ?? '');
  const [leftOn, setLeftOn] = useState(membership?.leftOn ?? (ending ? today() : ''));
  const [missing, setMissing] = useState(false);
  const { fields } = formErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const dates = { joinedOn: nullIfBlank(joinedOn), leftOn: nullIfBlank(leftOn) };
    if (membership) {
      update.mutate({ id: membership.id, version: membership.version, role, ...dates }, { onSuccess: onClose });
      return;
    }
    if (!organization) {
      setMissing(true);
      return;
    }
    add.mutate({ organizationId: organization.id, role, ...dates }, { onSuccess: onClose });
  };
  const title = membership ? (ending ? t('networks.members.endTitle', { name: membership.organization.name }) : t('networks.members.editTitle', { name: membership.organization.name })) : t('networks.members.add');
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={mutation.error} />
          {membership ? null : (
            <OrganizationSearchPicker label={t('networks.organization')} value={organization} onChange={setOrganization} required error={missing ? t('common.required') : fields.organizationId} />
          )}
          <Select
            label={t('networks.role')}
            data={MEMBERSHIP_ROLES.map((value) => ({ value, label: t(`networks.roles.${value}`) }))}
            value={role}
            onChange={(value) => setRole((MEMBERSHIP_ROLES.find((candidate) => candidate === value) ?? 'member'))}
            allowDeselect={false}
            error={fields.role}
          />
          <Group grow align="flex-start">
            <TextInput type="date" label={t('networks.joined')} value={joinedOn} onChange={(event) => setJoinedOn(event.currentTarget.value)} error={fields.joinedOn} />
            <TextInput type="date" label={t('networks.left')} value={leftOn} onChange={(event) => setLeftOn(event.currentTarget.value)} error={fields.leftOn} data-autofocus={ending || undefined} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending} color={ending ? 'red' : undefined}>{ending ? t('networks.members.end') : t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
