// Regenerates schemas/programme-bundle.schema.json from the zod schema: `npx tsx scripts/write-bundle-schema.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderBundleJsonSchema } from '../src/modules/bundle/json-schema.js';

const target = fileURLToPath(new URL('../schemas/programme-bundle.schema.json', import.meta.url));
writeFileSync(target, renderBundleJsonSchema());
process.stdout.write(`wrote ${target}\n`);
