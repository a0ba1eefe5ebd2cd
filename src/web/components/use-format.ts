import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates and country names in the interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    let countryNames: Intl.DisplayNames | null = null;
    try {
      countryNames = new Intl.DisplayNames([language], { type: 'region' });
    } catch {
      countryNames = null;
    }
    const parse = (value: string) => {
      // A bare date ("2026-03-01") is a calendar day: read it as such, not as UTC midnight.
      const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
      return Number.isNaN(date.getTime()) ? null : date;
    };
    return {
      date: (value: string | null | undefined) => {
        const date = value ? parse(value) : null;
        return date ? dateFormat.format(date) : '';
      },
      dateTime: (value: string | null | undefined) => {
        const date = value ? parse(value) : null;
        return date ? dateTimeFormat.format(date) : '';
      },
      country: (code: string | null | undefined) => {
        if (!code) return '';
        try {
          return countryNames?.of(code.toUpperCase()) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [language]);
}
