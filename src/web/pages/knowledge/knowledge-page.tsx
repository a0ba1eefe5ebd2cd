import { Anchor, Badge, Button, Group, Loader, Modal, Paper, Select, Stack, Switch, Table, Text, TextInput, Title, Typography } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useArticle, useArticles, useArticleVersion, useArticleVersions, type Article, type KnowledgeLanguage } from '../../api/knowledge';
import { useMyProgrammes } from '../../api/programmes';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { currentLanguage } from '../../i18n';

/** Where each feature an article mentions lives in the app. */
const FEATURE_PATHS: Record<string, string> = {
  registry: '/organizations', appraisal: '/appraisals', 'capacity-assessment': '/appraisals', consortium: '/programmes', agreement: '/programmes', 'action-plan': '/programmes',
  budget: '/programmes', team: '/programmes', meetings: '/programmes', decisions: '/programmes', interactions: '/programmes', learning: '/strategy', authenticity: '/portfolio',
  surveys: '/surveys', networks: '/networks', statements: '/networks', reputation: '/strategy', strategy: '/strategy', portfolio: '/portfolio', iati: '/programmes',
};

/** Search and list of the knowledge base; organizations write their own articles. */
export function KnowledgePage() {
  const { t } = useTranslation();
  usePageTitle(t('knowledge.title'));
  const [query, setQuery] = useState('');
  const [mine, setMine] = useState(false);
  const articles = useArticles(query, currentLanguage(), mine);
  return (
    <Stack gap="lg" maw={900}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('knowledge.title')}</Title>
        <Button component={Link} to="/knowledge/new">{t('knowledge.editor.newTitle')}</Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('knowledge.search')} value={query} onChange={(event) => setQuery(event.currentTarget.value)} type="search" style={{ flex: '1 1 260px' }} />
        <Switch label={t('knowledge.mine')} checked={mine} onChange={(event) => setMine(event.currentTarget.checked)} mb={6} />
      </Group>
      {articles.error ? <ErrorAlert error={articles.error} onRetry={() => void articles.refetch()} /> : null}
      {articles.isPending ? <Loader /> : null}
      {articles.data?.items.length === 0 ? <Text c="dimmed">{t('knowledge.noResults')}</Text> : null}
      {articles.data?.items.map((article) => (
        <Paper key={article.id} withBorder p="md">
          <Group gap="xs">
            <Badge variant="light">{t(`knowledge.categories.${article.category}`)}</Badge>
            {article.kind === 'document-template' ? <Badge variant="outline">{t('knowledge.document')}</Badge> : null}
            {article.shipped ? null : <Badge variant="light" color={article.visibility === 'instance' ? 'blue' : 'gray'}>{t(`knowledge.visibility.${article.visibility}`)}</Badge>}
          </Group>
          <Anchor component={Link} to={`/knowledge/${article.id}`} fw={600} mt="xs" display="block">{article.title}</Anchor>
          <Text size="sm">{article.summary}</Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** One article, in the user's language (English when not translated), with links to the features, versions and downloads. */
export function ArticlePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const article = useArticle(id, currentLanguage());
  const [history, setHistory] = useState(false);
  usePageTitle(article.data?.title ?? t('knowledge.title'));
  if (article.error) return <ErrorAlert error={article.error} />;
  const data = article.data;
  if (!data) return <Loader />;
  const download = (format: 'md' | 'html') => `/api/knowledge/articles/${data.id}/download?format=${format}&language=${data.language}`;
  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to="/knowledge">{t('knowledge.back')}</Anchor>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('knowledge.byline', { author: data.author.name, version: data.versionNumber })}
          {data.shipped ? '' : ` · ${t(`knowledge.visibility.${data.visibility}`)}`}
        </Text>
        <Group gap="xs">
          {data.canEdit ? <Button component={Link} to={`/knowledge/${data.id}/edit`} variant="light">{t('knowledge.editor.edit')}</Button> : null}
          <Button variant="subtle" onClick={() => setHistory(!history)} aria-expanded={history}>{t('knowledge.versions.toggle')}</Button>
        </Group>
      </Group>
      {history ? <Versions articleId={data.id} /> : null}
      <Typography>
        <div dangerouslySetInnerHTML={{ __html: data.html }} />
      </Typography>
      {data.features.length > 0 ? (
        <Group gap="xs">
          <Text size="sm" fw={600}>{t('knowledge.features')}</Text>
          {data.features.map((feature) => (
            <Anchor key={feature} component={Link} to={FEATURE_PATHS[feature] ?? '/'} size="sm">{t(`knowledge.featureNames.${feature}` as 'knowledge.featureNames.registry')}</Anchor>
          ))}
        </Group>
      ) : null}
      <Group>
        <Button component="a" href={download('md')} variant="light">{t('knowledge.downloadMarkdown')}</Button>
        <Button component="a" href={download('html')} variant="light">{t('knowledge.downloadHtml')}</Button>
      </Group>
      {data.kind === 'document-template' ? <FillTemplate article={data} /> : null}
    </Stack>
  );
}

/** Picks one of the user's programmes and downloads the template filled from it. */
function FillTemplate({ article }: { article: Article }) {
  const { t } = useTranslation();
  const programmes = useMyProgrammes();
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const items = programmes.data?.pages.flatMap((page) => page.items) ?? [];
  const link = (format: 'md' | 'html') => `/api/knowledge/articles/${article.id}/download?format=${format}&language=${article.language}&programmeId=${programmeId ?? ''}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fill-heading">
      <Title order={2} size="h4" id="fill-heading">{t('knowledge.fill.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('knowledge.fill.intro', { count: article.placeholders.length })}</Text>
      {programmes.error ? <ErrorAlert error={programmes.error} /> : null}
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('knowledge.fill.programme')}
          placeholder={t('knowledge.fill.choose')}
          nothingFoundMessage={t('knowledge.fill.noProgramme')}
          searchable
          clearable
          data={items.map((programme) => ({ value: programme.id, label: `${programme.ref} · ${programme.title}` }))}
          value={programmeId}
          onChange={setProgrammeId}
          style={{ flex: '1 1 280px' }}
        />
        {programmes.hasNextPage ? <Button variant="subtle" onClick={() => void programmes.fetchNextPage()} loading={programmes.isFetchingNextPage}>{t('common.loadMore')}</Button> : null}
      </Group>
      <Group mt="sm">
        <Button component="a" href={programmeId ? link('md') : undefined} disabled={!programmeId}>{t('knowledge.fill.markdown')}</Button>
        <Button component="a" href={programmeId ? link('html') : undefined} disabled={!programmeId} variant="light">{t('knowledge.fill.html')}</Button>
      </Group>
    </Paper>
  );
}

/** Every version of the article in every language, newest first; one can be read in full. */
function Versions({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useArticleVersions(articleId, true);
  const [shown, setShown] = useState<{ language: KnowledgeLanguage; number: number } | null>(null);
  const version = useArticleVersion(articleId, shown);
  if (versions.error) return <ErrorAlert error={versions.error} />;
  if (!versions.data) return <Loader size="sm" />;
  return (
    <>
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('knowledge.versions.number')}</Table.Th>
              <Table.Th>{t('knowledge.versions.language')}</Table.Th>
              <Table.Th>{t('knowledge.versions.titleColumn')}</Table.Th>
              <Table.Th>{t('knowledge.versions.author')}</Table.Th>
              <Table.Th>{t('knowledge.versions.date')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.items.map((item) => (
              <Table.Tr key={`${item.language}-${item.number}`}>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => setShown({ language: item.language, number: item.number })} aria-label={t('knowledge.versions.show', { number: item.number, language: t(`language.${item.language}`) })}>
                    {item.number}
                  </Button>
                  {item.current ? <Badge size="xs" ml={4}>{t('knowledge.versions.current')}</Badge> : null}
                </Table.Td>
                <Table.Td>{t(`language.${item.language}`)}</Table.Td>
                <Table.Td>{item.title}</Table.Td>
                <Table.Td>{item.author.name}</Table.Td>
                <Table.Td>{format.dateTime(item.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown ? (
        <Modal opened onClose={() => setShown(null)} size="xl" title={version.data ? t('knowledge.versions.modalTitle', { number: version.data.number, title: version.data.title }) : t('common.loading')}>
          {version.error ? <ErrorAlert error={version.error} /> : null}
          {version.data ? (
            <Typography>
              <div dangerouslySetInnerHTML={{ __html: version.data.html }} />
            </Typography>
          ) : <Loader size="sm" />}
        </Modal>
      ) : null}
    </>
  );
}
