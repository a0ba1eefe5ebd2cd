import { Alert, Button, Center, Group, Loader, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useOutletContext, useParams } from 'react-router';
import { useLogParticipants, type LogParticipants } from '../../api/worklog';
import { ErrorAlert } from '../../components/error-alert';

export type LogContextValue = LogParticipants & {
  programmeId: string;
  /** The acronym (else name) of an organization of the programme. */
  orgName: (organizationId: string | null | undefined) => string;
  personName: (userId: string) => string;
};

const SECTIONS = ['', 'decisions', 'interactions', 'learning', 'mine'] as const;
const LABELS = { '': 'timeline', decisions: 'decisions', interactions: 'interactions', learning: 'learning', mine: 'mine' } as const;

/** The log's people and organizations, for every page of the working log. */
export function useLog(): LogContextValue {
  return useOutletContext<LogContextValue>();
}

/** The working log of one programme: a sub-navigation, the record buttons, and the chosen page. */
export function LogLayout() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const participants = useLogParticipants(programmeId);
  const location = useLocation();
  const navigate = useNavigate();
  const base = `/programmes/${programmeId}/log`;
  const section = location.pathname.slice(base.length).replace(/^\//, '').split('/')[0] ?? '';
  const current = (SECTIONS as readonly string[]).includes(section) ? section : '';

  if (participants.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (participants.isError) return <ErrorAlert error={participants.error} onRetry={() => void participants.refetch()} />;
  const data = participants.data;
  const names = new Map(data.organizations.map((organization) => [organization.id, organization.acronym ?? organization.name]));
  const people = new Map(data.users.map((user) => [user.id, user.name]));
  const value: LogContextValue = {
    ...data,
    programmeId,
    orgName: (organizationId) => (organizationId ? (names.get(organizationId) ?? organizationId.slice(0, 8)) : ''),
    personName: (userId) => people.get(userId) ?? userId.slice(0, 8),
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label={t('worklog.nav.label')}
          value={current}
          onChange={(next) => navigate(next ? `${base}/${next}` : base)}
          data={SECTIONS.map((entry) => ({ value: entry, label: t(`worklog.nav.${LABELS[entry]}`) }))}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        {data.me.canRecord ? (
          <Group gap="xs">
            <Button component={Link} to={`${base}/meetings/new`} variant="light" size="sm">
              {t('worklog.actions.newMeeting')}
            </Button>
            <Button component={Link} to={`${base}/decisions/new`} size="sm">
              {t('worklog.actions.newDecision')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {!data.me.canRecord ? (
        <Alert color="gray" variant="light">
          {t('worklog.readOnly')}
        </Alert>
      ) : null}
      <Outlet context={value} />
    </Stack>
  );
}

/** Organizations as options of a select, current members first. */
export function organizationOptions(log: LogParticipants) {
  return [...log.organizations].sort((a, b) => Number(a.left) - Number(b.left)).map((organization) => ({ value: organization.id, label: organization.acronym ? `${organization.acronym} · ${organization.name}` : organization.name }));
}

/** People of the given organizations (all when none is given), as options of a select. */
export function peopleOptions(log: LogParticipants, organizationIds?: string[]) {
  return log.users.filter((user) => !organizationIds || organizationIds.includes(user.organizationId)).map((user) => ({ value: user.id, label: user.name }));
}

export function LoadingBlock() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
