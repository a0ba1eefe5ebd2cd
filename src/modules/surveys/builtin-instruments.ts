import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { surveyInstruments, type InstrumentDefinition } from '../../db/schema/index.js';
import { instrumentDefinitionSchema } from './instrument-definition.js';

/** The repository's content/instruments/ folder, found from this file so that it works from any working directory. */
const instrumentsFolder = new URL('../../../content/instruments/', import.meta.url);

const contentFile = z.object({ key: z.string().min(1), version: z.number().int().positive() }).passthrough();

export type BuiltInInstrument = { key: string; version: number; definition: InstrumentDefinition };

/** Reads and validates every content/instruments/*.json; a broken file throws, naming the file and field. */
export function loadBuiltInInstruments(folder: URL = instrumentsFolder): BuiltInInstrument[] {
  const directory = fileURLToPath(folder);
  return fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const raw: unknown = JSON.parse(fs.readFileSync(`${directory}/${name}`, 'utf8'));
      const meta = contentFile.safeParse(raw);
      const { key: _key, version: _version, ...rest } = (meta.success ? meta.data : {}) as Record<string, unknown>;
      const parsed = instrumentDefinitionSchema.safeParse(rest);
      if (!meta.success || !parsed.success) {
        const issues = [...(meta.error?.issues ?? []), ...(parsed.error?.issues ?? [])];
        throw new Error(`Invalid survey instrument ${directory}/${name}:\n${issues.map((issue) => `  /${issue.path.join('/')}: ${issue.message}`).join('\n')}`);
      }
      return { key: meta.data.key, version: meta.data.version, definition: parsed.data };
    });
}

let cached: BuiltInInstrument[] | undefined;

/**
 * Makes the database hold the current built-in instruments: inserted once, replaced when the
 * content's version grows. Safe to run on several nodes at once.
 */
export async function seedBuiltInInstruments(db: Database): Promise<void> {
  cached ??= loadBuiltInInstruments();
  for (const instrument of cached) {
    await db
      .insert(surveyInstruments)
      .values({ builtInKey: instrument.key, contentVersion: instrument.version, definition: instrument.definition })
      .onConflictDoUpdate({
        target: surveyInstruments.builtInKey,
        set: { definition: instrument.definition, contentVersion: instrument.version, updatedAt: sql`now()`, version: sql`${surveyInstruments.version} + 1` },
        setWhere: sql`${surveyInstruments.contentVersion} < ${instrument.version}`,
      });
  }
}
