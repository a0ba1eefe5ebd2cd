import { Badge, Button, Group, Loader, Modal, Stack, Table, Text, Textarea, TextInput, Typography } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationOption } from '../../api/appraisal';
import { useInviteSignatories, useReviseStatement, useStatement, useStatementAction, useStatementVersions, type StatementDetail } from '../../api/networks';
import { ErrorAlert } from '../../components/error-alert';
import { useFormat } from '../../components/use-format';
import { FormError, formErrors, nullIfBlank, OrganizationMultiPicker } from './form-bits';

const ANSWER_COLOR = { invited: 'gray', signed: 'teal', declined: 'red' } as const;

/** One statement: its text, signatories and answers; edit, invite, answer and publish as the user may. */
export function StatementPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const statement = useStatement(id);
  const action = useStatementAction(id);
  const [comment, setComment] = useState('');
  const [editing, setEditing] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [history, setHistory] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const versions = useStatementVersions(id, history);
  if (statement.error) return <ErrorAlert error={statement.error} />;
  const data = statement.data;
  if (!data) return <Loader size="sm" />;
  const run = (kind: 'signed' | 'declined' | 'publish') =>
    action.mutate({ kind, textVersion: data.textVersion, version: data.version, comment: nullIfBlank(comment) }, { onSuccess: () => setComment('') });
  const shownVersion = versions.data?.items.find((version) => version.number === shown);
  return (
    <Stack mt="sm" gap="sm">
      <Text size="xs" c="dimmed">{t('networks.textVersion', { number: data.textVersion })}</Text>
      <Typography>
        <div dangerouslySetInnerHTML={{ __html: data.html }} />
      </Typography>
      <Text size="sm">
        <strong>{t('networks.signatories')}:</strong>{' '}
        {data.signatories.map((signatory) => `${signatory.name} (${format.date(signatory.signedAt)})`).join(', ') || t('networks.none')}
      </Text>
      {data.invitations ? (
        <Group gap="xs">
          {data.invitations.map((invitation) => (
            <Badge key={invitation.organizationId} variant="light" color={ANSWER_COLOR[invitation.status]} title={invitation.comment ?? undefined}>
              {invitation.name}: {t(`networks.answer.${invitation.status}`)}
            </Badge>
          ))}
        </Group>
      ) : null}
      {data.invitations?.filter((invitation) => invitation.comment).map((invitation) => (
        <Text key={invitation.organizationId} size="sm" c="dimmed">
          {t('networks.commentOf', { name: invitation.name, comment: invitation.comment })}
        </Text>
      ))}
      {action.error ? <ErrorAlert error={action.error} title={t('networks.actionFailed')} /> : null}
      {data.canRespond ? (
        <TextInput label={t('networks.comment')} value={comment} onChange={(event) => setComment(event.currentTarget.value)} maw={600} />
      ) : null}
      <Group>
        {data.canRespond ? (
          <>
            <Button onClick={() => run('signed')} loading={action.isPending} disabled={data.myAnswer === 'signed'}>{t('networks.signOff')}</Button>
            <Button variant="default" onClick={() => run('declined')} loading={action.isPending} disabled={data.myAnswer === 'declined'}>{t('networks.decline')}</Button>
          </>
        ) : null}
        {data.canPublish ? (
          <Button variant="light" color="teal" onClick={() => run('publish')} loading={action.isPending} disabled={data.signatories.length === 0} title={data.signatories.length === 0 ? t('networks.publishNeedsSignOff') : undefined}>
            {t('networks.publish')}
          </Button>
        ) : null}
        {data.canEdit ? <Button variant="subtle" onClick={() => setEditing(true)}>{t('networks.revise.open')}</Button> : null}
        {data.canInvite ? <Button variant="subtle" onClick={() => setInviting(true)}>{t('networks.invite.open')}</Button> : null}
        <Button variant="subtle" onClick={() => setHistory(!history)} aria-expanded={history}>{t('networks.versions.toggle')}</Button>
      </Group>
      {data.canPublish && data.signatories.length === 0 ? <Text size="xs" c="dimmed">{t('networks.publishNeedsSignOff')}</Text> : null}
      {history ? (
        versions.error ? <ErrorAlert error={versions.error} /> : versions.data ? <VersionHistory items={versions.data.items} onShow={setShown} /> : <Loader size="sm" />
      ) : null}
      {shownVersion ? (
        <Modal opened onClose={() => setShown(null)} title={t('networks.versions.modalTitle', { number: shownVersion.number, title: shownVersion.title })} size="xl">
          <VersionText body={shownVersion.body} />
        </Modal>
      ) : null}
      {editing ? <ReviseModal statement={data} onClose={() => setEditing(false)} /> : null}
      {inviting ? <InviteModal statement={data} onClose={() => setInviting(false)} /> : null}
    </Stack>
  );
}

/** Saves a new version of the draft text; earlier sign-offs must then be given again. */
function ReviseModal({ statement, onClose }: { statement: StatementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const revise = useReviseStatement(statement.id);
  const [title, setTitle] = useState(statement.title);
  const [body, setBody] = useState(statement.body);
  const [missing, setMissing] = useState<{ title?: boolean; body?: boolean }>({});
  const { fields } = formErrors(revise.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lacking = { title: title.trim() === '', body: body.trim() === '' };
    setMissing(lacking);
    if (lacking.title || lacking.body) return;
    revise.mutate({ version: statement.version, title: title.trim(), body }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('networks.revise.title')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('networks.revise.intro')}</Text>
          <FormError error={revise.error} />
          <TextInput label={t('networks.draft.statementTitle')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={missing.title ? t('common.required') : fields.title} />
          <Textarea label={t('networks.draft.body')} description={t('networks.draft.markdown')} required autosize minRows={10} value={body} onChange={(event) => setBody(event.currentTarget.value)} error={missing.body ? t('common.required') : fields.body} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={revise.isPending}>{t('networks.revise.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Invites more organizations of the registry, competitors included, to co-sign. */
function InviteModal({ statement, onClose }: { statement: StatementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteSignatories(statement.id);
  const [chosen, setChosen] = useState<OrganizationOption[]>([]);
  const [missing, setMissing] = useState(false);
  const { fields } = formErrors(invite.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(chosen.length === 0);
    if (chosen.length === 0) return;
    invite.mutate(chosen.map((organization) => organization.id), { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('networks.invite.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={invite.error} />
          <OrganizationMultiPicker label={t('networks.draft.invite')} description={t('networks.draft.inviteHint')} value={chosen} onChange={setChosen} error={missing ? t('common.required') : (fields.organizationIds ?? fields['organizationIds.0'])} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={invite.isPending}>{t('networks.invite.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A statement's earlier texts, newest first. */
function VersionHistory({ items, onShow }: { items: Array<{ number: number; title: string; authorName: string; createdAt: string }>; onShow: (number: number) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('networks.versions.number')}</Table.Th>
            <Table.Th>{t('networks.versions.titleColumn')}</Table.Th>
            <Table.Th>{t('networks.versions.author')}</Table.Th>
            <Table.Th>{t('networks.versions.date')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...items].sort((a, b) => b.number - a.number).map((version) => (
            <Table.Tr key={version.number}>
              <Table.Td>
                <Button size="compact-sm" variant="subtle" onClick={() => onShow(version.number)} aria-label={t('networks.versions.show', { number: version.number })}>
                  {version.number}
                </Button>
              </Table.Td>
              <Table.Td>{version.title}</Table.Td>
              <Table.Td>{version.authorName}</Table.Td>
              <Table.Td>{format.dateTime(version.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Plain text of a past version (Markdown source, shown as written). */
function VersionText({ body }: { body: string }) {
  return (
    <Typography>
      <pre style={{ whiteSpace: 'pre-wrap' }}>{body}</pre>
    </Typography>
  );
}
