// Helpers shared by this module's tests: read from memory, split into chunks of a chosen size.
import { Buffer } from 'node:buffer';
import { readIatiActivities } from './read-iati-activities.js';
import type { IatiActivity, IatiReadItem, IatiReadOptions } from './types.js';

export const sharedData = new URL('../../../../shared/data/', import.meta.url);

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

/** Reads a whole document given in memory, fed to the reader in chunks of `chunkSize` bytes. */
export async function readAllItems(xml: string | Buffer, options: IatiReadOptions = {}, chunkSize = 64 * 1024): Promise<IatiReadItem[]> {
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  const items: IatiReadItem[] = [];
  for await (const item of readIatiActivities(chunksOf(bytes, chunkSize), options)) items.push(item);
  return items;
}

/** Reads a document in memory and keeps only the activities. */
export async function readActivities(xml: string | Buffer, options: IatiReadOptions = {}, chunkSize?: number): Promise<IatiActivity[]> {
  const items = await readAllItems(xml, options, chunkSize);
  return items.flatMap((item) => (item.kind === 'activity' ? [item.activity] : []));
}
