import { PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const MIN_PASSWORD_LENGTH = 10;

export type PasswordPair = { password: string; confirmation: string };

/** Client-side checks of a new password, before the server applies its own rule. */
export function checkPasswordPair(
  pair: PasswordPair,
  t: (key: 'password.tooShort' | 'password.mismatch', options?: { count: number }) => string,
): { password?: string; confirmation?: string } {
  if (pair.password.length < MIN_PASSWORD_LENGTH) {
    return { password: t('password.tooShort', { count: MIN_PASSWORD_LENGTH }) };
  }
  if (pair.password !== pair.confirmation) return { confirmation: t('password.mismatch') };
  return {};
}

type PasswordFieldsProps = {
  value: PasswordPair;
  onChange: (value: PasswordPair) => void;
  errors: { password?: string; confirmation?: string };
};

/** A new password, typed twice. */
export function PasswordFields({ value, onChange, errors }: PasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <PasswordInput
        label={t('password.new')}
        description={t('password.hint', { count: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
        error={errors.password}
      />
      <PasswordInput
        label={t('password.confirm')}
        autoComplete="new-password"
        required
        value={value.confirmation}
        onChange={(event) => onChange({ ...value, confirmation: event.currentTarget.value })}
        error={errors.confirmation}
      />
    </Stack>
  );
}
