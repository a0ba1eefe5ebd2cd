import 'i18next';
import type en from './en.json';
import type registryEn from './registry.en.json';
import type appraisalEn from './appraisal.en.json';
import type programmesEn from './programmes.en.json';
import type surveysEn from './surveys.en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & { registry: typeof registryEn; appraisal: typeof appraisalEn; programmes: typeof programmesEn; surveys: typeof surveysEn } };
  }
}
