import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAppraisalTemplates, useCopyTemplate } from '../../api/appraisal';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { Loading, SectionNav, useLocalized } from './shared';

/** The built-in template and the organization's own, with copy and edit. */
export function TemplatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('appraisal.templates.title'));
  const localized = useLocalized();
  const navigate = useNavigate();
  const templates = useAppraisalTemplates();
  const copy = useCopyTemplate();

  return (
    <Stack gap="md" maw={1100}>
      <SectionNav />
      <div>
        <Title order={1}>{t('appraisal.templates.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('appraisal.templates.intro')}
        </Text>
      </div>
      {copy.error ? <ErrorAlert error={copy.error} /> : null}
      {templates.isPending ? (
        <Loading />
      ) : templates.isError ? (
        <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {templates.data.items.map((template) => (
            <Card key={template.id} withBorder component="li">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Title order={2} size="h5">
                  <Link to={`/appraisals/templates/${template.id}`} style={{ color: 'inherit' }}>
                    {localized(template.title)}
                  </Link>
                </Title>
                <Badge variant="light" color={template.builtIn ? 'gray' : 'teal'} miw="max-content">
                  {template.builtIn ? t('appraisal.templates.builtIn') : t('appraisal.templates.ours')}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed" mt={4} lineClamp={3}>
                {localized(template.description)}
              </Text>
              <Text size="xs" mt="xs">
                {t('appraisal.templates.criteriaCount', { count: template.groups.reduce((sum, group) => sum + group.criteria.length, 0) })} · {t('appraisal.templates.totalWeight', { total: template.totalWeight })}
              </Text>
              <Group mt="sm" gap="xs">
                <Button size="xs" variant="light" loading={copy.isPending && copy.variables === template.id} onClick={() => copy.mutate(template.id, { onSuccess: (created) => navigate(`/appraisals/templates/${created.id}`) })}>
                  {t('appraisal.templates.copy')}
                </Button>
                {template.editable ? (
                  <Button size="xs" variant="default" component={Link} to={`/appraisals/templates/${template.id}`}>
                    {t('appraisal.common.edit')}
                  </Button>
                ) : null}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
