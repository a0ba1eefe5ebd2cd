import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/programmes';

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
