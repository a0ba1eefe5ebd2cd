import 'i18next';
import type en from './en.json';
import type registryEn from './registry.en.json';
import type appraisalEn from './appraisal.en.json';
import type programmesEn from './programmes.en.json';
import type surveysEn from './surveys.en.json';
import type worklogEn from './worklog.en.json';
import type networksEn from './networks.en.json';
import type strategyEn from './strategy.en.json';
import type knowledgeEn from './knowledge.en.json';
import type authenticityEn from './authenticity.en.json';
import type iatiEn from './iati.en.json';
import type reportsEn from './reports.en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & { registry: typeof registryEn; appraisal: typeof appraisalEn; programmes: typeof programmesEn; surveys: typeof surveysEn; worklog: typeof worklogEn; networks: typeof networksEn; strategy: typeof strategyEn; knowledge: typeof knowledgeEn; authenticity: typeof authenticityEn; iati: typeof iatiEn; reports: typeof reportsEn } };
  }
}
