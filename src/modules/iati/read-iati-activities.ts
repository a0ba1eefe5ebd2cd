// Streaming IATI reader: bytes in, one normalized activity out at a time, in constant memory.
// The XML scanner (xml-scanner.ts) never expands entities: DOCTYPEs are refused outright (XXE,
// "billion laughs"), and every file that is not well-formed is refused with its line and column.
import { Buffer } from 'node:buffer';
import type { Readable } from 'node:stream';
import { createIatiReader, defaultLimits, type Queued } from './iati-parser.js';
import type { IatiReadItem, IatiReadOptions } from './types.js';

export type IatiByteSource = Readable | AsyncIterable<Uint8Array | string>;

async function* bytesOf(source: IatiByteSource): AsyncGenerator<Buffer> {
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

/** Reads an IATI activity file as a stream, yielding each activity (or skipped activity, or
 * file warning) as soon as it is complete; throws IatiFileError when the file must be refused. */
export async function* readIatiActivities(source: IatiByteSource, options: IatiReadOptions = {}): AsyncGenerator<IatiReadItem, void, undefined> {
  const limits = { ...defaultLimits, ...options };
  const queue: Queued[] = [];
  const reader = createIatiReader(limits, queue);
  let bytesRead = 0;
  function* drain(): Generator<IatiReadItem> {
    for (const item of queue) yield { ...item, bytesRead } as IatiReadItem;
    queue.length = 0;
  }

  for await (const chunk of bytesOf(source)) {
    bytesRead += chunk.length;
    if (bytesRead > limits.maxBytes) reader.fail('too-large', `the file is larger than the limit of ${limits.maxBytes} bytes`);
    reader.write(chunk);
    yield* drain();
  }
  reader.end();
  yield* drain();
}
