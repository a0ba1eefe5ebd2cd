import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrganizationIatiProfile } from '../../api/iati';
import { ErrorAlert } from '../../components/error-alert';

/** An organization's figures in imported IATI data, for its profile page. */
export function OrganizationIatiFigures({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation();
  const query = useOrganizationIatiProfile(organizationId);
  if (query.error) return <ErrorAlert error={query.error} />;
  const profile = query.data;
  if (!profile || profile.activities + profile.published === 0) return null;
  const money = (value: number) =>
    profile.currency ? new Intl.NumberFormat(i18n.language, { style: 'currency', currency: profile.currency, maximumFractionDigits: 0 }).format(value) : String(Math.round(value));
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">{t('iati.profile.title')}</Title>
          <Group gap="xs">
            {profile.localActor ? <Badge color="teal">{t('iati.profile.local')}</Badge> : null}
            {profile.intermediary ? <Badge color="violet">{t('iati.profile.intermediary')}</Badge> : null}
          </Group>
        </Group>
        <Text>{t('iati.profile.activities', { activities: profile.activities, published: profile.published })}</Text>
        <Text>{t('iati.summary.participations', profile.roles)}</Text>
        <Text>{t('iati.profile.money', { received: money(profile.received), passedOn: money(profile.passedOn) })}</Text>
        {profile.funders.length > 0 ? (
          <>
            <Text fw={600}>{t('iati.profile.funders')}</Text>
            <List size="sm">{profile.funders.slice(0, 10).map((party) => <List.Item key={party.id}>{party.name}: {money(party.value)}</List.Item>)}</List>
          </>
        ) : null}
        {profile.recipients.length > 0 ? (
          <>
            <Text fw={600}>{t('iati.profile.recipients')}</Text>
            <List size="sm">{profile.recipients.slice(0, 10).map((party) => <List.Item key={party.id}>{party.name}: {money(party.value)}</List.Item>)}</List>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
