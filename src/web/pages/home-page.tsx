import { Badge, Button, Card, Center, EmptyState, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyProgrammes } from '../api/programmes';
import type { Me, ProgrammeStatus, ProgrammeSummary } from '../api/types';
import { useCurrentUser } from '../components/current-user';
import { ErrorAlert } from '../components/error-alert';
import { usePageTitle } from '../components/page-title';
import { useFormat } from '../components/use-format';

const STATUS_COLORS: Record<ProgrammeStatus, string> = {
  identification: 'gray',
  formulation: 'blue',
  contracting: 'violet',
  implementation: 'teal',
  closure: 'orange',
  closed: 'dark',
};

/** The start page: who I am, for which organization, and the programmes we take part in. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.pageTitle'));
  const me = useCurrentUser();

  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1}>{t('home.welcome', { name: me.user.name })}</Title>
      <OrganizationCard me={me} />
      <ProgrammesSection organization={me.organization.acronym ?? me.organization.name} />
    </Stack>
  );
}

function OrganizationCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { organization } = me;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="organization-heading">
      <Text id="organization-heading" size="xs" tt="uppercase" c="dimmed" fw={700}>
        {t('home.organization')}
      </Text>
      <Title order={2} size="h3" mt={4}>
        {organization.name}
      </Title>
      <Group gap="xl" mt="sm">
        <div>
          <Text size="xs" c="dimmed">
            {t('home.acronym')}
          </Text>
          <Text size="sm">{organization.acronym ?? t('common.notSet')}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('home.country')}
          </Text>
          <Text size="sm">{organization.country ? format.country(organization.country) : t('common.notSet')}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('settings.profile.email')}
          </Text>
          <Text size="sm">{me.user.email}</Text>
        </div>
        <Group gap="xs">
          <Badge variant="light">{t(`roles.${me.user.role}`)}</Badge>
          {me.user.isInstanceAdmin ? <Badge variant="light" color="grape">{t('roles.instanceAdmin')}</Badge> : null}
        </Group>
      </Group>
    </Paper>
  );
}

function ProgrammesSection({ organization }: { organization: string }) {
  const { t } = useTranslation();
  const programmes = useMyProgrammes();
  const items = programmes.data?.pages.flatMap((page) => page.items) ?? [];

  let content;
  if (programmes.isPending) {
    content = (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  } else if (programmes.isError) {
    content = <ErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />;
  } else if (items.length === 0) {
    content = (
      <Paper withBorder radius="md" p="xl">
        <EmptyState title={t('home.emptyTitle')} description={t('home.emptyDescription', { organization })} />
      </Paper>
    );
  } else {
    content = (
      <>
        <ProgrammeTable programmes={items} />
        <ProgrammeCards programmes={items} />
        {programmes.hasNextPage ? (
          <Button
            variant="default"
            onClick={() => void programmes.fetchNextPage()}
            loading={programmes.isFetchingNextPage}
            style={{ alignSelf: 'center' }}
          >
            {t('common.loadMore')}
          </Button>
        ) : null}
      </>
    );
  }

  return (
    <Stack component="section" aria-labelledby="programmes-heading" gap="sm">
      <div>
        <Title order={2} id="programmes-heading">
          {t('home.programmes')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('home.programmesIntro', { organization })}
        </Text>
      </div>
      {content}
    </Stack>
  );
}

function useProgrammeText() {
  const { t } = useTranslation();
  const format = useFormat();
  return {
    /** The organization's role in the consortium, and the user's own programme role (manager, observer) when they hold one. */
    role: (programme: ProgrammeSummary) => {
      const own = programme.myRole === 'manager' || programme.myRole === 'observer' ? t(`programme.role.${programme.myRole}`) : null;
      if (!programme.organizationRole) return own ?? t('programme.role.observer');
      const organizationRole = t(`programme.role.${programme.organizationRole}`);
      return own ? t('home.roleAndProgrammeRole', { organizationRole, programmeRole: own }) : organizationRole;
    },
    dates: (programme: ProgrammeSummary) => {
      const start = format.date(programme.startDate);
      const end = format.date(programme.endDate);
      if (start && end) return t('common.dateRange', { start, end });
      if (start) return t('common.dateFrom', { start });
      if (end) return t('common.dateUntil', { end });
      return t('common.notSet');
    },
    countries: (programme: ProgrammeSummary) => programme.countries.map(format.country).join(', '),
    lead: (programme: ProgrammeSummary) => programme.lead?.name ?? t('programme.noLead'),
  };
}

function StatusBadge({ status }: { status: ProgrammeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`programme.status.${status}`)}
    </Badge>
  );
}

/** Wide screens: one row per programme. */
function ProgrammeTable({ programmes }: { programmes: ProgrammeSummary[] }) {
  const { t } = useTranslation();
  const text = useProgrammeText();
  return (
    <Paper withBorder radius="md" visibleFrom="md" style={{ overflow: 'hidden' }}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-labelledby="programmes-heading">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('home.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('home.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('home.columns.myRole')}</Table.Th>
            <Table.Th scope="col">{t('home.columns.dates')}</Table.Th>
            <Table.Th scope="col">{t('home.columns.lead')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {programmes.map((programme) => (
            <Table.Tr key={programme.id}>
              <Table.Th scope="row" fw={400}>
                <Text fw={600} size="sm" component={Link} to={`/programmes/${programme.id}`} c="inherit">
                  {programme.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {[programme.ref, text.countries(programme)].filter(Boolean).join(' · ')}
                </Text>
              </Table.Th>
              <Table.Td>
                <StatusBadge status={programme.status} />
              </Table.Td>
              <Table.Td>{text.role(programme)}</Table.Td>
              <Table.Td>{text.dates(programme)}</Table.Td>
              <Table.Td>{text.lead(programme)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Phones and tablets: one card per programme. */
function ProgrammeCards({ programmes }: { programmes: ProgrammeSummary[] }) {
  const { t } = useTranslation();
  const text = useProgrammeText();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} hiddenFrom="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {programmes.map((programme) => (
        <Card key={programme.id} withBorder radius="md" component="li">
          <Title order={3} size="h5">
            <Link to={`/programmes/${programme.id}`} style={{ color: 'inherit' }}>
              {programme.title}
            </Link>
          </Title>
          <Group gap="xs" mt={4}>
            <Text size="xs" c="dimmed">
              {programme.ref}
            </Text>
            <StatusBadge status={programme.status} />
          </Group>
          <Stack gap={4} mt="sm">
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('common.fieldLabel', { label: t('home.columns.myRole') })}{' '}
              </Text>
              {text.role(programme)}
            </Text>
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('common.fieldLabel', { label: t('home.columns.lead') })}{' '}
              </Text>
              {text.lead(programme)}
            </Text>
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('common.fieldLabel', { label: t('home.columns.dates') })}{' '}
              </Text>
              {text.dates(programme)}
            </Text>
            {programme.countries.length > 0 ? (
              <Text size="sm">
                <Text span c="dimmed" size="sm">
                  {t('common.fieldLabel', { label: t('home.columns.countries') })}{' '}
                </Text>
                {text.countries(programme)}
              </Text>
            ) : null}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
