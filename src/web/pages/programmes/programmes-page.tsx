import { Alert, Badge, Button, Card, FileInput, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fieldErrorsOf, isApiError } from '../../api/client';
import { useCreateProgramme, useImportBundle, useMyProgrammes } from '../../api/programmes';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { Loading } from './shared';

/** Every programme the user takes part in, with creating one and importing a bundle. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  usePageTitle(t('programmes.list.title'));
  const programmes = useMyProgrammes();
  const format = useFormat();
  const [createOpen, create] = useDisclosure(false);
  const [importOpen, importing] = useDisclosure(false);
  const items = programmes.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between">
        <Title order={1}>{t('programmes.list.title')}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={importing.open}>
            {t('programmes.import.button')}
          </Button>
          <Button onClick={create.open}>{t('programmes.create.button')}</Button>
        </Group>
      </Group>
      {programmes.isPending ? (
        <Loading />
      ) : programmes.isError ? (
        <ErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('programmes.list.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((programme) => (
            <Card key={programme.id} withBorder component="li">
              <Title order={2} size="h5">
                <Link to={`/programmes/${programme.id}`} style={{ color: 'inherit' }}>
                  {programme.title}
                </Link>
              </Title>
              <Group gap="xs" mt={4}>
                <Text size="xs" c="dimmed">
                  {programme.ref}
                </Text>
                <Badge variant="light">{t(`programme.status.${programme.status}`)}</Badge>
              </Group>
              <Text size="sm" mt="xs">
                {programme.lead?.name ?? t('programme.noLead')} · {programme.countries.map(format.country).join(', ')}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {programmes.hasNextPage ? (
        <Button variant="default" onClick={() => void programmes.fetchNextPage()} loading={programmes.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      ) : null}
      <Modal opened={createOpen} onClose={create.close} title={t('programmes.create.title')}>
        <CreateProgrammeForm onDone={create.close} />
      </Modal>
      <Modal opened={importOpen} onClose={importing.close} title={t('programmes.import.title')}>
        <ImportBundleForm />
      </Modal>
    </Stack>
  );
}

function CreateProgrammeForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createProgramme = useCreateProgramme();
  const [values, setValues] = useState({ ref: '', title: '', summary: '', startDate: '', endDate: '', currency: 'EUR', countries: '' });
  const errors = fieldErrorsOf(createProgramme.error);
  const set = (field: keyof typeof values) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [field]: event.currentTarget.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    createProgramme.mutate(
      {
        ref: values.ref,
        title: values.title,
        summary: values.summary || null,
        startDate: values.startDate || null,
        endDate: values.endDate || null,
        currency: values.currency.toUpperCase(),
        countries: values.countries.split(/[\s,]+/).filter(Boolean).map((code) => code.toUpperCase()),
      },
      {
        onSuccess: (programme) => {
          onDone();
          void navigate(`/programmes/${programme.id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('programmes.create.intro')}
        </Text>
        <TextInput label={t('programmes.fields.ref')} required value={values.ref} onChange={set('ref')} error={errors.ref} />
        <TextInput label={t('programmes.fields.title')} required value={values.title} onChange={set('title')} error={errors.title} />
        <Textarea label={t('programmes.fields.summary')} value={values.summary} onChange={set('summary')} autosize minRows={2} />
        <Group grow>
          <TextInput type="date" label={t('programmes.fields.startDate')} value={values.startDate} onChange={set('startDate')} error={errors.startDate} />
          <TextInput type="date" label={t('programmes.fields.endDate')} value={values.endDate} onChange={set('endDate')} error={errors.endDate} />
        </Group>
        <Group grow>
          <TextInput label={t('programmes.fields.currency')} value={values.currency} onChange={set('currency')} error={errors.currency} maxLength={3} />
          <TextInput label={t('programmes.fields.countries')} description={t('programmes.fields.countriesHint')} value={values.countries} onChange={set('countries')} error={errors['countries.0']} />
        </Group>
        {createProgramme.error && Object.keys(errors).length === 0 ? <ErrorAlert error={createProgramme.error} title={t('errors.generic')} /> : null}
        <Button type="submit" loading={createProgramme.isPending}>
          {t('programmes.create.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function ImportBundleForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const importBundle = useImportBundle();
  const [fileError, setFileError] = useState<string | null>(null);

  const choose = async (file: File | null) => {
    setFileError(null);
    if (!file) return;
    let bundle: unknown;
    try {
      bundle = JSON.parse(await file.text());
    } catch {
      setFileError(t('programmes.import.notJson'));
      return;
    }
    importBundle.mutate(bundle, { onSuccess: (result) => void navigate(`/programmes/${result.id}`) });
  };

  const details = isApiError(importBundle.error) ? importBundle.error.details : [];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('programmes.import.intro')}
      </Text>
      <FileInput label={t('programmes.import.file')} accept="application/json,.json" onChange={(file) => void choose(file)} error={fileError} clearable />
      {importBundle.isPending ? <Loading /> : null}
      {importBundle.error ? (
        <Alert color="red" title={t('programmes.import.refused')} role="alert">
          {details.length === 0 ? importBundle.error.message : null}
          <ul>
            {details.slice(0, 50).map((detail, index) => (
              <li key={index}>
                <code>{detail.pointer || '/'}</code> {detail.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </Stack>
  );
}
