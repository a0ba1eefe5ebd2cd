import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationSearch, type OrganizationOption } from '../../api/appraisal';
import { fieldErrorsOf } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';

/** Empty text is no value. */
export const nullIfBlank = (value: string) => (value.trim() === '' ? null : value.trim());

/** The server's field messages, and whether the failure needs a general alert (no field named). */
export function formErrors(error: unknown) {
  const fields = fieldErrorsOf(error);
  return { fields, general: Boolean(error) && Object.keys(fields).length === 0 };
}

/** A failed save that names no field, said above the form. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return formErrors(error).general ? <ErrorAlert error={error} title={t('networks.form.failed')} /> : null;
}

const labelOf = (organization: OrganizationOption) => (organization.acronym ? `${organization.name} (${organization.acronym})` : organization.name);

function useOptions(search: string, chosen: OrganizationOption[]) {
  const [debounced] = useDebouncedValue(search, 250);
  const results = useOrganizationSearch(debounced);
  const options = new Map<string, OrganizationOption>();
  for (const organization of chosen) options.set(organization.id, organization);
  for (const organization of results.data?.items ?? []) options.set(organization.id, organization);
  return options;
}

/** One organization of the registry, found by typing part of its name. */
export function OrganizationSearchPicker(props: { label: string; value: OrganizationOption | null; onChange: (value: OrganizationOption | null) => void; error?: string | undefined; required?: boolean; description?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = useOptions(search, props.value ? [props.value] : []);
  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={t('networks.form.searchOrganization')}
      nothingFoundMessage={t('networks.form.nothingFound')}
      searchable
      clearable
      required={props.required}
      data={[...options.values()].map((organization) => ({ value: organization.id, label: labelOf(organization) }))}
      value={props.value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(id) => props.onChange(id ? (options.get(id) ?? null) : null)}
      error={props.error}
    />
  );
}

/** Several organizations of the registry, found by typing part of their names. */
export function OrganizationMultiPicker(props: { label: string; value: OrganizationOption[]; onChange: (value: OrganizationOption[]) => void; error?: string | undefined; description?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = useOptions(search, props.value);
  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      placeholder={t('networks.form.searchOrganization')}
      nothingFoundMessage={t('networks.form.nothingFound')}
      searchable
      clearable
      data={[...options.values()].map((organization) => ({ value: organization.id, label: labelOf(organization) }))}
      value={props.value.map((organization) => organization.id)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(ids) => props.onChange(ids.map((id) => options.get(id)).filter((organization): organization is OrganizationOption => organization !== undefined))}
      error={props.error}
    />
  );
}
