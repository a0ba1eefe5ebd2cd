import { Alert, Button, Center, Group, List, Loader, Select, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { useDuplicateCandidates, useOrganizationProfile, useSaveOrganization, type Organization, type OrganizationInput } from '../../api/registry';
import { ErrorAlert } from '../../components/error-alert';
import { useErrorMessage } from '../../components/error-message';
import { usePageTitle } from '../../components/page-title';
import { countryOptions, scopes, typeOptions } from './registry-options';

type FormState = {
  name: string; acronym: string; otherNames: string[]; identifier: string; type: string | null; country: string | null; scope: string | null;
  sectors: string[]; competences: string[]; areasOfInfluence: string[]; mission: string; values: string; website: string; notes: string;
};

const empty: FormState = { name: '', acronym: '', otherNames: [], identifier: '', type: null, country: null, scope: null, sectors: [], competences: [], areasOfInfluence: [], mission: '', values: '', website: '', notes: '' };

function fromOrganization(organization: Organization): FormState {
  return {
    name: organization.name, acronym: organization.acronym ?? '', otherNames: organization.otherNames, identifier: organization.identifier ?? '', type: organization.type, country: organization.country, scope: organization.scope,
    sectors: organization.sectors, competences: organization.competences, areasOfInfluence: organization.areasOfInfluence, mission: organization.mission ?? '', values: organization.values ?? '', website: organization.website ?? '', notes: organization.notes ?? '',
  };
}

/** Create or edit an organization profile; before creating, organizations that look the same are shown. */
export function OrganizationFormPage() {
  const { id } = useParams();
  const profile = useOrganizationProfile(id);
  if (id && profile.isPending) return <Center role="status"><Loader /></Center>;
  if (id && profile.isError) return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  return <OrganizationForm organization={profile.data?.organization} />;
}

function OrganizationForm({ organization }: { organization: Organization | undefined }) {
  const { t } = useTranslation();
  usePageTitle(organization ? t('registry.form.editTitle', { name: organization.name }) : t('registry.form.createTitle'));
  const navigate = useNavigate();
  const save = useSaveOrganization();
  const messageOf = useErrorMessage();
  const [form, setForm] = useState<FormState>(organization ? fromOrganization(organization) : empty);
  const [nameError, setNameError] = useState<string | undefined>();
  useEffect(() => setNameError(undefined), [form.name]);
  const [debounced] = useDebouncedValue({ name: form.name, identifier: form.identifier }, 400);
  const duplicates = useDuplicateCandidates({ ...debounced, ...(organization ? { excludeId: organization.id } : {}) });
  const candidates = duplicates.data?.items ?? [];
  const errors = fieldErrorsOf(save.error);
  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]) => setForm((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.name.trim()) {
      setNameError(t('common.required'));
      return;
    }
    const input: OrganizationInput = {
      ...form,
      acronym: form.acronym || null, identifier: form.identifier || null, mission: form.mission || null, values: form.values || null, website: form.website || null, notes: form.notes || null,
      scope: (form.scope as Organization['scope']) ?? null,
      ...(organization ? { version: organization.version } : {}),
    };
    save.mutate({ id: organization?.id, input }, { onSuccess: (saved) => void navigate(`/organizations/${saved.id}`, { state: { warnings: saved.warnings } }) });
  };

  return (
    <Stack maw={900} gap="md">
      <Title order={1}>{organization ? t('registry.form.editTitle', { name: organization.name }) : t('registry.form.createTitle')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.error && Object.keys(errors).length === 0 ? <Alert color="red" role="alert">{messageOf(save.error)}</Alert> : null}
          <TextInput label={t('registry.fields.name')} required value={form.name} onChange={(event) => set('name')(event.currentTarget.value)} error={nameError ?? errors.name} />
          {candidates.length > 0 ? (
            <Alert color="yellow" role="status" title={t('registry.form.duplicatesTitle')}>
              <Text size="sm">{t('registry.form.duplicatesIntro')}</Text>
              <List size="sm" mt="xs">
                {candidates.map((candidate) => (
                  <List.Item key={candidate.organization.id}>
                    <Link to={`/organizations/${candidate.organization.id}`}>{candidate.organization.name}</Link>
                    {' '}({candidate.reasons.map((reason) => t(`registry.form.reason.${reason}`)).join(', ')})
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('registry.fields.acronym')} value={form.acronym} onChange={(event) => set('acronym')(event.currentTarget.value)} error={errors.acronym} />
            <TextInput label={t('registry.fields.identifier')} description={t('registry.form.identifierHelp')} value={form.identifier} onChange={(event) => set('identifier')(event.currentTarget.value)} error={errors.identifier} />
          </Group>
          <TagsInput label={t('registry.fields.otherNames')} value={form.otherNames} onChange={set('otherNames')} error={errors.otherNames} />
          <Group grow align="flex-start" wrap="wrap">
            <Select label={t('registry.fields.type')} data={typeOptions} value={form.type} onChange={set('type')} clearable searchable error={errors.type} />
            <Select label={t('registry.fields.country')} data={countryOptions} value={form.country} onChange={set('country')} clearable searchable error={errors.country} />
            <Select label={t('registry.fields.scope')} data={scopes.map((value) => ({ value, label: t(`registry.scopes.${value}`) }))} value={form.scope} onChange={set('scope')} clearable error={errors.scope} />
          </Group>
          <TagsInput label={t('registry.fields.sectors')} description={t('registry.form.sectorsHelp')} value={form.sectors} onChange={set('sectors')} error={Object.entries(errors).find(([key]) => key.startsWith('sectors'))?.[1]} />
          <TagsInput label={t('registry.fields.competences')} value={form.competences} onChange={set('competences')} />
          <TagsInput label={t('registry.fields.areasOfInfluence')} value={form.areasOfInfluence} onChange={set('areasOfInfluence')} />
          <Textarea label={t('registry.fields.mission')} autosize minRows={2} value={form.mission} onChange={(event) => set('mission')(event.currentTarget.value)} error={errors.mission} />
          <Textarea label={t('registry.fields.values')} autosize minRows={2} value={form.values} onChange={(event) => set('values')(event.currentTarget.value)} error={errors.values} />
          <TextInput label={t('registry.fields.website')} type="url" value={form.website} onChange={(event) => set('website')(event.currentTarget.value)} error={errors.website} />
          <Textarea label={t('registry.fields.notes')} description={t('registry.form.notesHelp')} autosize minRows={2} value={form.notes} onChange={(event) => set('notes')(event.currentTarget.value)} error={errors.notes} />
          <Group>
            <Button type="submit" loading={save.isPending}>{organization ? t('common.save') : t('registry.form.create')}</Button>
            <Button variant="default" onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
