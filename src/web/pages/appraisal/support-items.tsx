import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/client';
import { useAddSupportItem, useCapacityFramework, useUpdateSupportItem, type OrganizationOption, type SupportItem, type SupportItemStatus } from '../../api/appraisal';
import { ErrorAlert } from '../../components/error-alert';
import { useFormat } from '../../components/use-format';
import { OrganizationPicker, useLocalized } from './shared';

export const STATUSES: SupportItemStatus[] = ['planned', 'in-progress', 'done', 'cancelled'];
const STATUS_COLORS: Record<SupportItemStatus, string> = { planned: 'gray', 'in-progress': 'blue', done: 'teal', cancelled: 'dark' };

export function StatusBadge({ status }: { status: SupportItemStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`appraisal.support.statusValues.${status}`)}
    </Badge>
  );
}

/** A status the item's makers can change in place; others see a badge. */
export function StatusControl({ item }: { item: SupportItem }) {
  const { t } = useTranslation();
  const update = useUpdateSupportItem();
  if (!item.canEdit) return <StatusBadge status={item.status} />;
  return (
    <Select
      aria-label={t('appraisal.support.status')}
      size="xs"
      w={150}
      data={STATUSES.map((status) => ({ value: status, label: t(`appraisal.support.statusValues.${status}`) }))}
      value={item.status}
      allowDeselect={false}
      disabled={update.isPending}
      error={update.error ? true : undefined}
      onChange={(status) => status && update.mutate({ id: item.id, version: item.version, status: status as SupportItemStatus })}
    />
  );
}

/** The items of one support plan, as a table. */
export function SupportItemsTable({ items, showSubject = false }: { items: SupportItem[]; showSubject?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const framework = useCapacityFramework();
  const localized = useLocalized();
  const domainTitle = (key: string | null) => (key ? localized(framework.data?.domains.find((domain) => domain.key === key)?.title) || key : '');
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table verticalSpacing="xs" miw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('appraisal.support.description')}</Table.Th>
            {showSubject ? <Table.Th scope="col">{t('appraisal.support.about')}</Table.Th> : null}
            <Table.Th scope="col">{t('appraisal.support.owner')}</Table.Th>
            <Table.Th scope="col">{t('appraisal.support.dueOn')}</Table.Th>
            <Table.Th scope="col">{t('appraisal.support.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Text size="sm">{item.description}</Text>
                {item.domainKey ? (
                  <Text size="xs" c="dimmed">
                    {domainTitle(item.domainKey)}
                  </Text>
                ) : null}
              </Table.Td>
              {showSubject ? (
                <Table.Td>
                  <Text size="sm">{item.subject?.name}</Text>
                  <Text size="xs" c="dimmed">
                    {item.parent.kind === 'appraisal' ? t('appraisal.support.fromAppraisal') : t('appraisal.support.fromAssessment')}
                  </Text>
                </Table.Td>
              ) : null}
              <Table.Td>
                <Text size="sm">{[item.ownerPerson, item.ownerOrganization?.name].filter(Boolean).join(', ')}</Text>
              </Table.Td>
              <Table.Td>{format.date(item.dueOn)}</Table.Td>
              <Table.Td>
                <StatusControl item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** The support plan of an appraisal or an assessment, with a form to add to it for its makers. */
export function SupportPlanSection(props: { parent: { kind: 'appraisal' | 'assessment'; id: string }; items: SupportItem[]; editable: boolean; defaultOwners: OrganizationOption[] }) {
  const { t } = useTranslation();
  const framework = useCapacityFramework();
  const localized = useLocalized();
  const add = useAddSupportItem(props.parent);
  const [description, setDescription] = useState('');
  const [domainKey, setDomainKey] = useState<string | null>(null);
  const [owner, setOwner] = useState<OrganizationOption | null>(props.defaultOwners[0] ?? null);
  const [ownerPerson, setOwnerPerson] = useState('');
  const [dueOn, setDueOn] = useState('');
  const errors = fieldErrorsOf(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { description, domainKey, ownerOrganizationId: owner?.id ?? null, ownerPerson: ownerPerson || null, dueOn: dueOn || null },
      {
        onSuccess: () => {
          setDescription('');
          setOwnerPerson('');
          setDueOn('');
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`support-${props.parent.id}`}>
      <Title order={2} size="h4" id={`support-${props.parent.id}`} mb="sm">
        {t('appraisal.support.title')}
      </Title>
      {props.items.length === 0 ? <Text c="dimmed" size="sm">{t('appraisal.support.empty')}</Text> : <SupportItemsTable items={props.items} />}
      {props.editable ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs" mt="md">
            <Text fw={600} size="sm">
              {t('appraisal.support.add')}
            </Text>
            <TextInput label={t('appraisal.support.description')} required value={description} onChange={(event) => setDescription(event.currentTarget.value)} error={errors.description} />
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label={t('appraisal.support.domain')}
                data={[{ value: '', label: t('appraisal.support.noDomain') }, ...(framework.data?.domains ?? []).map((domain) => ({ value: domain.key, label: localized(domain.title) }))]}
                value={domainKey ?? ''}
                onChange={(value) => setDomainKey(value || null)}
                miw={200}
              />
              <TextInput label={t('appraisal.support.dueOn')} type="date" value={dueOn} onChange={(event) => setDueOn(event.currentTarget.value)} error={errors.dueOn} miw={160} />
            </Group>
            <Group grow align="flex-start" wrap="wrap">
              <OrganizationPicker label={t('appraisal.support.ownerOrganization')} value={owner} onChange={setOwner} error={errors.ownerOrganizationId} />
              <TextInput label={t('appraisal.support.ownerPerson')} description={t('appraisal.support.ownerHint')} value={ownerPerson} onChange={(event) => setOwnerPerson(event.currentTarget.value)} error={errors.ownerPerson} miw={200} />
            </Group>
            {add.error && Object.keys(errors).length === 0 ? <ErrorAlert error={add.error} /> : null}
            <Button type="submit" variant="light" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('appraisal.support.add')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Paper>
  );
}
