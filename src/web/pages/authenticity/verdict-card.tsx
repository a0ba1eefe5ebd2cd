import { Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuthenticityProfile, Verdict } from '../../api/authenticity';

export const VERDICT_COLOR: Record<Verdict, string> = { genuine: 'teal', developing: 'yellow', nominal: 'red' };

/** The verdict in words, its colour, and the confidence behind it. */
export function VerdictCard({ profile }: { profile: AuthenticityProfile }) {
  const { t } = useTranslation();
  const confidence = Math.round(profile.confidence * 100);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="verdict-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Text size="xs" tt="uppercase" c="dimmed" fw={700} id="verdict-heading">
              {t('authenticity.verdict.label')}
            </Text>
            <Badge size="xl" color={VERDICT_COLOR[profile.verdict]} variant="filled" data-testid="verdict">
              {t(`authenticity.verdict.${profile.verdict}`)}
            </Badge>
          </div>
          <div style={{ minWidth: 200 }}>
            <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
              {t('authenticity.confidence')}
            </Text>
            <Title order={3}>{confidence}%</Title>
            <Progress value={confidence} aria-label={t('authenticity.confidence')} />
          </div>
        </Group>
        <Text>{t(`authenticity.verdict.explain.${profile.verdict}`)}</Text>
        <Text size="sm" c="dimmed">
          {t('authenticity.confidenceHelp')}
        </Text>
      </Stack>
    </Card>
  );
}
