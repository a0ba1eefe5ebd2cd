import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api/client';
import { useBudget, useMembers, useProgrammeMutation, type Member } from '../../api/programmes';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeContext } from './programme-layout';
import { BudgetLineForm, DeleteBudgetLine } from './budget-editors';
import { DialogButton } from './plan-editors';
import { Loading, MutationError, shortName, useMoney } from './shared';

/** Budget lines per organization, totals and shares, and the comparison with planned shares. */
export function BudgetPage() {
  const { t } = useTranslation();
  const programme = useProgrammeContext();
  usePageTitle(t('programmes.tabs.budget'));
  const budget = useBudget(programme.id);
  const members = useMembers(programme.id);
  const money = useMoney(programme.currency);

  if (budget.isPending || members.isPending) return <Loading />;
  if (budget.isError) return <ErrorAlert error={budget.error} onRetry={() => void budget.refetch()} />;
  const { lines, totals, scope } = budget.data;
  const memberList = members.data?.items ?? [];
  const me = programme.me;
  const mayEdit = (organizationId: string) => me.canManage || (me.canContribute && organizationId === me.organizationId);
  const editable = lines.some((line) => mayEdit(line.organizationId));
  const chart = totals.organizations.map((row) => ({ name: row.acronym ?? row.name, actual: row.share, planned: row.plannedShare ?? 0 }));

  return (
    <Stack gap="md">
      {scope === 'own' ? (
        <Alert color="gray" title={t('programmes.budget.ownOnlyTitle')}>
          {t('programmes.budget.ownOnly')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat label={t('programmes.budget.total')} value={money(totals.total)} />
        <Stat label={t('programmes.budget.indirect')} value={money(totals.indirectCosts)} />
        <Stat label={t('programmes.budget.own')} value={money(totals.ownContribution)} />
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="shares-heading">
        <Title order={2} size="h4" id="shares-heading" mb="sm">
          {t('programmes.budget.shares')}
        </Title>
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('programmes.consortium.organization')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('programmes.budget.amount')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('programmes.budget.share')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('programmes.budget.planned')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('programmes.budget.gap')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {totals.organizations.map((row) => (
                <Table.Tr key={row.organizationId}>
                  <Table.Th scope="row" fw={400}>
                    {row.name}
                  </Table.Th>
                  <Table.Td ta="right">{money(row.amount)}</Table.Td>
                  <Table.Td ta="right">{row.share.toFixed(1)} %</Table.Td>
                  <Table.Td ta="right">{row.plannedShare === null ? '—' : `${row.plannedShare.toFixed(1)} %`}</Table.Td>
                  <Table.Td ta="right">{row.shareGap === null ? '—' : `${row.shareGap > 0 ? '+' : ''}${row.shareGap.toFixed(1)}`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {chart.length > 0 ? (
          <div style={{ width: '100%', height: 260 }} role="img" aria-label={t('programmes.budget.chartLabel')}>
            <ResponsiveContainer>
              <BarChart data={chart}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis unit="%" />
                <Tooltip />
                <Legend />
                <Bar dataKey="actual" name={t('programmes.budget.share')} fill="var(--mantine-color-teal-6)" />
                <Bar dataKey="planned" name={t('programmes.budget.planned')} fill="var(--mantine-color-gray-5)" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        ) : null}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="lines-heading">
        <Title order={2} size="h4" id="lines-heading" mb="sm">
          {t('programmes.budget.lines')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('programmes.consortium.organization')}</Table.Th>
                <Table.Th scope="col">{t('programmes.budget.category')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('programmes.budget.amount')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('programmes.budget.indirect')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('programmes.budget.own')}</Table.Th>
                {editable ? <Table.Th scope="col">{t('programmes.common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td>{shortName(memberList, line.organizationId)}</Table.Td>
                  <Table.Td>{[line.category, line.description].filter(Boolean).join(' — ')}</Table.Td>
                  <Table.Td ta="right">{money(line.amount)}</Table.Td>
                  <Table.Td ta="right">{money(line.indirectCosts)}</Table.Td>
                  <Table.Td ta="right">{line.ownContribution > 0 ? money(line.ownContribution) : ''}</Table.Td>
                  {editable ? (
                    <Table.Td>
                      {mayEdit(line.organizationId) ? (
                        <Group gap={4} wrap="nowrap">
                          <DialogButton label={t('programmes.common.edit')} ariaLabel={t('programmes.plan.editNamed', { name: line.category ?? money(line.amount) })} title={t('programmes.budget.editLine')}>
                            {(close) => <BudgetLineForm programmeId={programme.id} line={line} onDone={close} />}
                          </DialogButton>
                          <DeleteBudgetLine programmeId={programme.id} line={line} name={`${shortName(memberList, line.organizationId)} ${line.category ?? ''} ${money(line.amount)}`} />
                        </Group>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {programme.me.canContribute ? <AddLineForm programmeId={programme.id} members={memberList} canManage={programme.me.canManage} myOrganizationId={programme.me.organizationId} /> : null}
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

function AddLineForm({ programmeId, members, canManage, myOrganizationId }: { programmeId: string; members: Member[]; canManage: boolean; myOrganizationId: string }) {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string | null>(myOrganizationId);
  const [category, setCategory] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [indirect, setIndirect] = useState<number | string>('');
  const [own, setOwn] = useState(false);
  const add = useProgrammeMutation(programmeId, () =>
    api.post(`/api/programmes/${programmeId}/budget-lines`, {
      organizationId,
      category: category || null,
      amount: Number(amount),
      indirectCosts: indirect === '' ? 0 : Number(indirect),
      ownContribution: own ? Number(amount) : 0,
    }),
  );
  const choices = canManage ? members.filter((member) => member.active) : members.filter((member) => member.organization.id === myOrganizationId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(undefined, { onSuccess: () => setAmount('') });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Title order={2} size="h4" mb="sm">
        {t('programmes.budget.addLine')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select label={t('programmes.consortium.organization')} data={choices.map((member) => ({ value: member.organization.id, label: member.organization.name }))} value={organizationId} onChange={setOrganizationId} allowDeselect={false} />
        <TextInput label={t('programmes.budget.category')} value={category} onChange={(event) => setCategory(event.currentTarget.value)} />
        <NumberInput label={t('programmes.budget.amount')} value={amount} onChange={setAmount} min={0} required thousandSeparator=" " />
        <NumberInput label={t('programmes.budget.indirect')} value={indirect} onChange={setIndirect} min={0} thousandSeparator=" " />
        <Checkbox label={t('programmes.budget.ownFlag')} checked={own} onChange={(event) => setOwn(event.currentTarget.checked)} mb={8} />
        <Button type="submit" loading={add.isPending} disabled={!organizationId || amount === ''}>
          {t('programmes.plan.add')}
        </Button>
      </Group>
      <MutationError error={add.error} />
    </Paper>
  );
}
