import { Alert, Button, Group, Loader, Progress, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { answeringApi, type AnsweringForm } from '../../api/surveys';
import { ErrorAlert } from '../../components/error-alert';
import { PublicLayout } from '../../components/public-layout';
import { usePageTitle } from '../../components/page-title';
import { useFormat } from '../../components/use-format';
import { applyLanguage, isAppLanguage } from '../../i18n';

type Step = { key: string; heading: string; target?: string; items: Array<{ key: string; text: string; scale: string }> };

/** Link problems the person can understand in their own language; others show the server's message. */
function linkProblem(error: unknown): 'usedLink' | 'closedRound' | 'unknownLink' | null {
  if (!isApiError(error)) return null;
  if (error.status === 404) return 'unknownLink';
  if (error.status === 410) return 'closedRound';
  if (error.status === 409 && error.message.startsWith('This link has already')) return 'usedLink';
  return null;
}

const answerKey = (item: string, target?: string) => `${item}@${target ?? ''}`;

/** One part per dimension, or for ratings of other organizations one part per organization. */
function stepsOf(form: AnsweringForm, rateLabel: (name: string) => string): Step[] {
  if (form.targets.length > 0) {
    const items = form.groups.flatMap((group) => group.items);
    return form.targets.map((target) => ({ key: target.id, heading: rateLabel(target.name), target: target.id, items }));
  }
  return form.groups.map((group) => ({ key: group.dimension, heading: group.dimension.replace(/-/g, ' '), items: group.items }));
}

/** The public answering page behind a personal link: one group of questions at a time, progress saved on the server. */
export function AnswerPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('surveys.answer.loading'));
  const format = useFormat();
  const [form, setForm] = useState<AnsweringForm | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [answers, setAnswers] = useState<Map<string, number>>(new Map());
  const [comment, setComment] = useState('');
  const [stepIndex, setStepIndex] = useState(0);
  const [notice, setNotice] = useState<'saved' | 'missing' | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const first = useRef(true);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    // The first load follows the person's language; later loads follow the language switch.
    answeringApi
      .load(token, first.current ? undefined : i18n.language)
      .then((loaded) => {
        if (cancelled) return;
        setForm(loaded);
        if (first.current) {
          first.current = false;
          if (isAppLanguage(loaded.language) && loaded.language !== i18n.language) void applyLanguage(loaded.language);
          if (loaded.draft) {
            setAnswers(new Map(loaded.draft.answers.map((answer) => [answerKey(answer.item, answer.target), answer.value])));
            setComment(loaded.draft.comment ?? '');
          }
        }
      })
      .catch((cause: unknown) => !cancelled && setError(cause));
    return () => {
      cancelled = true;
    };
  }, [token, i18n.language]);

  const steps = useMemo(() => (form ? stepsOf(form, (name) => t('surveys.answer.rateTarget', { organization: name })) : []), [form, t]);
  const hasCommentStep = form?.comments.enabled ?? false;
  const totalSteps = steps.length + (hasCommentStep ? 1 : 0);

  useEffect(() => {
    headingRef.current?.focus();
  }, [stepIndex]);

  const payload = () => ({
    answers: [...answers].map(([key, value]) => {
      const [item, target] = key.split('@') as [string, string];
      return target ? { item, target, value } : { item, value };
    }),
    comment: hasCommentStep ? comment : null,
    language: isAppLanguage(i18n.language) ? i18n.language : undefined,
  });

  const save = async (showNotice: boolean) => {
    try {
      await answeringApi.saveDraft(token, payload());
      if (showNotice) setNotice('saved');
    } catch (cause) {
      setError(cause);
    }
  };

  if (error) {
    return (
      <PublicLayout title={t('surveys.answer.failed')}>
        {linkProblem(error) ? (
          <Alert color="orange" role="alert">
            {t(`surveys.answer.${linkProblem(error)!}`)}
          </Alert>
        ) : (
          <ErrorAlert error={error} title={t('surveys.answer.failed')} />
        )}
      </PublicLayout>
    );
  }
  if (done) {
    return (
      <PublicLayout title={form?.title ?? ''}>
        <Alert color="teal" role="status">
          {t('surveys.answer.thanks')}
        </Alert>
      </PublicLayout>
    );
  }
  if (!form) {
    return (
      <PublicLayout title={t('surveys.answer.loading')}>
        <Loader aria-label={t('surveys.answer.loading')} />
      </PublicLayout>
    );
  }

  const step = steps[stepIndex];
  const onLastStep = stepIndex === totalSteps - 1;
  const stepComplete = !step || step.items.every((item) => answers.has(answerKey(item.key, step.target)));

  const next = async () => {
    if (!stepComplete) return setNotice('missing');
    setNotice(null);
    setBusy(true);
    await save(false);
    setBusy(false);
    setStepIndex((index) => Math.min(index + 1, totalSteps - 1));
  };

  const submit = async () => {
    if (!stepComplete) return setNotice('missing');
    setBusy(true);
    try {
      await answeringApi.submit(token, payload());
      setDone(true);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicLayout title={form.title}>
      <Stack gap="md">
        {stepIndex === 0 ? (
          <>
            <Text size="sm">{form.description}</Text>
            <Text size="sm" c="dimmed">
              {t('surveys.answer.intro')}
            </Text>
          </>
        ) : null}
        <Text size="sm">
          {t('surveys.answer.for', { organization: form.recipientOrganization.name })} {t('surveys.answer.closesOn', { date: format.date(form.closesAt) })}
        </Text>
        <div>
          <Text size="xs" c="dimmed" id="survey-step">
            {t('surveys.answer.step', { current: stepIndex + 1, total: totalSteps })}
          </Text>
          <Progress value={((stepIndex + 1) / totalSteps) * 100} aria-label={t('surveys.answer.step', { current: stepIndex + 1, total: totalSteps })} size="sm" mt={4} />
        </div>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void (onLastStep ? submit() : next());
          }}
        >
          <Stack gap="lg">
            <Title order={2} size="h4" ref={headingRef} tabIndex={-1} tt={step ? 'capitalize' : undefined} style={{ outline: 'none' }}>
              {step ? step.heading : t('surveys.answer.comment')}
            </Title>
            {step
              ? step.items.map((item) => (
                  <Radio.Group
                    key={answerKey(item.key, step.target)}
                    label={item.text}
                    value={answers.has(answerKey(item.key, step.target)) ? String(answers.get(answerKey(item.key, step.target))) : null}
                    onChange={(value) => setAnswers((previous) => new Map(previous).set(answerKey(item.key, step.target), Number(value)))}
                    required
                  >
                    <Stack gap={6} mt="xs">
                      {form.scales[item.scale]?.options.map((option) => <Radio key={option.value} value={String(option.value)} label={option.label} />)}
                    </Stack>
                  </Radio.Group>
                ))
              : <Textarea label={form.comments.prompt} value={comment} onChange={(event) => setComment(event.currentTarget.value)} autosize minRows={4} maxLength={4000} />}
            {notice === 'missing' ? (
              <Alert color="orange" role="alert">
                {t('surveys.answer.missing')}
              </Alert>
            ) : null}
            {notice === 'saved' ? (
              <Alert color="teal" role="status">
                {t('surveys.answer.saved')}
              </Alert>
            ) : null}
            <Group justify="space-between" gap="xs">
              <Button variant="default" disabled={stepIndex === 0 || busy} onClick={() => setStepIndex((index) => Math.max(index - 1, 0))}>
                {t('surveys.answer.previous')}
              </Button>
              <Button type="submit" loading={busy}>
                {onLastStep ? t('surveys.answer.submit') : t('surveys.answer.next')}
              </Button>
            </Group>
            <Button variant="subtle" size="compact-sm" onClick={() => void save(true)} disabled={busy}>
              {t('surveys.answer.saveProgress')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </PublicLayout>
  );
}
