import { Alert, Button, Center, Group, Loader, Paper, Select, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { useOrganizations, usePeople, usePerson, useSavePerson, type PersonDetail } from '../../api/registry';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';

/** People of every organization, searchable by name. */
export function PeoplePage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.people.title'));
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const list = usePeople({ q: debounced.trim() || undefined });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack maw={1000} gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('registry.people.title')}</Title>
        <Button component={Link} to="/people/new">{t('registry.people.create')}</Button>
      </Group>
      <TextInput type="search" label={t('registry.directory.search')} value={q} onChange={(event) => setQ(event.currentTarget.value)} />
      {list.isPending ? <Center role="status"><Loader /></Center> : list.isError ? <ErrorAlert error={list.error} /> : items.length === 0 ? <Text c="dimmed">{t('registry.people.empty')}</Text> : (
        <Table.ScrollContainer minWidth={500}>
          <Table striped>
            <Table.Thead><Table.Tr><Table.Th scope="col">{t('registry.fields.name')}</Table.Th><Table.Th scope="col">{t('registry.people.employer')}</Table.Th><Table.Th scope="col">{t('registry.people.position')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {items.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td><Link to={`/people/${person.id}`}>{person.name}</Link></Table.Td>
                  <Table.Td>{person.organization ? <Link to={`/organizations/${person.organization.id}`}>{person.organization.name}</Link> : ''}</Table.Td>
                  <Table.Td>{person.position ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage ? <Button variant="default" onClick={() => void list.fetchNextPage()}>{t('common.loadMore')}</Button> : null}
    </Stack>
  );
}

/** One person: contacts, languages and employers over time; an editor can change them. */
export function PersonPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const person = usePerson(id === 'new' ? undefined : id);
  usePageTitle(person.data?.name ?? t('registry.people.title'));
  if (id !== 'new' && person.isPending) return <Center role="status"><Loader /></Center>;
  if (person.isError) return <ErrorAlert error={person.error} />;
  return (
    <Stack maw={900} gap="md">
      {person.data ? (
        <>
          <Title order={1}>{person.data.name}</Title>
          <Paper withBorder p="md">
            <Text size="sm">{person.data.contacts.map((contact) => contact.value).join(' · ')}</Text>
            <Text size="sm">{t('registry.people.languages')}: {person.data.languages.join(', ')}</Text>
            <Title order={2} size="h4" mt="sm">{t('registry.people.history')}</Title>
            {person.data.employments.map((job, index) => (
              <Text key={index} size="sm"><Link to={`/organizations/${job.organization.id}`}>{job.organization.name}</Link>{job.position ? `, ${job.position}` : ''} ({job.startedOn ?? '?'} – {job.endedOn ?? t('registry.people.now')})</Text>
            ))}
          </Paper>
        </>
      ) : <Title order={1}>{t('registry.people.create')}</Title>}
      {!person.data || person.data.canEdit ? <PersonForm person={person.data} /> : null}
    </Stack>
  );
}

function PersonForm({ person }: { person: PersonDetail | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const save = useSavePerson();
  const [name, setName] = useState(person?.name ?? '');
  const [organizationId, setOrganizationId] = useState<string | null>(person?.organization?.id ?? params.get('organizationId'));
  const [position, setPosition] = useState(person?.position ?? '');
  const [emails, setEmails] = useState<string[]>(person?.contacts.filter((contact) => contact.kind === 'email').map((contact) => contact.value) ?? []);
  const [languages, setLanguages] = useState<string[]>(person?.languages ?? []);
  const [search, setSearch] = useState(person?.organization?.name ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const organizations = useOrganizations({ q: debounced.trim() || undefined });
  const choices = (organizations.data?.pages.flatMap((page) => page.items) ?? []).map((item) => ({ value: item.id, label: item.name }));
  if (person?.organization && !choices.some((choice) => choice.value === person.organization!.id)) choices.unshift({ value: person.organization.id, label: person.organization.name });
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { name, organizationId, position: position || null, contacts: emails.map((value) => ({ kind: 'email', value })), languages, ...(person ? { version: person.version } : {}) };
    save.mutate({ id: person?.id, input }, { onSuccess: (saved) => void navigate(`/people/${saved.id}`) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {save.error && Object.keys(errors).length === 0 ? <Alert color="red" role="alert">{(save.error as Error).message}</Alert> : null}
        <TextInput label={t('registry.fields.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors.name} />
        <Select label={t('registry.people.employer')} data={choices} value={organizationId} onChange={setOrganizationId} searchable clearable searchValue={search} onSearchChange={setSearch} filter={({ options }) => options} error={errors.organizationId} />
        <TextInput label={t('registry.people.position')} value={position} onChange={(event) => setPosition(event.currentTarget.value)} error={errors.position} />
        <TagsInput label={t('registry.people.emails')} value={emails} onChange={setEmails} error={Object.entries(errors).find(([key]) => key.startsWith('contacts'))?.[1]} />
        <TagsInput label={t('registry.people.languages')} description={t('registry.people.languagesHelp')} value={languages} onChange={setLanguages} error={Object.entries(errors).find(([key]) => key.startsWith('languages'))?.[1]} />
        <Group><Button type="submit" loading={save.isPending}>{t('common.save')}</Button></Group>
      </Stack>
    </form>
  );
}
