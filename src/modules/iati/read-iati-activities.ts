// Streaming IATI reader: bytes in, one normalized activity out at a time, in constant memory.
// saxes is the parser because it rejects every malformed input we tried and never expands
// external entities; DOCTYPEs are refused outright (XXE, "billion laughs").
import { Buffer } from 'node:buffer';
import type { Readable } from 'node:stream';
import { createChunkDecoder, InvalidBytesError, UnsupportedEncodingError, type ChunkDecoder } from './decode-chunks.js';
import { IatiFileError } from './errors.js';
import { closeIatiParser, createIatiParser, defaultLimits, failAt, invalidBytesPosition, type Queued } from './iati-parser.js';
import type { IatiReadItem, IatiReadOptions } from './types.js';

// Enough bytes to see a BOM and the XML declaration before choosing the decoder.
const headBytes = 256;

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
  const parser = createIatiParser(limits, queue);
  // Held in an object: TypeScript does not follow assignments made inside the closures below.
  const state: { decoder: ChunkDecoder | null } = { decoder: null };
  let head: Buffer[] = [];
  let headLength = 0;
  let bytesRead = 0;

  const write = (text: string): void => {
    if (text.length > 0) parser.write(text);
  };
  const decode = <T>(step: () => T): T => {
    try {
      return step();
    } catch (error) {
      if (error instanceof InvalidBytesError) {
        const at = invalidBytesPosition(parser, error.textBefore);
        throw new IatiFileError('invalid-encoding', 'the file contains bytes that are not valid in its encoding', at.line, at.column);
      }
      if (error instanceof UnsupportedEncodingError) failAt(parser, 'unsupported-encoding', error.message);
      throw error;
    }
  };
  const startDecoding = (): void => {
    const first = Buffer.concat(head);
    head = [];
    const chosen = decode(() => createChunkDecoder(first));
    state.decoder = chosen.decoder;
    write(decode(() => chosen.decoder.decode(first.subarray(chosen.skipBytes))));
  };
  function* drain(): Generator<IatiReadItem> {
    for (const item of queue) yield { ...item, bytesRead } as IatiReadItem;
    queue.length = 0;
  }

  for await (const chunk of bytesOf(source)) {
    bytesRead += chunk.length;
    if (bytesRead > limits.maxBytes) failAt(parser, 'too-large', `the file is larger than the limit of ${limits.maxBytes} bytes`);
    const current = state.decoder;
    if (current === null) {
      head.push(chunk);
      headLength += chunk.length;
      if (headLength < headBytes) continue;
      startDecoding();
    } else {
      write(decode(() => current.decode(chunk)));
    }
    yield* drain();
  }
  if (state.decoder === null) startDecoding();
  const last = state.decoder;
  if (last !== null) write(decode(() => last.end()));
  closeIatiParser(parser);
  yield* drain();
}
