import { z } from 'zod';
import { bilingual, readContentFile } from '../appraisal/content.js';

const capacityFrameworkSchema = z.object({
  key: z.string().min(1),
  version: z.number().int().positive(),
  title: bilingual,
  description: bilingual,
  scale: z.object({ values: z.array(z.number().int()).min(2), labels: z.object({ en: z.array(z.string().min(1)), fr: z.array(z.string().min(1)) }) }),
  domains: z
    .array(
      z.object({
        key: z.string().min(1),
        title: bilingual,
        levels: z.array(z.object({ value: z.number().int(), text: bilingual })),
        indicators: z.array(z.object({ key: z.string().min(1), text: bilingual })).min(1),
      }),
    )
    .min(1),
});

export type CapacityFramework = z.infer<typeof capacityFrameworkSchema>;

function loadCapacityFramework(): CapacityFramework {
  const framework = readContentFile('appraisal/capacity-domains.json', capacityFrameworkSchema);
  const problems: string[] = [];
  if (framework.scale.labels.en.length !== framework.scale.values.length || framework.scale.labels.fr.length !== framework.scale.values.length) {
    problems.push('/scale/labels: one label per value is needed');
  }
  const seen = new Set<string>();
  framework.domains.forEach((domain, index) => {
    if (seen.has(domain.key)) problems.push(`/domains/${index}/key: repeats "${domain.key}"`);
    seen.add(domain.key);
    domain.indicators.forEach((indicator, indicatorIndex) => {
      if (seen.has(indicator.key)) problems.push(`/domains/${index}/indicators/${indicatorIndex}/key: repeats "${indicator.key}"`);
      seen.add(indicator.key);
    });
  });
  if (problems.length > 0) throw new Error(`Invalid content file appraisal/capacity-domains.json:\n  ${problems.join('\n  ')}`);
  return framework;
}

/** The capacity domains, indicators and 1-4 scale shipped in content/, validated when the server starts. */
export const capacityFramework = loadCapacityFramework();

/** How assessments record the framework they used: "key@version". */
export const CAPACITY_FRAMEWORK_ID = `${capacityFramework.key}@${capacityFramework.version}`;
