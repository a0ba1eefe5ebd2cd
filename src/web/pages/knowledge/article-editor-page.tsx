import { Alert, Anchor, Button, Group, Loader, Paper, Select, Stack, Tabs, Text, Textarea, TagsInput, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { KNOWLEDGE_CATEGORIES, useArticle, useSaveArticle, type Article, type KnowledgeCategory, type KnowledgeLanguage, type Visibility } from '../../api/knowledge';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { currentLanguage } from '../../i18n';
import { FormError, formErrors } from '../networks/form-bits';
import { SafeMarkdown } from '../worklog/meeting-pages';

const LANGUAGES: KnowledgeLanguage[] = ['en', 'fr'];
const asLanguage = (value: string | null | undefined): KnowledgeLanguage => (value === 'fr' ? 'fr' : 'en');

/** Writes a new organization article, or a new version of one language of an existing one. */
export function ArticleEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [language, setLanguage] = useState<KnowledgeLanguage>(asLanguage(currentLanguage()));
  const article = useArticle(id ?? '', language);
  usePageTitle(id ? t('knowledge.editor.editTitle') : t('knowledge.editor.newTitle'));
  if (id && article.error) return <ErrorAlert error={article.error} />;
  if (id && !article.data) return <Loader />;
  // With no text yet in the chosen language the server answers in English: the form starts the translation from that text.
  return <ArticleForm key={`${id ?? 'new'}-${language}`} article={id ? (article.data ?? null) : null} language={language} onLanguage={setLanguage} />;
}

function ArticleForm({ article, language, onLanguage }: { article: Article | null; language: KnowledgeLanguage; onLanguage: (language: KnowledgeLanguage) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveArticle();
  const [category, setCategory] = useState<KnowledgeCategory>(article?.category ?? 'good-practice');
  const [visibility, setVisibility] = useState<Visibility>(article?.visibility ?? 'private');
  const [title, setTitle] = useState(article?.title ?? '');
  const [summary, setSummary] = useState(article?.summary ?? '');
  const [tags, setTags] = useState<string[]>(article?.tags ?? []);
  const [body, setBody] = useState(article?.body ?? '');
  const [tab, setTab] = useState<string | null>('write');
  const [missing, setMissing] = useState<{ title?: boolean; body?: boolean }>({});
  const { fields } = formErrors(save.error);
  if (article && !article.canEdit) return <Alert color="yellow" role="alert">{t('knowledge.editor.notYours')}</Alert>;
  const translating = article !== null && article.language !== language;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lacking = { title: title.trim() === '', body: body.trim() === '' };
    setMissing(lacking);
    if (lacking.title || lacking.body) return;
    const input = { language, category, visibility, title: title.trim(), summary, body, tags };
    save.mutate(article ? { id: article.id, version: article.version, ...input } : input, { onSuccess: (saved) => void navigate(`/knowledge/${saved.id}`) });
  };
  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to={article ? `/knowledge/${article.id}` : '/knowledge'}>{article ? t('knowledge.editor.backToArticle') : t('knowledge.back')}</Anchor>
      <Title order={1}>{article ? t('knowledge.editor.editTitle') : t('knowledge.editor.newTitle')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} />
          <Group grow align="flex-start" wrap="wrap">
            <Select label={t('knowledge.editor.language')} data={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))} value={language} onChange={(value) => onLanguage(asLanguage(value))} allowDeselect={false} error={fields.language} miw={180} />
            <Select label={t('knowledge.editor.category')} data={KNOWLEDGE_CATEGORIES.map((value) => ({ value, label: t(`knowledge.categories.${value}`) }))} value={category} onChange={(value) => setCategory(KNOWLEDGE_CATEGORIES.find((candidate) => candidate === value) ?? 'good-practice')} allowDeselect={false} error={fields.category} miw={180} />
            <Select
              label={t('knowledge.editor.visibility')}
              data={(['private', 'instance'] as const).map((value) => ({ value, label: t(`knowledge.visibility.${value}`) }))}
              value={visibility}
              onChange={(value) => setVisibility(value === 'instance' ? 'instance' : 'private')}
              allowDeselect={false}
              error={fields.visibility}
              miw={180}
            />
          </Group>
          {translating ? <Text size="sm" c="dimmed">{t('knowledge.editor.translating')}</Text> : null}
          <TextInput label={t('knowledge.editor.title')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={missing.title ? t('common.required') : fields.title} />
          <Textarea label={t('knowledge.editor.summary')} autosize minRows={2} value={summary} onChange={(event) => setSummary(event.currentTarget.value)} error={fields.summary} />
          <TagsInput label={t('knowledge.editor.tags')} description={t('knowledge.editor.tagsHint')} value={tags} onChange={setTags} error={fields.tags ?? fields['tags.0']} />
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="write">{t('knowledge.editor.write')}</Tabs.Tab>
              <Tabs.Tab value="preview">{t('knowledge.editor.preview')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="write" pt="sm">
              <Textarea
                label={t('knowledge.editor.body')}
                description={t('knowledge.editor.markdown')}
                required
                autosize
                minRows={14}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                value={body}
                onChange={(event) => setBody(event.currentTarget.value)}
                error={missing.body ? t('common.required') : fields.body}
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="sm">
              <Paper withBorder p="md" mih={200}>
                {body.trim() ? (
                  <SafeMarkdown text={body} />
                ) : (
                  <Text c="dimmed">{t('knowledge.editor.nothingYet')}</Text>
                )}
              </Paper>
            </Tabs.Panel>
          </Tabs>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>{article ? t('knowledge.editor.saveVersion') : t('knowledge.editor.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
