import { Alert, Button, FileInput, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadTable, type ImportReport } from '../../api/registry';
import { useErrorMessage } from '../../components/error-message';
import { usePageTitle } from '../../components/page-title';

/** Import wizard: choose a file, read the dry-run report row by row, then import all of it (or nothing). */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.import.title'));
  const messageOf = useErrorMessage();
  const [kind, setKind] = useState<'organizations' | 'people'>('organizations');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const run = useMutation({ mutationFn: ({ dryRun }: { dryRun: boolean }) => uploadTable(kind, file!, dryRun), onSuccess: setReport });
  const canImport = report?.dryRun === true && report.problems.length === 0;

  return (
    <Stack maw={1000} gap="md">
      <Title order={1}>{t('registry.import.title')}</Title>
      <Text size="sm" c="dimmed">{t(kind === 'organizations' ? 'registry.import.columnsOrganizations' : 'registry.import.columnsPeople')}</Text>
      <SegmentedControl value={kind} onChange={(value) => { setKind(value as 'organizations' | 'people'); setReport(null); }} data={[{ value: 'organizations', label: t('registry.import.organizations') }, { value: 'people', label: t('registry.import.people') }]} />
      <FileInput label={t('registry.import.file')} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" value={file} onChange={(value) => { setFile(value); setReport(null); }} clearable />
      <Group>
        <Button disabled={!file} loading={run.isPending && run.variables?.dryRun} onClick={() => run.mutate({ dryRun: true })}>{t('registry.import.check')}</Button>
        <Button disabled={!canImport} color="teal" loading={run.isPending && run.variables?.dryRun === false} onClick={() => run.mutate({ dryRun: false })}>{t('registry.import.run')}</Button>
      </Group>
      {run.error ? <Alert color="red" role="alert">{messageOf(run.error)}</Alert> : null}
      {report ? (
        <Stack gap="xs" aria-live="polite">
          <Alert color={report.problems.length > 0 ? 'red' : 'teal'} role="status">
            {report.dryRun
              ? t('registry.import.dryRunSummary', { rows: report.rows, created: report.created, updated: report.updated, problems: report.problems.length })
              : t('registry.import.doneSummary', { created: report.created, updated: report.updated })}
          </Alert>
          {[...report.problems.map((item) => ({ ...item, level: 'problem' })), ...report.warnings.map((item) => ({ ...item, level: 'warning' }))].length > 0 ? (
            <Table.ScrollContainer minWidth={500}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr><Table.Th scope="col">{t('registry.import.row')}</Table.Th><Table.Th scope="col">{t('registry.import.column')}</Table.Th><Table.Th scope="col">{t('registry.import.reason')}</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.problems.map((item, index) => <Table.Tr key={`p${index}`}><Table.Td>{item.row}</Table.Td><Table.Td>{item.column}</Table.Td><Table.Td c="red">{item.reason}</Table.Td></Table.Tr>)}
                  {report.warnings.map((item, index) => <Table.Tr key={`w${index}`}><Table.Td>{item.row}</Table.Td><Table.Td>{item.column}</Table.Td><Table.Td c="yellow.8">{item.reason}</Table.Td></Table.Tr>)}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
