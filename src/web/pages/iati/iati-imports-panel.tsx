import { Alert, Badge, Button, FileButton, Group, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIatiImport, useIatiImports, useUploadIati, type IatiImportStatus, type IatiSummary } from '../../api/iati';
import { ErrorAlert } from '../../components/error-alert';
import { useFormat } from '../../components/use-format';

const statusColor: Record<IatiImportStatus, string> = { queued: 'gray', running: 'blue', done: 'teal', refused: 'red', failed: 'red' };

/** Upload an IATI file, watch it import, and read past imports with their summaries. */
export function IatiImportsPanel({ canImport }: { canImport: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadIati();
  const [current, setCurrent] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const imports = useIatiImports();
  const format = useFormat();
  return (
    <Stack gap="md">
      {canImport ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text>{t('iati.upload.help')}</Text>
            <Group>
              <FileButton accept=".xml,application/xml,text/xml" onChange={(file) => file && upload.mutate(file, { onSuccess: ({ id }) => setCurrent(id) })}>
                {(props) => <Button {...props} loading={upload.isPending}>{t('iati.upload.choose')}</Button>}
              </FileButton>
            </Group>
            {upload.error ? <ErrorAlert error={upload.error} /> : null}
            {current ? <ImportProgress id={current} /> : null}
          </Stack>
        </Paper>
      ) : (
        <Text c="dimmed">{t('iati.upload.adminsOnly')}</Text>
      )}
      <Title order={2} size="h3">{t('iati.imports.title')}</Title>
      {imports.error ? <ErrorAlert error={imports.error} onRetry={() => void imports.refetch()} /> : null}
      {imports.data?.items.length === 0 ? <Text c="dimmed">{t('iati.imports.empty')}</Text> : null}
      {imports.data && imports.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('iati.imports.file')}</Table.Th>
                <Table.Th>{t('iati.imports.status')}</Table.Th>
                <Table.Th>{t('iati.imports.activities')}</Table.Th>
                <Table.Th>{t('iati.imports.warnings')}</Table.Th>
                <Table.Th>{t('iati.imports.when')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imports.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{item.fileName}</Table.Td>
                  <Table.Td><Badge color={statusColor[item.status]}>{t(`iati.status.${item.status}`)}</Badge></Table.Td>
                  <Table.Td>{item.counts?.activities ?? ''}</Table.Td>
                  <Table.Td>{item.counts ? `${item.counts.warnings} / ${item.counts.skipped}` : ''}</Table.Td>
                  <Table.Td>{format.dateTime(item.createdAt)}</Table.Td>
                  <Table.Td>
                    <Button variant="subtle" size="xs" aria-expanded={openId === item.id} onClick={() => setOpenId(openId === item.id ? null : item.id)}>
                      {t('iati.imports.details')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {openId ? <ImportProgress id={openId} /> : null}
    </Stack>
  );
}

/** An import's live progress, then its summary or why it was refused. */
function ImportProgress({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useIatiImport(id);
  const view = query.data;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!view) return <Progress value={0} animated aria-label={t('iati.progress.label')} />;
  const percent = Math.round(view.progress * 100);
  return (
    <Stack gap="xs" aria-live="polite">
      <Text fw={600}>{view.fileName}: {t(`iati.status.${view.status}`)}</Text>
      {view.status === 'queued' || view.status === 'running' ? (
        <Progress value={percent} animated aria-label={t('iati.progress.label')} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} />
      ) : null}
      {view.error ? (
        <Alert color="red" title={t('iati.refused.title')}>
          {t('iati.refused.where', { reason: view.error.reason, line: view.error.line, column: view.error.column })}
        </Alert>
      ) : null}
      {view.summary ? <SummaryView summary={view.summary} /> : null}
    </Stack>
  );
}

function SummaryView({ summary }: { summary: IatiSummary }) {
  const { t } = useTranslation();
  const p = summary.participations;
  return (
    <Stack gap="xs">
      <Text>{t('iati.summary.counts', { activities: summary.activities, transactions: summary.transactions, budgets: summary.budgets })}</Text>
      <Text>{t('iati.summary.organizations', summary.organizations)}</Text>
      <Text>{t('iati.summary.participations', p)}</Text>
      {summary.skipped.length > 0 ? (
        <>
          <Text fw={600}>{t('iati.summary.skipped', { count: summary.skipped.length })}</Text>
          <List size="sm">
            {summary.skipped.slice(0, 50).map((item, index) => (
              <List.Item key={index}>{t('iati.summary.at', { line: item.line, column: item.column })} {item.iatiIdentifier ?? ''}: {item.reason}</List.Item>
            ))}
          </List>
        </>
      ) : null}
      {summary.warnings.length > 0 ? (
        <>
          <Text fw={600}>{t('iati.summary.warnings', { count: summary.warnings.length })}</Text>
          <List size="sm">
            {summary.warnings.slice(0, 50).map((item, index) => (
              <List.Item key={index}>{t('iati.summary.at', { line: item.line, column: item.column })} &lt;{item.element}&gt;: {item.reason}</List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Stack>
  );
}
