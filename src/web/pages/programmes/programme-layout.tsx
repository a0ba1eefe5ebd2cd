import { Badge, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useOutletContext, useParams } from 'react-router';
import { useProgramme, type ProgrammeDetail } from '../../api/programmes';
import { ErrorAlert } from '../../components/error-alert';
import { ReportMenu } from '../reports/report-menu';

const TABS = ['overview', 'consortium', 'agreement', 'plan', 'budget', 'team', 'log', 'authenticity'] as const;

/** The programme a programme page is about, from the layout. */
export function useProgrammeContext(): ProgrammeDetail {
  return useOutletContext<ProgrammeDetail>();
}

/** A programme's header and its sub-navigation; the chosen page shows below. */
export function ProgrammeLayout() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const programme = useProgramme(programmeId);
  const location = useLocation();
  const navigate = useNavigate();
  const base = `/programmes/${programmeId}`;
  const current = location.pathname.slice(base.length).replace(/^\//, '').split('/')[0] || 'overview';

  if (programme.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (programme.isError) return <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />;
  const data = programme.data;
  const myRole = data.me.userRole === 'manager' ? 'manager' : (data.me.consortiumRole ?? data.me.userRole ?? 'observer');

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {data.ref}
            </Text>
            <Badge variant="light">{t(`programme.status.${data.status}`)}</Badge>
            <Badge variant="outline">{t(`programme.role.${myRole}`)}</Badge>
          </Group>
          <Title order={1}>{data.title}</Title>
        </div>
        <ReportMenu programmeId={data.id} />
      </Group>
      <Tabs value={current} onChange={(value) => void navigate(!value || value === 'overview' ? base : `${base}/${value}`)} keepMounted={false}>
        <Tabs.List aria-label={t('programmes.tabs.label')} style={{ flexWrap: 'wrap' }}>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {tab === 'log' ? t('worklog.tab') : tab === 'authenticity' ? t('authenticity.tab') : t(`programmes.tabs.${tab || 'overview'}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet context={data} />
    </Stack>
  );
}
