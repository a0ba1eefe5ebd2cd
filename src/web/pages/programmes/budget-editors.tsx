import { Button, Group, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrorsOf } from '../../api/client';
import { useProgrammeMutation, type BudgetLine } from '../../api/programmes';
import { ConfirmButton, MutationError } from './shared';

/** Changes a budget line, sending the version read: a line changed meanwhile answers 409 and is reloaded. */
export function BudgetLineForm({ programmeId, line, onDone }: { programmeId: string; line: BudgetLine; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ category: line.category ?? '', description: line.description ?? '', amount: line.amount as number | string, indirectCosts: line.indirectCosts as number | string, ownContribution: line.ownContribution as number | string });
  const save = useProgrammeMutation(programmeId, () =>
    api.patch(`/api/programmes/${programmeId}/budget-lines/${line.id}`, {
      version: line.version,
      category: values.category.trim() || null,
      description: values.description.trim() || null,
      amount: Number(values.amount),
      indirectCosts: values.indirectCosts === '' ? 0 : Number(values.indirectCosts),
      ownContribution: values.ownContribution === '' ? 0 : Number(values.ownContribution),
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const amount = Number(values.amount);
  const tooMuch = (value: number | string) => (value !== '' && Number(value) > amount ? t('programmes.budget.exceedsAmount') : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, { onSuccess: onDone });
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <TextInput label={t('programmes.budget.category')} value={values.category} onChange={(event) => setValues({ ...values, category: event.currentTarget.value })} error={errors.category} data-autofocus />
      <Textarea label={t('programmes.plan.description')} autosize minRows={2} value={values.description} onChange={(event) => setValues({ ...values, description: event.currentTarget.value })} error={errors.description} />
      <Group grow align="flex-start" wrap="wrap">
        <NumberInput label={t('programmes.budget.amount')} required min={0} thousandSeparator=" " value={values.amount} onChange={(amountValue) => setValues({ ...values, amount: amountValue })} error={errors.amount} />
        <NumberInput label={t('programmes.budget.indirect')} min={0} thousandSeparator=" " value={values.indirectCosts} onChange={(indirectCosts) => setValues({ ...values, indirectCosts })} error={tooMuch(values.indirectCosts) ?? errors.indirectCosts} />
        <NumberInput label={t('programmes.budget.own')} min={0} thousandSeparator=" " value={values.ownContribution} onChange={(ownContribution) => setValues({ ...values, ownContribution })} error={tooMuch(values.ownContribution) ?? errors.ownContribution} />
      </Group>
      <MutationError error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('programmes.common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending} disabled={values.amount === '' || Boolean(tooMuch(values.indirectCosts) ?? tooMuch(values.ownContribution))}>
          {t('programmes.common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Deletes a budget line after asking. */
export function DeleteBudgetLine({ programmeId, line, name }: { programmeId: string; line: BudgetLine; name: string }) {
  const { t } = useTranslation();
  const remove = useProgrammeMutation(programmeId, () => api.delete(`/api/programmes/${programmeId}/budget-lines/${line.id}`));
  return (
    <ConfirmButton
      label={t('programmes.common.delete')}
      ariaLabel={t('programmes.common.deleteNamed', { name })}
      title={t('programmes.common.delete')}
      question={t('programmes.budget.deleteQuestion', { name })}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(undefined)}
    />
  );
}
