import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useUpdateMe } from '../api/me';
import { applyLanguage, isAppLanguage, LANGUAGES, type AppLanguage } from '../i18n';

type LanguageSwitchProps = {
  /** When someone is logged in, the choice is also saved in their profile. */
  saveToProfile?: boolean;
};

/** English / French, switchable from any page. */
export function LanguageSwitch({ saveToProfile = false }: LanguageSwitchProps) {
  const { t, i18n } = useTranslation();
  const updateMe = useUpdateMe();
  const labelId = useId();

  const choose = (value: string) => {
    if (!isAppLanguage(value)) return;
    void applyLanguage(value);
    if (saveToProfile) updateMe.mutate({ language: value });
  };

  return (
    <div role="group" aria-labelledby={labelId}>
      <VisuallyHidden id={labelId}>{t('language.switch')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        value={i18n.language}
        onChange={choose}
        data={LANGUAGES.map((language: AppLanguage) => ({
          value: language,
          label: (
            <span lang={language} title={t(`language.${language}`)}>
              <span aria-hidden="true">{language.toUpperCase()}</span>
              <VisuallyHidden>{t(`language.${language}`)}</VisuallyHidden>
            </span>
          ),
        }))}
      />
    </div>
  );
}
