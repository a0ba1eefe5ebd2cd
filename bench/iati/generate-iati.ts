/**
 * Writes a synthetic IATI 2.03 activity file shaped like real ones: a few organisations take part
 * in most activities (power law), narratives in several languages, entities such as &amp;,
 * elements the importer skips (results, locations, documents). Deterministic for a given size.
 *
 * Usage: npx tsx bench/iati/generate-iati.ts [--size-mb 200] [--out bench/.out/iati-200mb.xml]
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchOut = resolve(dirname(fileURLToPath(import.meta.url)), '../.out');

// mulberry32: a tiny seeded generator, so that every run writes the same file.
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const organisationCount = 20_000;
const languages = ['en', 'fr', 'es', 'pt', 'ar'];
const words: Record<string, string[]> = {
  en: ['water', 'health', 'schools', 'resilience', 'livelihoods', 'governance', 'nutrition', 'protection', 'women & girls', 'climate'],
  fr: ['eau', 'santé', 'écoles', 'résilience', 'moyens de subsistance', 'gouvernance', 'nutrition', 'protection', 'femmes & filles', 'climat'],
  es: ['agua', 'salud', 'escuelas', 'resiliencia', 'medios de vida', 'gobernanza', 'nutrición', 'protección', 'mujeres y niñas', 'clima'],
  pt: ['água', 'saúde', 'escolas', 'resiliência', 'meios de vida', 'governação', 'nutrição', 'proteção', 'mulheres e meninas', 'clima'],
  ar: ['مياه', 'صحة', 'مدارس', 'صمود', 'سبل العيش', 'حوكمة', 'تغذية', 'حماية', 'النساء والفتيات', 'مناخ'],
};
const countriesPool = ['KE', 'TZ', 'UG', 'ET', 'SO', 'SD', 'ML', 'NE', 'BF', 'SN', 'CD', 'HT', 'AF', 'YE', 'SY', 'BD', 'MM', 'CO', 'PE', 'GT'];
const sectorsPool = ['11220', '12220', '12240', '14030', '14031', '15110', '15160', '31120', '72010', '72040', '43040', '16010'];
const organisationTypes = ['10', '11', '21', '22', '23', '24', '40', '60', '70', '80'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type Generator = { activity(index: number): string };

function createGenerator(seed: number): Generator {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  // Zipf-like: the organisation of rank r is chosen with probability ~ 1/r.
  const organisation = (): number => Math.min(organisationCount - 1, Math.floor(Math.exp(random() * Math.log(organisationCount))) - 1);
  const orgRef = (rank: number): string => `XM-SYN-${String(rank).padStart(5, '0')}`;
  const orgType = (rank: number): string => organisationTypes[rank % organisationTypes.length] as string;
  const phrase = (lang: string, count: number): string => Array.from({ length: count }, () => pick(words[lang] ?? [])).join(' ');
  const narratives = (count: number, length: number): string =>
    languages
      .slice(0, count)
      .map((lang) => `<narrative${lang === 'en' ? '' : ` xml:lang="${lang}"`}>${escapeXml(phrase(lang, length))}</narrative>`)
      .join('');
  const date = (year: number): string => `${year}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
  const orgName = (rank: number): string => `<narrative>Organisation ${rank} &amp; partners</narrative>`;

  return {
    activity(index) {
      const reporting = organisation();
      const id = `${orgRef(reporting)}-${index}`;
      const year = between(2010, 2024);
      const nLanguages = between(1, 3);
      const members = Array.from({ length: between(2, 8) }, () => organisation());
      const parts: string[] = [
        `<iati-activity last-updated-datetime="${date(2024)}T10:00:00Z" xml:lang="en" default-currency="${pick(['USD', 'EUR', 'GBP'])}" hierarchy="1">`,
        `<iati-identifier>${id}</iati-identifier>`,
        `<reporting-org ref="${orgRef(reporting)}" type="${orgType(reporting)}">${orgName(reporting)}</reporting-org>`,
        `<title>${narratives(nLanguages, 4)}</title>`,
        `<description type="1">${narratives(nLanguages, 40)}</description>`,
        `<description type="2">${narratives(1, 25)}</description>`,
      ];
      members.forEach((rank, position) => {
        const role = position === 0 ? '1' : position === 1 ? '2' : String(between(3, 4));
        parts.push(`<participating-org ref="${orgRef(rank)}" role="${role}" type="${orgType(rank)}"${random() < 0.2 ? ` activity-id="${orgRef(rank)}-${between(1, 9999)}"` : ''}>${orgName(rank)}</participating-org>`);
      });
      parts.push(
        `<activity-status code="${between(1, 4)}"/>`,
        `<activity-date type="1" iso-date="${date(year)}"/><activity-date type="2" iso-date="${date(year)}"/><activity-date type="3" iso-date="${date(year + 3)}"/>`,
        `<contact-info type="1"><organisation><narrative>Contact &amp; enquiries</narrative></organisation><email>info@example.org</email></contact-info>`,
        `<recipient-country code="${pick(countriesPool)}" percentage="100"/>`,
        `<location><name><narrative>${escapeXml(phrase('en', 2))}</narrative></name><point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>${(random() * 20).toFixed(4)} ${(random() * 40).toFixed(4)}</pos></point></location>`,
        `<sector vocabulary="1" code="${pick(sectorsPool)}" percentage="60"/><sector vocabulary="1" code="${pick(sectorsPool)}" percentage="40"/>`,
      );
      for (let budget = 0, count = between(1, 4); budget < count; budget++) {
        parts.push(`<budget type="1" status="${between(1, 2)}"><period-start iso-date="${year + budget}-01-01"/><period-end iso-date="${year + budget}-12-31"/><value value-date="${year + budget}-01-01">${between(10, 5000) * 1000}</value></budget>`);
      }
      for (let transaction = 0, count = between(3, 15); transaction < count; transaction++) {
        const provider = members[0] as number;
        const receiver = members[between(1, members.length - 1)] as number;
        parts.push(
          `<transaction><transaction-type code="${pick(['1', '2', '3', '3', '3', '4'])}"/><transaction-date iso-date="${date(year + 1)}"/>` +
            `<value value-date="${date(year + 1)}">${(random() * 1e6).toFixed(2)}</value><description><narrative>Tranche ${transaction + 1} &amp; fees</narrative></description>` +
            `<provider-org ref="${orgRef(provider)}" provider-activity-id="${orgRef(provider)}-${between(1, 9999)}">${orgName(provider)}</provider-org>` +
            `<receiver-org ref="${orgRef(receiver)}"${random() < 0.5 ? ` receiver-activity-id="${orgRef(receiver)}-${between(1, 9999)}"` : ''}>${orgName(receiver)}</receiver-org></transaction>`,
        );
      }
      parts.push(
        `<document-link format="application/pdf" url="https://example.org/doc/${index}.pdf"><title>${narratives(1, 3)}</title><category code="A01"/></document-link>`,
        `<result type="1"><title>${narratives(nLanguages, 5)}</title><indicator measure="1"><title>${narratives(1, 4)}</title><baseline year="${year}" value="${between(0, 100)}"/><period><period-start iso-date="${year}-01-01"/><period-end iso-date="${year}-12-31"/><target value="${between(10, 200)}"/><actual value="${between(0, 200)}"/></period></indicator></result>`,
        '</iati-activity>',
      );
      return parts.join('\n');
    },
  };
}

/** Writes a synthetic IATI file of about `sizeBytes` bytes to `path`; returns the bytes written. */
export async function generateIatiFile(path: string, sizeBytes: number, seed = 42): Promise<number> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const generator = createGenerator(seed);
  let written = 0;
  const write = async (text: string): Promise<void> => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2024-06-01T00:00:00Z">\n`);
  for (let index = 0; written < sizeBytes; index++) {
    const batch: string[] = [];
    for (let step = 0; step < 50; step++) batch.push(generator.activity(index * 50 + step));
    await write(`${batch.join('\n')}\n`);
  }
  await write('</iati-activities>\n');
  out.end();
  await once(out, 'finish');
  return written;
}

/** Where the benchmark keeps a generated file of the given size. */
export function generatedFilePath(sizeMb: number): string {
  return resolve(benchOut, `iati-${sizeMb}mb.xml`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argument = (name: string): string | undefined => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  const sizeMb = Number(argument('--size-mb') ?? 200);
  const path = resolve(argument('--out') ?? generatedFilePath(sizeMb));
  const bytes = await generateIatiFile(path, sizeMb * 1024 * 1024);
  console.log(`wrote ${path} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
}
