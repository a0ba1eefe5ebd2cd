import { ActionIcon, Alert, Button, FileInput, Group, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api, fieldErrorsOf } from '../../api/client';
import { CHANNELS, postCsv, useLogMutation, type Channel, type CsvReport, type InteractionInput } from '../../api/worklog';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { organizationOptions, useLog } from './log-layout';

type Row = { date: string; from: string | null; to: string | null; channel: Channel | null; subject: string };
const today = () => new Date().toISOString().slice(0, 10);
const emptyRow = (previous?: Row): Row => ({ date: previous?.date ?? today(), from: previous?.from ?? null, to: null, channel: previous?.channel ?? 'email', subject: '' });

/** Quick entry of many interactions in a table, and CSV import with a dry run. */
export function InteractionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('worklog.interactions.title'));
  const log = useLog();
  return (
    <Stack gap="md">
      {log.me.canRecord ? <QuickEntry /> : null}
      {log.me.canRecord ? <CsvImport /> : null}
    </Stack>
  );
}

function QuickEntry() {
  const { t } = useTranslation();
  const log = useLog();
  const [rows, setRows] = useState<Row[]>(() => [emptyRow(), emptyRow(), emptyRow()]);
  const [saved, setSaved] = useState<number | null>(null);
  const save = useLogMutation(log.programmeId, (base, items: InteractionInput[]) => api.post<{ imported: number }>(`${base}/interactions/batch`, { items }));
  const errors = fieldErrorsOf(save.error);
  const organizations = organizationOptions(log);
  const filled = rows.filter((row) => row.from || row.to || row.subject);
  const update = (index: number, patch: Partial<Row>) => setRows((list) => list.map((row, position) => (position === index ? { ...row, ...patch } : row)));
  // Errors point at items of the sent list (only filled rows): map them back to table rows.
  const sentIndex = (index: number) => filled.indexOf(rows[index]!);
  const errorOf = (index: number, field: string) => errors[`items.${sentIndex(index)}.${field}`];

  const submit = () => {
    setSaved(null);
    save.mutate(
      filled.map((row) => ({ date: row.date, fromOrganizationId: row.from ?? '', toOrganizationId: row.to ?? '', channel: row.channel, subject: row.subject.trim() || null })),
      { onSuccess: (result) => { setSaved(result.imported); setRows([emptyRow(), emptyRow(), emptyRow()]); } },
    );
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">{t('worklog.interactions.quickEntry')}</Title>
        <Text size="sm" c="dimmed">{t('worklog.interactions.quickHelp')}</Text>
        {saved !== null ? <Alert color="teal" role="status">{t('worklog.interactions.saved', { count: saved })}</Alert> : null}
        {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <Table.ScrollContainer minWidth={760}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('worklog.decision.date')}</Table.Th>
                <Table.Th scope="col">{t('worklog.interactions.from')}</Table.Th>
                <Table.Th scope="col">{t('worklog.interactions.to')}</Table.Th>
                <Table.Th scope="col">{t('worklog.interactions.channel')}</Table.Th>
                <Table.Th scope="col">{t('worklog.interactions.subject')}</Table.Th>
                <Table.Th scope="col"><VisuallyHidden>{t('worklog.actions.remove')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                <Table.Tr key={index}>
                  <Table.Td><TextInput type="date" size="xs" aria-label={`${t('worklog.decision.date')} ${index + 1}`} value={row.date} onChange={(event) => update(index, { date: event.currentTarget.value })} error={errorOf(index, 'date')} /></Table.Td>
                  <Table.Td><Select size="xs" aria-label={`${t('worklog.interactions.from')} ${index + 1}`} data={organizations} value={row.from} onChange={(from) => update(index, { from })} searchable error={errorOf(index, 'fromOrganizationId')} /></Table.Td>
                  <Table.Td><Select size="xs" aria-label={`${t('worklog.interactions.to')} ${index + 1}`} data={organizations} value={row.to} onChange={(to) => update(index, { to })} searchable error={errorOf(index, 'toOrganizationId')} /></Table.Td>
                  <Table.Td><Select size="xs" aria-label={`${t('worklog.interactions.channel')} ${index + 1}`} data={CHANNELS.map((value) => ({ value, label: t(`worklog.channel.${value}`) }))} value={row.channel} onChange={(channel) => update(index, { channel: channel as Channel | null })} error={errorOf(index, 'channel')} /></Table.Td>
                  <Table.Td><TextInput size="xs" aria-label={`${t('worklog.interactions.subject')} ${index + 1}`} value={row.subject} onChange={(event) => update(index, { subject: event.currentTarget.value })} error={errorOf(index, 'subject')} /></Table.Td>
                  <Table.Td><ActionIcon variant="subtle" color="red" aria-label={`${t('worklog.actions.remove')} ${index + 1}`} onClick={() => setRows((list) => list.filter((_, position) => position !== index))}>×</ActionIcon></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button variant="subtle" onClick={() => setRows((list) => [...list, emptyRow(list.at(-1))])}>{t('worklog.actions.addRow')}</Button>
          <Button onClick={submit} loading={save.isPending} disabled={filled.length === 0}>{t('worklog.interactions.saveAll')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function CsvImport() {
  const { t } = useTranslation();
  const log = useLog();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CsvReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await postCsv(log.programmeId, await file.text(), dryRun);
      setReport(result);
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: ['worklog', log.programmeId] });
    } catch (caught) {
      setReport(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const problems = report?.problems ?? [];

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">{t('worklog.interactions.importTitle')}</Title>
        <Text size="sm" c="dimmed">{t('worklog.interactions.importHelp')}</Text>
        <FileInput label={t('worklog.interactions.file')} accept=".csv,text/csv" value={file} onChange={(next) => { setFile(next); setReport(null); }} clearable maw={420} />
        <Group>
          <Button variant="light" onClick={() => void run(true)} disabled={!file} loading={busy}>{t('worklog.interactions.check')}</Button>
          <Button onClick={() => void run(false)} disabled={!file || problems.length > 0} loading={busy}>{t('worklog.interactions.import')}</Button>
        </Group>
        {error ? <ErrorAlert error={error} /> : null}
        {report && problems.length === 0 ? (
          <Alert color="teal" role="status">{report.dryRun ? t('worklog.interactions.reportOk', { rows: report.rows }) : t('worklog.interactions.imported', { count: report.imported })}</Alert>
        ) : null}
        {problems.length > 0 ? (
          <>
            <Alert color="red" role="alert">{t('worklog.interactions.reportProblems', { count: problems.length })}</Alert>
            <Table.ScrollContainer minWidth={420}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('worklog.interactions.row')}</Table.Th>
                    <Table.Th scope="col">{t('worklog.interactions.column')}</Table.Th>
                    <Table.Th scope="col">{t('worklog.interactions.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {problems.map((problem, index) => (
                    <Table.Tr key={index}>
                      <Table.Td>{problem.row}</Table.Td>
                      <Table.Td>{problem.column ?? ''}</Table.Td>
                      <Table.Td>{problem.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
