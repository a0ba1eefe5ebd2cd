import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { INGREDIENTS, putJson, useAgreement, useMembers, useProgrammeMutation, type Agreement, type IngredientKey } from '../../api/programmes';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { useMe } from '../../api/me';
import { useProgrammeContext } from './programme-layout';
import { Loading } from './shared';

/** The agreement editor: ingredients (managers), each member's own statement, versions, sign-off, and the document. */
export function AgreementPage() {
  const { t, i18n } = useTranslation();
  const programme = useProgrammeContext();
  usePageTitle(t('programmes.tabs.agreement'));
  const agreement = useAgreement(programme.id);
  const members = useMembers(programme.id);
  const format = useFormat();
  // The layout's outlet context is the programme, so the signed-in user comes from its (cached) query.
  const me = useMe();
  const publish = useProgrammeMutation(programme.id, () => api.post(`/api/programmes/${programme.id}/agreement/versions`, { version: agreement.data?.version }));
  const sign = useProgrammeMutation(programme.id, () => api.post(`/api/programmes/${programme.id}/agreement/sign`));

  if (agreement.isPending || members.isPending) return <Loading />;
  if (agreement.isError) return <ErrorAlert error={agreement.error} onRetry={() => void agreement.refetch()} />;
  const data = agreement.data;
  const myMember = members.data?.items.find((member) => member.organization.id === programme.me.organizationId && member.active);
  const isFocalPoint = myMember?.focalPoint !== null && myMember?.focalPoint !== undefined && myMember.focalPoint.id === me.data?.user.id;
  const latest = data.versions[0];
  const documentUrl = (extension: 'html' | 'pdf', version: string) => `/api/programmes/${programme.id}/agreement.${extension}?version=${version}&lang=${i18n.language === 'fr' ? 'fr' : 'en'}`;

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4">
              {t('programmes.agreement.document')}
            </Title>
            <Text size="sm" c="dimmed">
              {latest ? t('programmes.agreement.latest', { number: latest.number, date: format.date(latest.createdAt.slice(0, 10)) }) : t('programmes.agreement.neverPublished')}
            </Text>
          </div>
          <Group gap="xs">
            <Button component="a" href={documentUrl('html', 'draft')} target="_blank" variant="default" size="xs">
              {t('programmes.agreement.viewDraft')}
            </Button>
            {latest ? (
              <>
                <Button component="a" href={documentUrl('html', String(latest.number))} target="_blank" variant="default" size="xs">
                  {t('programmes.agreement.viewPublished')}
                </Button>
                <Button component="a" href={documentUrl('pdf', String(latest.number))} target="_blank" size="xs">
                  {t('programmes.agreement.pdf')}
                </Button>
              </>
            ) : null}
            {programme.me.canManage ? (
              <Button size="xs" onClick={() => publish.mutate(undefined)} loading={publish.isPending}>
                {t('programmes.agreement.publish')}
              </Button>
            ) : null}
          </Group>
        </Group>
        {latest ? (
          <Group gap="xs" mt="sm">
            <Text size="sm">{t('programmes.agreement.signoffs')}</Text>
            {members.data?.items
              .filter((member) => member.active)
              .map((member) => {
                const signed = latest.signoffs.find((signoff) => signoff.organizationId === member.organization.id);
                return (
                  <Badge key={member.id} color={signed ? 'teal' : 'gray'} variant={signed ? 'filled' : 'outline'}>
                    {member.organization.acronym ?? member.organization.name}: {signed ? t('programmes.agreement.signed') : t('programmes.agreement.notSigned')}
                  </Badge>
                );
              })}
          </Group>
        ) : null}
        {latest && isFocalPoint ? (
          <Button mt="sm" size="xs" variant="light" onClick={() => sign.mutate(undefined)} loading={sign.isPending}>
            {t('programmes.agreement.sign', { number: latest.number })}
          </Button>
        ) : null}
        {publish.error ? <ErrorAlert error={publish.error} title={t('errors.generic')} /> : null}
        {sign.error ? <ErrorAlert error={sign.error} title={t('errors.generic')} /> : null}
      </Paper>

      {myMember ? <StatementEditor programmeId={programme.id} organizationId={programme.me.organizationId} agreement={data} /> : null}

      <Paper withBorder p="md" component="section" aria-labelledby="statements-heading">
        <Title order={2} size="h4" id="statements-heading" mb="sm">
          {t('programmes.agreement.statements')}
        </Title>
        <Stack gap="sm">
          {data.statements.length === 0 ? <Text c="dimmed">{t('programmes.agreement.noStatements')}</Text> : null}
          {data.statements.map((statement) => (
            <div key={statement.organizationId}>
              <Text fw={600}>{statement.organizationName}</Text>
              <Text size="sm">
                <Text span c="dimmed" size="sm">
                  {t('programmes.agreement.contributes')}:{' '}
                </Text>
                {statement.contributions || '—'}
              </Text>
              <Text size="sm">
                <Text span c="dimmed" size="sm">
                  {t('programmes.agreement.expects')}:{' '}
                </Text>
                {statement.expectations || '—'}
              </Text>
            </div>
          ))}
        </Stack>
      </Paper>

      <IngredientsEditor programmeId={programme.id} agreement={data} canEdit={programme.me.canManage} />
    </Stack>
  );
}

function StatementEditor({ programmeId, organizationId, agreement }: { programmeId: string; organizationId: string; agreement: Agreement }) {
  const { t } = useTranslation();
  const mine = agreement.statements.find((statement) => statement.organizationId === organizationId);
  const [contributions, setContributions] = useState(mine?.contributions ?? '');
  const [expectations, setExpectations] = useState(mine?.expectations ?? '');
  useEffect(() => {
    setContributions(mine?.contributions ?? '');
    setExpectations(mine?.expectations ?? '');
  }, [mine?.version]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useProgrammeMutation(programmeId, () => putJson(`/api/programmes/${programmeId}/agreement/statements/${organizationId}`, { version: mine?.version, contributions, expectations }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-statement-heading">
      <Title order={2} size="h4" id="my-statement-heading">
        {t('programmes.agreement.myStatement')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('programmes.agreement.myStatementHint')}
      </Text>
      <Stack gap="sm">
        <Textarea label={t('programmes.agreement.contributes')} value={contributions} onChange={(event) => setContributions(event.currentTarget.value)} autosize minRows={3} />
        <Textarea label={t('programmes.agreement.expects')} value={expectations} onChange={(event) => setExpectations(event.currentTarget.value)} autosize minRows={3} />
        <Button onClick={() => save.mutate(undefined)} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('programmes.common.save')}
        </Button>
        {save.error ? <ErrorAlert error={save.error} title={t('errors.generic')} /> : null}
      </Stack>
    </Paper>
  );
}

function IngredientsEditor({ programmeId, agreement, canEdit }: { programmeId: string; agreement: Agreement; canEdit: boolean }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<IngredientKey, string>>(() => Object.fromEntries(INGREDIENTS.map((key) => [key, agreement.ingredients[key] ?? ''])) as Record<IngredientKey, string>);
  useEffect(() => {
    setValues(Object.fromEntries(INGREDIENTS.map((key) => [key, agreement.ingredients[key] ?? ''])) as Record<IngredientKey, string>);
  }, [agreement.version]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useProgrammeMutation(programmeId, () =>
    api.patch(`/api/programmes/${programmeId}/agreement`, { version: agreement.version, ...Object.fromEntries(INGREDIENTS.map((key) => [key, values[key] || null])) }),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ingredients-heading">
      <Title order={2} size="h4" id="ingredients-heading">
        {t('programmes.agreement.ingredients')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('programmes.agreement.ingredientsHint')}
      </Text>
      <Stack gap="sm">
        {INGREDIENTS.map((key) =>
          canEdit ? (
            <Textarea key={key} label={t(`programmes.agreement.ingredient.${key}`)} value={values[key]} onChange={(event) => setValues({ ...values, [key]: event.currentTarget.value })} autosize minRows={2} />
          ) : (
            <div key={key}>
              <Text fw={600} size="sm">
                {t(`programmes.agreement.ingredient.${key}`)}
              </Text>
              <Text size="sm" c={agreement.ingredients[key] ? undefined : 'red'}>
                {agreement.ingredients[key] || t('programmes.agreement.missing')}
              </Text>
            </div>
          ),
        )}
        {canEdit ? (
          <Button onClick={() => save.mutate(undefined)} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('programmes.common.save')}
          </Button>
        ) : null}
        {save.error ? <ErrorAlert error={save.error} title={t('errors.generic')} /> : null}
      </Stack>
    </Paper>
  );
}
