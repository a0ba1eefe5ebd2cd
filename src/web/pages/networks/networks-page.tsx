import { Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title, Typography } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNetwork, useNetworks, useStatement, useStatementAction, useStatements } from '../../api/networks';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';

/** Networks and associations with their members, and joint statements to sign off, decline or publish. */
export function NetworksPage() {
  const { t } = useTranslation();
  usePageTitle(t('networks.title'));
  const networks = useNetworks();
  const statements = useStatements();
  const [networkId, setNetworkId] = useState<string | null>(null);
  const [statementId, setStatementId] = useState<string | null>(null);
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('networks.title')}</Title>
      {networks.error ? <ErrorAlert error={networks.error} onRetry={() => void networks.refetch()} /> : null}
      {networks.isPending ? <Loader /> : null}
      {networks.data?.items.length === 0 ? <Text c="dimmed">{t('networks.empty')}</Text> : null}
      {networks.data?.items.map((network) => (
        <Paper key={network.id} withBorder p="md">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Title order={2} size="h4">{network.organization.name}</Title>
              <Text size="sm" c="dimmed">{t(`networks.kind.${network.kind}`)} · {t('networks.memberCount', { count: network.members })}</Text>
            </div>
            <Button variant="light" onClick={() => setNetworkId(networkId === network.id ? null : network.id)} aria-expanded={networkId === network.id}>
              {t('networks.showMembers')}
            </Button>
          </Group>
          {networkId === network.id ? <Members networkId={network.id} /> : null}
        </Paper>
      ))}
      <Title order={2}>{t('networks.statements')}</Title>
      {statements.error ? <ErrorAlert error={statements.error} /> : null}
      {statements.data?.items.length === 0 ? <Text c="dimmed">{t('networks.noStatements')}</Text> : null}
      {statements.data?.items.map((statement) => (
        <Paper key={statement.id} withBorder p="md">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={600}>{statement.title}</Text>
              <Text size="sm" c="dimmed">
                {statement.draftingOrganization.name} · {t('networks.counts', { signed: statement.signed, declined: statement.declined, invited: statement.invited })}
              </Text>
            </div>
            <Group>
              <Badge color={statement.status === 'published' ? 'teal' : 'gray'}>{t(`networks.status.${statement.status}`)}</Badge>
              <Button variant="subtle" onClick={() => setStatementId(statementId === statement.id ? null : statement.id)} aria-expanded={statementId === statement.id}>
                {t('networks.read')}
              </Button>
            </Group>
          </Group>
          {statementId === statement.id ? <Statement id={statement.id} /> : null}
        </Paper>
      ))}
    </Stack>
  );
}

function Members({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const network = useNetwork(networkId);
  if (network.error) return <ErrorAlert error={network.error} />;
  if (!network.data) return <Loader size="sm" />;
  return (
    <Table.ScrollContainer minWidth={480} mt="sm">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('networks.organization')}</Table.Th>
            <Table.Th>{t('networks.role')}</Table.Th>
            <Table.Th>{t('networks.joined')}</Table.Th>
            <Table.Th>{t('networks.left')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {network.data.memberships.map((membership) => (
            <Table.Tr key={membership.id}>
              <Table.Td>{membership.organization.name}</Table.Td>
              <Table.Td>{t(`networks.roles.${membership.role}` as 'networks.roles.member')}</Table.Td>
              <Table.Td>{membership.joinedOn ?? '—'}</Table.Td>
              <Table.Td>{membership.leftOn ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Statement({ id }: { id: string }) {
  const { t } = useTranslation();
  const statement = useStatement(id);
  const action = useStatementAction(id);
  if (statement.error) return <ErrorAlert error={statement.error} />;
  const data = statement.data;
  if (!data) return <Loader size="sm" />;
  const run = (kind: 'signed' | 'declined' | 'publish') => action.mutate({ kind, textVersion: data.textVersion, version: data.version });
  return (
    <Stack mt="sm" gap="sm">
      <Typography>
        <div dangerouslySetInnerHTML={{ __html: data.html }} />
      </Typography>
      <Text size="sm">
        <strong>{t('networks.signatories')}:</strong> {data.signatories.map((signatory) => signatory.name).join(', ') || t('networks.none')}
      </Text>
      {data.invitations ? (
        <Text size="sm" c="dimmed">
          {data.invitations.map((invitation) => `${invitation.name}: ${t(`networks.answer.${invitation.status}`)}`).join(' · ')}
        </Text>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} title={t('networks.actionFailed')} /> : null}
      <Group>
        {data.canRespond ? (
          <>
            <Button onClick={() => run('signed')} loading={action.isPending}>{t('networks.signOff')}</Button>
            <Button variant="default" onClick={() => run('declined')} loading={action.isPending}>{t('networks.decline')}</Button>
          </>
        ) : null}
        {data.canPublish ? <Button variant="light" onClick={() => run('publish')} loading={action.isPending}>{t('networks.publish')}</Button> : null}
      </Group>
    </Stack>
  );
}
