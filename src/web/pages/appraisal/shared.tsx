import { Alert, Button, Center, Group, Loader, Modal, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../../api/client';
import { useOrganizationSearch, type OrganizationOption } from '../../api/appraisal';
import { useMyProgrammes } from '../../api/programmes';
import { ErrorAlert } from '../../components/error-alert';

export type Localized = { en?: string | undefined; fr?: string | undefined };

/** Picks a text in the interface language, falling back to the other one. */
export function useLocalized() {
  const { i18n } = useTranslation();
  return (text: Localized | undefined): string => {
    if (!text) return '';
    return (i18n.language === 'fr' ? (text.fr ?? text.en) : (text.en ?? text.fr)) ?? '';
  };
}

/** Picks a list (scale labels) in the interface language, falling back to the other one. */
export function useLocalizedList() {
  const { i18n } = useTranslation();
  return (lists: { en?: string[] | undefined; fr?: string[] | undefined } | undefined): string[] =>
    (i18n.language === 'fr' ? (lists?.fr ?? lists?.en) : (lists?.en ?? lists?.fr)) ?? [];
}

/** "78.6 / 100", or a dash while there is no total. */
export function useScoreText() {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return {
    total: (value: number | null) => (value === null ? t('appraisal.common.notYet') : t('appraisal.common.outOf100', { value: number.format(value) })),
    percent: (value: number) => t('appraisal.common.percent', { value: number.format(value) }),
    plain: (value: number | null) => (value === null ? t('appraisal.common.notYet') : number.format(value)),
  };
}

const SECTIONS = [
  { to: '/appraisals', key: 'appraisals' },
  { to: '/appraisals/templates', key: 'templates' },
  { to: '/appraisals/compare', key: 'compare' },
  { to: '/appraisals/capacity', key: 'capacity' },
  { to: '/appraisals/support-plan', key: 'supportPlan' },
] as const;

/** The sections of the appraisal area: links, the current one marked. */
export function SectionNav() {
  const { t } = useTranslation();
  const location = useLocation();
  const active = [...SECTIONS].reverse().find((section) => location.pathname === section.to || location.pathname.startsWith(`${section.to}/`))?.to ?? '/appraisals';
  return (
    <Group component="nav" aria-label={t('appraisal.sections.label')} gap={4} wrap="wrap">
      {SECTIONS.map((section) => (
        <Button
          key={section.to}
          component={Link}
          to={section.to}
          size="compact-md"
          variant={section.to === active ? 'light' : 'subtle'}
          aria-current={section.to === active ? 'page' : undefined}
        >
          {t(`appraisal.sections.${section.key}`)}
        </Button>
      ))}
    </Group>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** A failed save: a version conflict gets its own sentence and a reload button. */
export function SaveError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.code === 'version_conflict') {
    return (
      <Alert color="orange" role="alert">
        {t('appraisal.common.conflict')}
        <Group mt="xs">
          <Button size="xs" variant="light" color="orange" onClick={onReload}>
            {t('appraisal.common.reload')}
          </Button>
        </Group>
      </Alert>
    );
  }
  return <ErrorAlert error={error} title={t('errors.generic')} />;
}

/** A searchable picker over the organization registry. */
export function OrganizationPicker(props: {
  label: string;
  description?: string;
  value: OrganizationOption | null;
  onChange: (organization: OrganizationOption | null) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useOrganizationSearch(debounced);
  const options = new Map<string, OrganizationOption>();
  if (props.value) options.set(props.value.id, props.value);
  for (const organization of results.data?.items ?? []) options.set(organization.id, organization);
  const labelOf = (organization: OrganizationOption) => (organization.acronym ? `${organization.name} (${organization.acronym})` : organization.name);
  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={t('appraisal.common.searchOrganization')}
      searchable
      clearable
      required={props.required}
      nothingFoundMessage={t('appraisal.common.nothingFound')}
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

/** A picker over the programmes the user's organization takes part in. */
export function ProgrammePicker(props: { label: string; description?: string; value: string | null; onChange: (id: string | null) => void; clearable?: boolean; placeholder?: string; error?: string | undefined }) {
  const programmes = useMyProgrammes();
  const items = programmes.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={props.placeholder}
      clearable={props.clearable ?? true}
      searchable
      data={items.map((programme) => ({ value: programme.id, label: programme.title }))}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    />
  );
}

export const DECISION_COLORS = { select: 'teal', 'select-with-support': 'blue', 'do-not-select': 'red' } as const;

/** A delete button that asks first, in a dialog. */
export function ConfirmDeleteButton(props: { question: string; pending: boolean; error: unknown; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpened(true)}>
        {t('appraisal.common.delete')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('appraisal.common.delete')}>
        <Text size="sm">{props.question}</Text>
        {props.error ? <ErrorAlert error={props.error} /> : null}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpened(false)}>
            {t('appraisal.common.cancel')}
          </Button>
          <Button color="red" loading={props.pending} onClick={props.onConfirm}>
            {t('appraisal.common.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
