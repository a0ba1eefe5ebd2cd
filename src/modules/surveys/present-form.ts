import type { surveyDrafts } from '../../db/schema/index.js';
import type { OpenLink } from './answer-survey.js';

/** The instrument of a link in one language, its questions grouped by dimension, with any saved progress. */
export function presentAnsweringForm(link: OpenLink, language: 'en' | 'fr', draft: typeof surveyDrafts.$inferSelect | null) {
  const { definition } = link.round;
  const dimensions = [...new Set(definition.items.map((item) => item.dimension))];
  return {
    roundTitle: link.round.title,
    language,
    closesAt: link.round.closesAt.toISOString(),
    title: definition.title[language],
    description: definition.description[language],
    recipientOrganization: { id: link.recipient.organizationId, name: link.organizationName },
    targets: link.targets,
    scales: Object.fromEntries(
      Object.entries(definition.scales).map(([key, scale]) => [key, { options: scale.values.map((value, index) => ({ value, label: scale.labels[language][index] ?? String(value) })) }]),
    ),
    groups: dimensions.map((dimension) => ({
      dimension,
      items: definition.items.filter((item) => item.dimension === dimension).map((item) => ({ key: item.key, text: item.text[language], scale: item.scale })),
    })),
    comments: { enabled: link.round.commentsEnabled, prompt: definition.comments.prompt[language] },
    draft: draft ? { answers: draft.answers.map((answer) => (answer.target ? answer : { item: answer.item, value: answer.value })), comment: draft.comment } : null,
  };
}
