import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, TextInput, Title, Typography } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useArticle, useArticles } from '../../api/knowledge';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { currentLanguage } from '../../i18n';

/** Where each feature an article mentions lives in the app. */
const FEATURE_PATHS: Record<string, string> = {
  registry: '/organizations', appraisal: '/appraisals', 'capacity-assessment': '/appraisals', consortium: '/programmes', agreement: '/programmes', 'action-plan': '/programmes',
  budget: '/programmes', team: '/programmes', meetings: '/programmes', decisions: '/programmes', interactions: '/programmes', learning: '/strategy', authenticity: '/portfolio',
  surveys: '/surveys', networks: '/networks', statements: '/networks', reputation: '/strategy', strategy: '/strategy', portfolio: '/portfolio', iati: '/programmes',
};

/** Search and list of the knowledge base. */
export function KnowledgePage() {
  const { t } = useTranslation();
  usePageTitle(t('knowledge.title'));
  const [query, setQuery] = useState('');
  const articles = useArticles(query, currentLanguage());
  return (
    <Stack gap="lg" maw={900}>
      <Title order={1}>{t('knowledge.title')}</Title>
      <TextInput label={t('knowledge.search')} value={query} onChange={(event) => setQuery(event.currentTarget.value)} type="search" />
      {articles.error ? <ErrorAlert error={articles.error} /> : null}
      {articles.isPending ? <Loader /> : null}
      {articles.data?.items.length === 0 ? <Text c="dimmed">{t('knowledge.noResults')}</Text> : null}
      {articles.data?.items.map((article) => (
        <Paper key={article.id} withBorder p="md">
          <Group gap="xs">
            <Badge variant="light">{t(`knowledge.categories.${article.category}`)}</Badge>
            {article.kind === 'document-template' ? <Badge variant="outline">{t('knowledge.document')}</Badge> : null}
          </Group>
          <Anchor component={Link} to={`/knowledge/${article.id}`} fw={600} mt="xs" display="block">{article.title}</Anchor>
          <Text size="sm">{article.summary}</Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** One article, in the user's language (English when not translated), with links to the features and downloads. */
export function ArticlePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const article = useArticle(id, currentLanguage());
  usePageTitle(article.data?.title ?? t('knowledge.title'));
  if (article.error) return <ErrorAlert error={article.error} />;
  const data = article.data;
  if (!data) return <Loader />;
  const download = (format: 'md' | 'html') => `/api/knowledge/articles/${data.id}/download?format=${format}&language=${data.language}`;
  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to="/knowledge">{t('knowledge.back')}</Anchor>
      <Text size="sm" c="dimmed">{t('knowledge.byline', { author: data.author.name, version: data.versionNumber })}</Text>
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
      {data.kind === 'document-template' ? <Text size="sm" c="dimmed">{t('knowledge.fillHint')}</Text> : null}
    </Stack>
  );
}
