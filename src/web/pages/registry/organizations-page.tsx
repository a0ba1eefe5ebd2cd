import { Badge, Button, Center, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrganizations } from '../../api/registry';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { countryName, countryOptions, relationshipKeys, scopes, typeName, typeOptions } from './registry-options';

/** The directory of every organization on the instance, with search and filters. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.directory.title'));
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const [scope, setScope] = useState<string | null>(null);
  const [relationship, setRelationship] = useState<string | null>(null);
  const [debouncedQ] = useDebouncedValue(q, 250);
  const list = useOrganizations({ q: debouncedQ.trim() || undefined, type: type ?? undefined, country: country ?? undefined, scope: scope ?? undefined, relationship: relationship ?? undefined });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('registry.directory.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to="/organizations/new">{t('registry.directory.create')}</Button>
          <Button component={Link} to="/organizations/import" variant="default">{t('registry.directory.import')}</Button>
          <Button component={Link} to="/organizations/duplicates" variant="default">{t('registry.directory.duplicates')}</Button>
          <Button component="a" href="/api/organizations/export?format=xlsx" variant="subtle">{t('registry.directory.export')}</Button>
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('registry.directory.search')} placeholder={t('registry.directory.searchPlaceholder')} value={q} onChange={(event) => setQ(event.currentTarget.value)} style={{ flex: '2 1 260px' }} type="search" />
        <Select label={t('registry.fields.type')} data={typeOptions} value={type} onChange={setType} clearable searchable style={{ flex: '1 1 180px' }} />
        <Select label={t('registry.fields.country')} data={countryOptions} value={country} onChange={setCountry} clearable searchable style={{ flex: '1 1 180px' }} />
        <Select label={t('registry.fields.scope')} data={scopes.map((value) => ({ value, label: t(`registry.scopes.${value}`) }))} value={scope} onChange={setScope} clearable style={{ flex: '1 1 140px' }} />
        <Select label={t('registry.directory.relationship')} data={relationshipKeys.map((value) => ({ value, label: t(`registry.relationships.${value}`) }))} value={relationship} onChange={setRelationship} clearable style={{ flex: '1 1 160px' }} />
      </Group>
      {list.isPending ? (
        <Center role="status"><Loader aria-label={t('common.loading')} /></Center>
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('registry.directory.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('registry.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('registry.fields.identifier')}</Table.Th>
                  <Table.Th scope="col">{t('registry.fields.type')}</Table.Th>
                  <Table.Th scope="col">{t('registry.fields.country')}</Table.Th>
                  <Table.Th scope="col">{t('registry.fields.scope')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((organization) => (
                  <Table.Tr key={organization.id}>
                    <Table.Td>
                      <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
                      {organization.acronym ? <Badge variant="light" ml="xs">{organization.acronym}</Badge> : null}
                    </Table.Td>
                    <Table.Td>{organization.identifier ?? ''}</Table.Td>
                    <Table.Td>{typeName(organization.type)}</Table.Td>
                    <Table.Td>{countryName(organization.country)}</Table.Td>
                    <Table.Td>{organization.scope ? t(`registry.scopes.${organization.scope}`) : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.hasNextPage ? (
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>{t('common.loadMore')}</Button>
          ) : null}
        </>
      )}
    </Stack>
  );
}
