import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDuplicatePairs, useMergeOrganization, type OrganizationSummary } from '../../api/registry';
import { ErrorAlert } from '../../components/error-alert';
import { useErrorMessage } from '../../components/error-message';
import { usePageTitle } from '../../components/page-title';

/** Likely duplicates, and the merge: the chosen survivor keeps every reference of the other. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.duplicates.title'));
  const pairs = useDuplicatePairs();
  const merge = useMergeOrganization();
  const messageOf = useErrorMessage();
  const [confirm, setConfirm] = useState<{ merged: OrganizationSummary; survivor: OrganizationSummary } | null>(null);
  const [done, setDone] = useState<Record<string, number> | null>(null);
  const items = pairs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack maw={1000} gap="md">
      <Title order={1}>{t('registry.duplicates.title')}</Title>
      <Text size="sm" c="dimmed">{t('registry.duplicates.intro')}</Text>
      {merge.error ? <Alert color="red" role="alert">{messageOf(merge.error)}</Alert> : null}
      {done ? (
        <Alert color="teal" role="status" title={t('registry.duplicates.merged')} withCloseButton onClose={() => setDone(null)}>
          {Object.entries(done).map(([key, count]) => <Text key={key} size="sm">{key}: {count}</Text>)}
        </Alert>
      ) : null}
      {confirm ? (
        <Paper withBorder p="md" role="dialog" aria-label={t('registry.duplicates.confirmTitle')}>
          <Text>{t('registry.duplicates.confirm', { merged: confirm.merged.name, survivor: confirm.survivor.name })}</Text>
          <Group mt="sm">
            <Button color="red" loading={merge.isPending} onClick={() => merge.mutate({ id: confirm.merged.id, into: confirm.survivor.id }, { onSuccess: (result) => { setDone(result.moved); setConfirm(null); } })}>{t('registry.duplicates.doMerge')}</Button>
            <Button variant="default" onClick={() => setConfirm(null)}>{t('common.cancel')}</Button>
          </Group>
        </Paper>
      ) : null}
      {pairs.isPending ? <Center role="status"><Loader /></Center> : pairs.isError ? <ErrorAlert error={pairs.error} onRetry={() => void pairs.refetch()} /> : items.length === 0 ? (
        <Text c="dimmed">{t('registry.duplicates.empty')}</Text>
      ) : (
        items.map((pair) => (
          <Paper key={`${pair.first.id}-${pair.second.id}`} withBorder p="sm">
            <Group justify="space-between" wrap="wrap">
              <div>
                <Text><Link to={`/organizations/${pair.first.id}`}>{pair.first.name}</Link> · <Link to={`/organizations/${pair.second.id}`}>{pair.second.name}</Link></Text>
                <Text size="xs" c="dimmed">{pair.reasons.map((reason) => t(`registry.form.reason.${reason}`)).join(', ')} · {Math.round(pair.similarity * 100)}%</Text>
              </div>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setConfirm({ merged: pair.second, survivor: pair.first })}>{t('registry.duplicates.keep', { name: pair.first.name })}</Button>
                <Button size="xs" variant="default" onClick={() => setConfirm({ merged: pair.first, survivor: pair.second })}>{t('registry.duplicates.keep', { name: pair.second.name })}</Button>
              </Group>
            </Group>
          </Paper>
        ))
      )}
      {pairs.hasNextPage ? <Button variant="default" onClick={() => void pairs.fetchNextPage()}>{t('common.loadMore')}</Button> : null}
    </Stack>
  );
}
