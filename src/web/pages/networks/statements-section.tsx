import { Badge, Button, Group, Loader, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationOption } from '../../api/appraisal';
import { useCreateStatement, useStatements, type NetworkSummary } from '../../api/networks';
import { ErrorAlert } from '../../components/error-alert';
import { useFormat } from '../../components/use-format';
import { FormError, formErrors, OrganizationMultiPicker } from './form-bits';
import { StatementPanel } from './statement-panel';

/** Joint statements the user's organization takes part in (and every published one), and a way to start one. */
export function StatementsSection({ networks }: { networks: NetworkSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const statements = useStatements();
  const items = statements.data?.pages.flatMap((page) => page.items) ?? [];
  const [statementId, setStatementId] = useState<string | null>(null);
  const [drafting, setDrafting] = useState(false);
  return (
    <Stack gap="md" component="section" aria-labelledby="statements-heading">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} id="statements-heading">{t('networks.statements')}</Title>
        <Button variant="light" onClick={() => setDrafting(true)}>{t('networks.draft.open')}</Button>
      </Group>
      {drafting ? <DraftModal networks={networks} onClose={() => setDrafting(false)} onCreated={setStatementId} /> : null}
      {statements.error ? <ErrorAlert error={statements.error} onRetry={() => void statements.refetch()} /> : null}
      {statements.isPending ? <Loader size="sm" /> : null}
      {statements.data && items.length === 0 ? <Text c="dimmed">{t('networks.noStatements')}</Text> : null}
      {items.map((statement) => (
        <Paper key={statement.id} withBorder p="md">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={600}>{statement.title}</Text>
              <Text size="sm" c="dimmed">
                {statement.draftingOrganization.name} · {t('networks.counts', { signed: statement.signed, declined: statement.declined, invited: statement.invited })}
                {statement.publishedAt ? ` · ${t('networks.publishedOn', { date: format.date(statement.publishedAt) })}` : ''}
              </Text>
            </div>
            <Group>
              <Badge color={statement.status === 'published' ? 'teal' : 'gray'}>{t(`networks.status.${statement.status}`)}</Badge>
              <Button variant="subtle" onClick={() => setStatementId(statementId === statement.id ? null : statement.id)} aria-expanded={statementId === statement.id}>
                {statementId === statement.id ? t('networks.hide') : t('networks.read')}
              </Button>
            </Group>
          </Group>
          {statementId === statement.id ? <StatementPanel id={statement.id} /> : null}
        </Paper>
      ))}
      {statements.hasNextPage ? (
        <Button variant="default" onClick={() => void statements.fetchNextPage()} loading={statements.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}

/** Starts a draft in the name of the user's organization, optionally for a network, with co-signatories invited. */
function DraftModal({ networks, onClose, onCreated }: { networks: NetworkSummary[]; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateStatement();
  const [networkId, setNetworkId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [invite, setInvite] = useState<OrganizationOption[]>([]);
  const [missing, setMissing] = useState<{ title?: boolean; body?: boolean }>({});
  const { fields } = formErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lacking = { title: title.trim() === '', body: body.trim() === '' };
    setMissing(lacking);
    if (lacking.title || lacking.body) return;
    create.mutate(
      { networkId, title: title.trim(), body, invite: invite.map((organization) => organization.id) },
      { onSuccess: (statement) => { onCreated(statement.id); onClose(); } },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('networks.draft.title')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('networks.draft.intro')}</Text>
          <FormError error={create.error} />
          <Select
            label={t('networks.draft.network')}
            placeholder={t('networks.draft.noNetwork')}
            clearable
            data={networks.map((network) => ({ value: network.id, label: network.organization.name }))}
            value={networkId}
            onChange={setNetworkId}
            error={fields.networkId}
          />
          <TextInput label={t('networks.draft.statementTitle')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={missing.title ? t('common.required') : fields.title} />
          <Textarea label={t('networks.draft.body')} description={t('networks.draft.markdown')} required autosize minRows={8} value={body} onChange={(event) => setBody(event.currentTarget.value)} error={missing.body ? t('common.required') : fields.body} />
          <OrganizationMultiPicker label={t('networks.draft.invite')} description={t('networks.draft.inviteHint')} value={invite} onChange={setInvite} error={fields.invite ?? fields['invite.0']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('networks.draft.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
