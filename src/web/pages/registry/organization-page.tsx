import { Alert, Anchor, Badge, Button, Center, Checkbox, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMemberships } from '../../api/networks';
import { OrganizationIatiFigures } from '../iati/organization-iati-figures';
import { useAddNote, useAddRelationship, useDeleteOrganization, useOrganizationProfile, useOrganizations, useRestoreOrganization, useUpdateNote, type OrganizationProfile } from '../../api/registry';
import { ErrorAlert } from '../../components/error-alert';
import { useErrorMessage } from '../../components/error-message';
import { usePageTitle } from '../../components/page-title';
import { countryName, relationshipTypes, typeName } from './registry-options';

/** An organization's profile: who it is, its relationships read from its side, its people, programmes and notes. */
export function OrganizationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const profile = useOrganizationProfile(id);
  usePageTitle(profile.data?.organization.name ?? t('registry.directory.title'));
  if (profile.isPending) return <Center role="status"><Loader aria-label={t('common.loading')} /></Center>;
  if (profile.isError) return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  return <Profile data={profile.data} />;
}

function Profile({ data }: { data: OrganizationProfile }) {
  const { t } = useTranslation();
  const location = useLocation();
  const warnings = (location.state as { warnings?: Array<{ message: string }> } | null)?.warnings ?? [];
  const { organization, permissions } = data;
  const remove = useDeleteOrganization();
  const restore = useRestoreOrganization();
  const messageOf = useErrorMessage();
  const fact = (label: string, value: string | null | undefined) => (value ? <Text size="sm"><Text span fw={600}>{label}: </Text>{value}</Text> : null);

  return (
    <Stack maw={1100} gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={1}>{organization.name}</Title>
          <Group gap="xs">
            {organization.acronym ? <Badge variant="light">{organization.acronym}</Badge> : null}
            {organization.deletedAt ? <Badge color="red">{t('registry.profile.deleted')}</Badge> : null}
          </Group>
        </div>
        <Group gap="xs">
          {permissions.canEdit && !organization.deletedAt ? <Button component={Link} to={`/organizations/${organization.id}/edit`}>{t('registry.profile.edit')}</Button> : null}
          {permissions.canMerge && !organization.deletedAt ? <Button component={Link} to={`/organizations/duplicates?merge=${organization.id}`} variant="default">{t('registry.profile.merge')}</Button> : null}
          {permissions.canDelete && !organization.deletedAt ? <Button color="red" variant="light" loading={remove.isPending} onClick={() => remove.mutate({ id: organization.id, version: organization.version })}>{t('registry.profile.delete')}</Button> : null}
          {organization.deletedAt && permissions.canEdit && !organization.mergedIntoId ? <Button onClick={() => restore.mutate({ id: organization.id, version: organization.version })}>{t('registry.profile.restore')}</Button> : null}
        </Group>
      </Group>
      {warnings.map((warning) => <Alert key={warning.message} color="yellow" role="status">{warning.message}</Alert>)}
      {remove.error || restore.error ? <Alert color="red" role="alert">{messageOf(remove.error ?? restore.error)}</Alert> : null}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            {fact(t('registry.fields.identifier'), organization.identifier)}
            {fact(t('registry.fields.type'), typeName(organization.type))}
            {fact(t('registry.fields.country'), countryName(organization.country))}
            {fact(t('registry.fields.scope'), organization.scope ? t(`registry.scopes.${organization.scope}`) : null)}
            {fact(t('registry.fields.otherNames'), organization.otherNames.join(', '))}
            {organization.website ? <Anchor href={organization.website} target="_blank" rel="noreferrer" size="sm">{organization.website}</Anchor> : null}
          </Stack>
          <Stack gap={4}>
            {fact(t('registry.fields.sectors'), organization.sectors.join(', '))}
            {fact(t('registry.fields.competences'), organization.competences.join(', '))}
            {fact(t('registry.fields.areasOfInfluence'), organization.areasOfInfluence.join(', '))}
            {fact(t('registry.fields.mission'), organization.mission)}
            {fact(t('registry.fields.values'), organization.values)}
            {fact(t('registry.fields.notes'), organization.notes)}
          </Stack>
        </SimpleGrid>
      </Paper>
      <Relationships data={data} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="people-heading">
          <Title order={2} size="h3" id="people-heading" mb="xs">{t('registry.profile.people')}</Title>
          {data.people.length === 0 ? <Text c="dimmed" size="sm">{t('registry.profile.noPeople')}</Text> : data.people.map((person) => (
            <Text key={person.id} size="sm"><Link to={`/people/${person.id}`}>{person.name}</Link>{person.position ? `, ${person.position}` : ''}</Text>
          ))}
          <Button component={Link} to={`/people/new?organizationId=${data.organization.id}`} variant="subtle" size="xs" mt="xs">{t('registry.people.create')}</Button>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="programmes-heading">
          <Title order={2} size="h3" id="programmes-heading" mb="xs">{t('registry.profile.programmes')}</Title>
          {data.programmes.length === 0 ? <Text c="dimmed" size="sm">{t('registry.profile.noProgrammes')}</Text> : data.programmes.map((programme) => (
            <Text key={programme.id} size="sm"><Link to={`/programmes/${programme.id}`}>{programme.title}</Link> ({programme.role})</Text>
          ))}
        </Paper>
      </SimpleGrid>
      <Memberships organizationId={data.organization.id} />
      <OrganizationIatiFigures organizationId={data.organization.id} />
      <Notes data={data} />
    </Stack>
  );
}

function Relationships({ data }: { data: OrganizationProfile }) {
  const { t } = useTranslation();
  const add = useAddRelationship();
  const messageOf = useErrorMessage();
  const [type, setType] = useState<string | null>(null);
  const [other, setOther] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const options = useOrganizations({ q: search.trim() || undefined });
  const choices = (options.data?.pages.flatMap((page) => page.items) ?? []).filter((item) => item.id !== data.organization.id).map((item) => ({ value: item.id, label: item.name }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!type || !other) return;
    add.mutate({ sourceOrganizationId: data.organization.id, targetOrganizationId: other, type }, { onSuccess: () => { setType(null); setOther(null); } });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="relationships-heading">
      <Title order={2} size="h3" id="relationships-heading" mb="xs">{t('registry.profile.relationships')}</Title>
      {data.relationships.length === 0 ? <Text c="dimmed" size="sm">{t('registry.profile.noRelationships')}</Text> : (
        <Stack gap={4}>
          {data.relationships.map((tie) => (
            <div key={tie.id}>
              <Text size="sm">{data.organization.name} <Text span fw={600}>{t(`registry.relationships.${tie.label}` as 'registry.relationships.funds')}</Text> <Link to={`/organizations/${tie.other.id}`}>{tie.other.name}</Link>{tie.startedOn ? ` (${tie.startedOn}${tie.endedOn ? ` – ${tie.endedOn}` : ''})` : ''}</Text>
              {tie.notes ? <Text size="xs" c="dimmed">{tie.notes}</Text> : null}
              {tie.annotations.map((note) => <Text key={note.id} size="xs" c="dimmed">{note.owner.name}: {note.body}</Text>)}
            </div>
          ))}
        </Stack>
      )}
      {data.permissions.canEdit ? (
        <form onSubmit={submit}>
          <Group align="flex-end" mt="sm" wrap="wrap">
            <Select label={t('registry.profile.relationshipType')} data={relationshipTypes.map((value) => ({ value, label: t(`registry.relationships.${value}`) }))} value={type} onChange={setType} style={{ flex: '1 1 180px' }} />
            <Select label={t('registry.profile.relationshipWith')} data={choices} value={other} onChange={setOther} searchable searchValue={search} onSearchChange={setSearch} filter={({ options: all }) => all} style={{ flex: '2 1 240px' }} />
            <Button type="submit" loading={add.isPending} disabled={!type || !other}>{t('registry.profile.addRelationship')}</Button>
          </Group>
          {add.error ? <Alert color="red" mt="xs" role="alert">{messageOf(add.error)}</Alert> : null}
        </form>
      ) : null}
    </Paper>
  );
}

function Notes({ data }: { data: OrganizationProfile }) {
  const { t } = useTranslation();
  const add = useAddNote();
  const update = useUpdateNote();
  const [body, setBody] = useState('');
  const [shared, setShared] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate({ organizationId: data.organization.id, body, shared }, { onSuccess: () => { setBody(''); setShared(false); } });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notes-heading">
      <Title order={2} size="h3" id="notes-heading">{t('registry.notes.title')}</Title>
      <Text size="xs" c="dimmed" mb="xs">{t('registry.notes.intro')}</Text>
      <Stack gap="xs">
        {data.notes.map((note) => (
          <Paper key={note.id} withBorder p="xs">
            <Text size="sm">{note.body}</Text>
            <Group gap="xs" justify="space-between">
              <Text size="xs" c="dimmed">{note.owner.name}{note.author ? ` · ${note.author}` : ''} · {note.shared ? t('registry.notes.shared') : t('registry.notes.private')}</Text>
              {note.mine ? <Button size="compact-xs" variant="subtle" onClick={() => update.mutate({ id: note.id, version: note.version, shared: !note.shared })}>{note.shared ? t('registry.notes.unshare') : t('registry.notes.share')}</Button> : null}
            </Group>
          </Paper>
        ))}
      </Stack>
      <form onSubmit={submit}>
        <Textarea mt="sm" label={t('registry.notes.add')} autosize minRows={2} value={body} onChange={(event) => setBody(event.currentTarget.value)} />
        <Group mt="xs">
          <Checkbox label={t('registry.notes.shareWithAll')} checked={shared} onChange={(event) => setShared(event.currentTarget.checked)} />
          <Button type="submit" size="xs" loading={add.isPending}>{t('registry.notes.save')}</Button>
        </Group>
      </form>
    </Paper>
  );
}

/** The networks and associations the organization belongs to (or belonged to), with its role in each. */
function Memberships({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const memberships = useMemberships(organizationId);
  const items = memberships.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="networks-heading">
      <Title order={2} size="h3" id="networks-heading" mb="xs">{t('registry.profile.networks')}</Title>
      {memberships.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {memberships.isError ? <Alert color="red" role="alert">{t('registry.profile.networksFailed')}</Alert> : null}
      {memberships.isSuccess && items.length === 0 ? <Text c="dimmed" size="sm">{t('registry.profile.noNetworks')}</Text> : null}
      <Stack gap={6}>
        {items.map((membership) => (
          <Group key={membership.id} gap="xs" wrap="wrap">
            <Link to={`/organizations/${membership.network.organizationId}`}>{membership.network.name}</Link>
            {membership.network.acronym ? <Text span size="sm" c="dimmed">({membership.network.acronym})</Text> : null}
            <Badge variant="light" size="sm">{t(`networks.kind.${membership.network.kind}`)}</Badge>
            <Badge variant="outline" size="sm">{t(`networks.roles.${membership.role}`)}</Badge>
            {membership.current ? null : <Badge color="gray" size="sm">{t('registry.profile.past')}</Badge>}
            <Text span size="sm" c="dimmed">
              {membership.leftOn && membership.joinedOn
                ? t('registry.profile.period', { from: membership.joinedOn, to: membership.leftOn })
                : membership.joinedOn
                  ? t('registry.profile.since', { date: membership.joinedOn })
                  : null}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
