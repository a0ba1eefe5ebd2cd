import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import registryEn from './registry.en.json';
import registryFr from './registry.fr.json';
import fr from './fr.json';
import appraisalEn from './appraisal.en.json';
import appraisalFr from './appraisal.fr.json';
import programmesEn from './programmes.en.json';
import programmesFr from './programmes.fr.json';
import surveysEn from './surveys.en.json';
import surveysFr from './surveys.fr.json';
import worklogEn from './worklog.en.json';
import worklogFr from './worklog.fr.json';
import networksEn from './networks.en.json';
import networksFr from './networks.fr.json';
import strategyEn from './strategy.en.json';
import strategyFr from './strategy.fr.json';
import knowledgeEn from './knowledge.en.json';
import knowledgeFr from './knowledge.fr.json';
import authenticityEn from './authenticity.en.json';
import authenticityFr from './authenticity.fr.json';
import iatiEn from './iati.en.json';
import iatiFr from './iati.fr.json';
import reportsEn from './reports.en.json';
import reportsFr from './reports.fr.json';

export const LANGUAGES = ['en', 'fr'] as const;
export type AppLanguage = (typeof LANGUAGES)[number];

export const resources = {
  en: { translation: { ...en, registry: registryEn, appraisal: appraisalEn, programmes: programmesEn, surveys: surveysEn, networks: networksEn, strategy: strategyEn, knowledge: knowledgeEn, worklog: worklogEn, authenticity: authenticityEn, iati: iatiEn, reports: reportsEn } },
  fr: { translation: { ...fr, registry: registryFr, appraisal: appraisalFr, programmes: programmesFr, surveys: surveysFr, networks: networksFr, strategy: strategyFr, knowledge: knowledgeFr, worklog: worklogFr, authenticity: authenticityFr, iati: iatiFr, reports: reportsFr } },
} as const;

const STORAGE_KEY = 'consortia.language';

export function isAppLanguage(value: unknown): value is AppLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): AppLanguage | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isAppLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): AppLanguage | null {
  for (const tag of window.navigator.languages ?? [window.navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isAppLanguage(base)) return base;
  }
  return null;
}

/** The language before we know who is logged in: the last choice on this device, else the browser's. */
export function initialLanguage(): AppLanguage {
  return storedLanguage() ?? browserLanguage() ?? 'en';
}

/** Switches the interface language, remembers it on this device and updates <html lang>. */
export async function applyLanguage(language: AppLanguage): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

export function currentLanguage(): AppLanguage {
  return isAppLanguage(i18next.language) ? i18next.language : 'en';
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18next.language;

export { i18next };
