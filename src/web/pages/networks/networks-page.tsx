import { Button, Group, Loader, Modal, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationOption } from '../../api/appraisal';
import { NETWORK_KINDS, useMarkNetwork, useNetworks, type NetworkKind } from '../../api/networks';
import { useCurrentUser } from '../../components/current-user';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { FormError, formErrors, nullIfBlank, OrganizationSearchPicker } from './form-bits';
import { Members } from './network-members';
import { StatementsSection } from './statements-section';

/** Networks and associations with their members, and joint statements drafted, signed off and published together. */
export function NetworksPage() {
  const { t } = useTranslation();
  usePageTitle(t('networks.title'));
  const networks = useNetworks();
  const [networkId, setNetworkId] = useState<string | null>(null);
  const [marking, setMarking] = useState(false);
  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('networks.title')}</Title>
        <Button onClick={() => setMarking(true)}>{t('networks.mark.open')}</Button>
      </Group>
      <MarkNetworkModal opened={marking} onClose={() => setMarking(false)} onMarked={(id) => setNetworkId(id)} />
      {networks.error ? <ErrorAlert error={networks.error} onRetry={() => void networks.refetch()} /> : null}
      {networks.isPending ? <Loader /> : null}
      {networks.data?.items.length === 0 ? <Text c="dimmed">{t('networks.empty')}</Text> : null}
      {networks.data?.items.map((network) => (
        <Paper key={network.id} withBorder p="md" component="section" aria-labelledby={`network-${network.id}`}>
          <Group justify="space-between" wrap="wrap">
            <div>
              <Title order={2} size="h4" id={`network-${network.id}`}>{network.organization.name}</Title>
              <Text size="sm" c="dimmed">{t(`networks.kind.${network.kind}`)} · {t('networks.memberCount', { count: network.members })}</Text>
              {network.description ? <Text size="sm" mt={4}>{network.description}</Text> : null}
            </div>
            <Button variant="light" onClick={() => setNetworkId(networkId === network.id ? null : network.id)} aria-expanded={networkId === network.id}>
              {t('networks.showMembers')}
            </Button>
          </Group>
          {networkId === network.id ? <Members networkId={network.id} /> : null}
        </Paper>
      ))}
      <StatementsSection networks={networks.data?.items ?? []} />
    </Stack>
  );
}

/** Marks an organization (one the user may edit) as a network or association. */
function MarkNetworkModal({ opened, onClose, onMarked }: { opened: boolean; onClose: () => void; onMarked: (networkId: string) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mark = useMarkNetwork();
  const [organization, setOrganization] = useState<OrganizationOption | null>({ id: me.organization.id, name: me.organization.name, acronym: me.organization.acronym });
  const [kind, setKind] = useState<NetworkKind>('network');
  const [description, setDescription] = useState('');
  const [missing, setMissing] = useState(false);
  const { fields } = formErrors(mark.error);
  const close = () => {
    mark.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!organization) {
      setMissing(true);
      return;
    }
    setMissing(false);
    mark.mutate({ organizationId: organization.id, kind, description: nullIfBlank(description) }, { onSuccess: (network) => { onMarked(network.id); close(); } });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('networks.mark.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('networks.mark.intro')}</Text>
          <FormError error={mark.error} />
          <OrganizationSearchPicker label={t('networks.organization')} value={organization} onChange={setOrganization} required error={missing ? t('common.required') : fields.organizationId} />
          <Select
            label={t('networks.mark.kind')}
            data={NETWORK_KINDS.map((value) => ({ value, label: t(`networks.kind.${value}`) }))}
            value={kind}
            onChange={(value) => setKind(value === 'association' ? 'association' : 'network')}
            allowDeselect={false}
            error={fields.kind}
          />
          <Textarea label={t('networks.mark.description')} autosize minRows={3} value={description} onChange={(event) => setDescription(event.currentTarget.value)} error={fields.description} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button type="submit" loading={mark.isPending}>{t('networks.mark.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
