import { Anchor, Badge, Button, Group, Loader, MultiSelect, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { useAddRecipients, useCloseRound, useProgrammeMembers, useRenewLink, useRound, useRoundProgress, type IssuedLinks, type SurveyRound } from '../../api/surveys';
import { useCurrentUser } from '../../components/current-user';
import { CopyField } from '../../components/copy-field';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';

/** The round manager: recipients, personal links to copy, and how many answered per organization. */
export function RoundPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const round = useRound(id);
  const close = useCloseRound(id);
  usePageTitle(round.data?.title ?? t('surveys.list.title'));
  const [links, setLinks] = useState<IssuedLinks['links']>([]);
  if (round.isPending) return <Loader />;
  if (round.isError) return <ErrorAlert error={round.error} />;
  const data = round.data;

  return (
    <Stack gap="lg" maw={1100}>
      <Anchor component={Link} to="/surveys" size="sm">
        ← {t('surveys.round.backToList')}
      </Anchor>
      <Title order={1}>{data.title}</Title>
      <Group gap="sm">
        <Badge variant="light">{t(`surveys.list.status.${data.status}`)}</Badge>
        <Text size="sm">{t('surveys.round.closesOn', { date: format.date(data.closesAt) })}</Text>
        <Button component={Link} to={`/surveys/rounds/${id}/results`} variant="light" size="xs">
          {t('surveys.round.viewResults')}
        </Button>
        {data.canManage && data.status !== 'closed' ? (
          <Button
            variant="default"
            size="xs"
            loading={close.isPending}
            onClick={() => {
              if (window.confirm(t('surveys.round.closeConfirm'))) close.mutate(data.version, { onSuccess: () => void round.refetch() });
            }}
          >
            {t('surveys.round.close')}
          </Button>
        ) : null}
      </Group>
      {close.isError ? <ErrorAlert error={close.error} /> : null}
      {data.canManage ? (
        <>
          <ProgressPanel round={data} onLinks={setLinks} />
          {links.length > 0 ? (
            <Paper withBorder p="md" component="section" aria-labelledby="links-heading">
              <Title order={2} size="h4" id="links-heading">
                {t('surveys.round.links')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('surveys.round.linksNote')}
              </Text>
              <Stack gap="xs">
                {links.map((link) => (
                  <CopyField key={link.recipientId} label={`${link.name} <${link.email}>`} value={link.url} />
                ))}
              </Stack>
            </Paper>
          ) : null}
          {data.status !== 'closed' ? <RecipientsForm round={data} onLinks={(issued) => setLinks((previous) => [...issued, ...previous])} /> : null}
        </>
      ) : (
        <Text size="sm">{t('surveys.round.noManage')}</Text>
      )}
    </Stack>
  );
}

function ProgressPanel({ round, onLinks }: { round: SurveyRound; onLinks: (links: IssuedLinks['links']) => void }) {
  const { t } = useTranslation();
  const progress = useRoundProgress(round.id, true);
  const renew = useRenewLink(round.id);
  if (!progress.data) return progress.isError ? <ErrorAlert error={progress.error} /> : <Loader size="sm" />;
  const data = progress.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="progress-heading">
      <Title order={2} size="h4" id="progress-heading">
        {t('surveys.round.progress')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('surveys.round.progressNote')}
      </Text>
      {data.recipients === 0 ? <Text size="sm">{t('surveys.round.noRecipients')}</Text> : null}
      <Stack gap="sm">
        {data.byOrganization.map((entry) => (
          <div key={entry.organizationId}>
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {entry.name}
              </Text>
              <Text size="sm">{t('surveys.round.answeredOf', { answered: entry.answered, recipients: entry.recipients })}</Text>
            </Group>
            <Progress value={(entry.answered / Math.max(entry.recipients, 1)) * 100} size="sm" aria-label={entry.name} />
          </div>
        ))}
      </Stack>
      {data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={520} mt="md">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('surveys.round.name')}</Table.Th>
                <Table.Th scope="col">{t('surveys.round.organization')}</Table.Th>
                <Table.Th scope="col">{t('surveys.round.answered')}</Table.Th>
                <Table.Th scope="col" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((recipient) => (
                <Table.Tr key={recipient.id}>
                  <Table.Td>
                    {recipient.name}
                    <Text size="xs" c="dimmed">
                      {recipient.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{recipient.organizationName}</Table.Td>
                  <Table.Td>{recipient.answered ? t('surveys.round.answered') : t('surveys.round.waiting')}</Table.Td>
                  <Table.Td>
                    {!recipient.answered && round.status !== 'closed' ? (
                      <Button size="compact-xs" variant="subtle" onClick={() => renew.mutate(recipient.id, { onSuccess: (issued) => onLinks(issued.links) })}>
                        {t('surveys.round.renew')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Paper>
  );
}

type Row = { email: string; name: string; organizationId: string | null; language: 'en' | 'fr' };

function RecipientsForm({ round, onLinks }: { round: SurveyRound; onLinks: (links: IssuedLinks['links']) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const members = useProgrammeMembers(round.programmeId);
  const add = useAddRecipients(round.id);
  const [rows, setRows] = useState<Row[]>([{ email: '', name: '', organizationId: null, language: 'en' }]);
  const [usersOf, setUsersOf] = useState<string[]>([]);
  const organizations = round.programmeId
    ? (members.data?.items ?? []).filter((member) => member.active).map((member) => ({ value: member.organization.id, label: member.organization.name }))
    : [{ value: me.organization.id, label: me.organization.name }];
  const errors = fieldErrorsOf(add.error);
  const update = (index: number, change: Partial<Row>) => setRows((previous) => previous.map((row, position) => (position === index ? { ...row, ...change } : row)));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recipients-heading">
      <Title order={2} size="h4" id="recipients-heading" mb="sm">
        {t('surveys.round.addRecipients')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const recipients = rows.filter((row) => row.email && row.organizationId).map((row) => ({ email: row.email, name: row.name || row.email, organizationId: row.organizationId!, language: row.language }));
          add.mutate(
            { recipients, usersOfOrganizations: usersOf },
            {
              onSuccess: (issued) => {
                onLinks(issued.links);
                setRows([{ email: '', name: '', organizationId: null, language: 'en' }]);
                setUsersOf([]);
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          {rows.map((row, index) => (
            <SimpleGrid key={index} cols={{ base: 1, sm: 4 }} spacing="xs">
              <TextInput label={t('surveys.round.email')} type="email" value={row.email} onChange={(event) => update(index, { email: event.currentTarget.value })} error={errors[`recipients.${index}.email`]} />
              <TextInput label={t('surveys.round.name')} value={row.name} onChange={(event) => update(index, { name: event.currentTarget.value })} />
              <Select label={t('surveys.round.organization')} data={organizations} value={row.organizationId} onChange={(value) => update(index, { organizationId: value })} error={errors[`recipients.${index}.organizationId`]} />
              <Select label={t('surveys.round.language')} data={[{ value: 'en', label: 'English' }, { value: 'fr', label: 'Français' }]} value={row.language} allowDeselect={false} onChange={(value) => update(index, { language: value === 'fr' ? 'fr' : 'en' })} />
            </SimpleGrid>
          ))}
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setRows((previous) => [...previous, { email: '', name: '', organizationId: null, language: 'en' }])}>
              {t('surveys.round.addRow')}
            </Button>
          </Group>
          <MultiSelect label={t('surveys.round.usersOf')} data={organizations} value={usersOf} onChange={setUsersOf} />
          {add.isError ? <ErrorAlert error={add.error} /> : null}
          <Button type="submit" loading={add.isPending} w="fit-content">
            {t('surveys.round.send')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
