import { Alert, Button, Center, Group, Loader, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Member } from '../../api/programmes';
import { ErrorAlert } from '../../components/error-alert';

/** A centred spinner with an accessible name. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** The short name of a member organization: its acronym, else its name. */
export function shortName(members: Member[] | undefined, organizationId: string | null): string {
  if (!organizationId) return '';
  const member = members?.find((candidate) => candidate.organization.id === organizationId);
  return member ? (member.organization.acronym ?? member.organization.name) : organizationId.slice(0, 8);
}

/** Formats an amount in the programme's currency, in the interface language. */
export function useMoney(currency: string) {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency, maximumFractionDigits: 0 });
  return (value: number) => format.format(value);
}

/** A failed change: a stale version (409) says so plainly (the data was reloaded); anything else as usual. */
export function MutationError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error) && error.status === 409 && error.code === 'version_conflict') {
    return (
      <Alert color="orange" title={t('programmes.common.conflictTitle')} role="alert">
        {t('programmes.common.conflict')}
      </Alert>
    );
  }
  return <ErrorAlert error={error} title={t('errors.generic')} />;
}

/** A delete (or end) button that asks first, in a dialog. */
export function ConfirmButton(props: { label: string; title: string; question: string; confirmLabel?: string; pending: boolean; error: unknown; onConfirm: () => void; ariaLabel?: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="subtle" color="red" onClick={() => setOpened(true)} aria-label={props.ariaLabel}>
        {props.label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={props.title}>
        <Text size="sm">{props.question}</Text>
        <MutationError error={props.error} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpened(false)}>
            {t('programmes.common.cancel')}
          </Button>
          <Button color="red" loading={props.pending} onClick={props.onConfirm}>
            {props.confirmLabel ?? props.label}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
