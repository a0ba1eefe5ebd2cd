import { Badge, Card, Center, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthenticityPortfolio } from '../../api/authenticity';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { VERDICT_COLOR } from './verdict-card';

/** Every programme the user's organization takes part in, with its verdict, confidence and recurring flags. */
export function AuthenticityPortfolioPage() {
  const { t } = useTranslation();
  usePageTitle(t('authenticity.portfolio.title'));
  const portfolio = useAuthenticityPortfolio();
  if (portfolio.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (portfolio.isError) return <ErrorAlert error={portfolio.error} onRetry={() => void portfolio.refetch()} />;
  const { programmes, summary } = portfolio.data;
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={1}>{t('authenticity.portfolio.title')}</Title>
        <Text c="dimmed">{t('authenticity.portfolio.intro')}</Text>
      </div>
      {programmes.length === 0 ? (
        <Text>{t('authenticity.portfolio.empty')}</Text>
      ) : (
        <>
          <Group gap="sm">
            {(['genuine', 'developing', 'nominal'] as const).map((verdict) => (
              <Badge key={verdict} size="lg" color={VERDICT_COLOR[verdict]} variant="light">
                {t(`authenticity.verdict.${verdict}`)}: {summary.verdicts[verdict]}
              </Badge>
            ))}
          </Group>
          {summary.weakestDimension && <Text>{t('authenticity.portfolio.weakest', { dimension: t(`authenticity.dimensions.${summary.weakestDimension}`) })}</Text>}
          <Card withBorder padding={0}>
            <Table.ScrollContainer minWidth={520}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('authenticity.portfolio.programme')}</Table.Th>
                    <Table.Th>{t('authenticity.verdict.label')}</Table.Th>
                    <Table.Th>{t('authenticity.confidence')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {programmes.map((programme) => (
                    <Table.Tr key={programme.id}>
                      <Table.Td>
                        <Link to={`/programmes/${programme.id}/authenticity`}>{programme.title}</Link>
                        <Text size="xs" c="dimmed">
                          {programme.ref}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={VERDICT_COLOR[programme.verdict]}>{t(`authenticity.verdict.${programme.verdict}`)}</Badge>
                      </Table.Td>
                      <Table.Td>{Math.round(programme.confidence * 100)}%</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          {summary.flags.length > 0 && (
            <Card withBorder padding="lg">
              <Title order={2} size="h3" mb="sm">
                {t('authenticity.portfolio.recurring')}
              </Title>
              <List>
                {summary.flags.map((flag) => (
                  <List.Item key={flag.key}>
                    <code>{flag.key}</code> {t('authenticity.portfolio.inProgrammes', { count: flag.programmes.length })}
                  </List.Item>
                ))}
              </List>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
