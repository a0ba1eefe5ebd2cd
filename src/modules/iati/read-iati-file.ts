// The file-system entry point used by the command line and the benchmark.
import { createReadStream } from 'node:fs';
import { readIatiActivities } from './read-iati-activities.js';
import type { IatiReadItem, IatiReadOptions } from './types.js';

// Larger reads than the 64 KiB default mean fewer parser calls for the same bytes.
const readChunkBytes = 256 * 1024;

/** Reads an IATI activity file from disk, one activity at a time (see readIatiActivities). */
export function readIatiFile(path: string, options: IatiReadOptions = {}): AsyncGenerator<IatiReadItem, void, undefined> {
  return readIatiActivities(createReadStream(path, { highWaterMark: readChunkBytes }), options);
}
