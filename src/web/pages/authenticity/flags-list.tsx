import { Alert, Card, Code, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuthenticityProfile } from '../../api/authenticity';
import { currentLanguage } from '../../i18n';

const SEVERITY_COLOR = { info: 'blue', warning: 'yellow', severe: 'red' } as const;

/** The flags that drove the verdict, each in the reader's language with the evidence behind it. */
export function FlagsList({ profile }: { profile: AuthenticityProfile }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="flags-heading">
      <Title order={2} size="h3" id="flags-heading" mb="sm">
        {t('authenticity.flags.title')}
      </Title>
      {profile.flags.length === 0 ? (
        <Text c="dimmed">{t('authenticity.flags.none')}</Text>
      ) : (
        <Stack gap="sm">
          {profile.flags.map((flag) => (
            <Alert key={flag.key} color={SEVERITY_COLOR[flag.severity]} title={`${t(`authenticity.flags.severity.${flag.severity}`)} · ${flag.message[language]}`} data-flag={flag.key}>
              <Text size="sm" fw={600}>
                {t('authenticity.flags.evidence')}
              </Text>
              <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 200, overflow: 'auto' }}>
                {JSON.stringify(flag.evidence, null, 2)}
              </Code>
            </Alert>
          ))}
        </Stack>
      )}
    </Card>
  );
}
