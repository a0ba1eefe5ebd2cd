// Streaming IATI reader: bytes in, one normalized activity out at a time, in constant memory.
// saxes is the parser because it rejects every malformed input we tried and never expands
// external entities; DOCTYPEs are refused outright (XXE, "billion laughs").
import { Buffer } from 'node:buffer';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { createActivityBuilder, type ActivityBuilder } from './activity-builder.js';
import type { BuiltActivity } from './activity-elements.js';
import { copyString } from './copy-string.js';
import { createChunkDecoder, InvalidBytesError, UnsupportedEncodingError, type ChunkDecoder } from './decode-chunks.js';
import { IatiFileError, type IatiFileErrorCode } from './errors.js';
import type { IatiReadItem, IatiReadOptions, IatiWarning } from './types.js';

const defaultLimits: Required<IatiReadOptions> = {
  maxBytes: 1024 * 1024 * 1024,
  maxDepth: 64,
  maxAttributeLength: 64 * 1024,
  maxTextLength: 8 * 1024 * 1024,
};
// Enough bytes to see a BOM and the XML declaration before choosing the decoder.
const headBytes = 256;
const versionPattern = /^[12]\.0?\d{1,2}$/;

export type IatiByteSource = Readable | AsyncIterable<Uint8Array | string>;

type PlainParser = SaxesParser<{ xmlns: false; position: true }>;
type Queued = BuiltActivity | { kind: 'warning'; warning: IatiWarning };

function positionOf(parser: PlainParser): { line: number; column: number } {
  return { line: parser.line, column: parser.column };
}

// saxes prefixes its messages with "line:column: "; the position is reported separately.
function saxesReason(error: Error): string {
  return error.message.replace(/^\d+:\d+: /, '');
}

function failAt(parser: PlainParser, code: IatiFileErrorCode, reason: string): never {
  throw new IatiFileError(code, reason, parser.line, parser.column);
}

function invalidBytesPosition(parser: PlainParser, textBefore: string): { line: number; column: number } {
  const lastNewline = textBefore.lastIndexOf('\n');
  if (lastNewline < 0) return { line: parser.line, column: parser.column + textBefore.length };
  let newlines = 0;
  for (let index = 0; index < textBefore.length; index++) if (textBefore.charCodeAt(index) === 10) newlines++;
  return { line: parser.line + newlines, column: textBefore.length - lastNewline - 1 };
}

function createParser(limits: Required<IatiReadOptions>, queue: Queued[]): PlainParser {
  const parser: PlainParser = new SaxesParser({ xmlns: false, position: true });
  let depth = 0;
  let fileVersion: string | null = null;
  let activity: ActivityBuilder | null = null;
  let activityStart = { line: 0, column: 0 };

  parser.on('error', (error) => failAt(parser, 'not-well-formed', saxesReason(error)));
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) failAt(parser, 'entity-forbidden', 'the file declares entities, which are refused (XXE, entity expansion)');
    failAt(parser, 'doctype-forbidden', 'the file declares a DOCTYPE, which is refused');
  });
  parser.on('opentagstart', (tag) => {
    // The start of an activity is where the user should look; the opentag event fires at its end.
    if (depth === 1) activityStart = { line: parser.line, column: Math.max(0, parser.column - tag.name.length - 1) };
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth += 1;
    if (depth > limits.maxDepth) failAt(parser, 'too-deep', `elements are nested deeper than ${limits.maxDepth} levels`);
    const attributes = tag.attributes;
    for (const name in attributes) {
      if ((attributes[name] as string).length > limits.maxAttributeLength) {
        failAt(parser, 'attribute-too-long', `attribute ${name} of ${tag.name} is longer than ${limits.maxAttributeLength} characters`);
      }
    }
    if (activity !== null) {
      activity.open(tag.name, attributes, parser.line, parser.column);
    } else if (depth === 2) {
      if (tag.name === 'iati-activity') activity = createActivityBuilder(attributes, activityStart, fileVersion);
    } else if (depth === 1) {
      if (tag.name !== 'iati-activities') failAt(parser, 'not-iati', `the root element is <${tag.name}>, not <iati-activities>`);
      const version = attributes.version?.trim();
      if (version !== undefined && versionPattern.test(version)) fileVersion = copyString(version);
      else {
        const reason = version === undefined ? 'iati-activities has no version; it is inferred per activity' : `unknown version "${version}"; it is inferred per activity`;
        queue.push({ kind: 'warning', warning: { ...positionOf(parser), element: 'iati-activities', reason } });
      }
    }
  });
  const onText = (text: string): void => {
    if (text.length > limits.maxTextLength) failAt(parser, 'text-too-long', `a text is longer than ${limits.maxTextLength} characters`);
    if (activity !== null) activity.text(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (activity !== null) {
      if (depth === 2) {
        queue.push(activity.finish());
        activity = null;
      } else activity.close();
    }
    depth -= 1;
  });
  return parser;
}

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
  const parser = createParser(limits, queue);
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
  try {
    parser.close();
  } catch (error) {
    if (error instanceof IatiFileError && /unclosed tag|unexpected end/.test(error.reason)) {
      throw new IatiFileError('truncated', `the file ends before its elements are closed (${error.reason})`, error.line, error.column);
    }
    throw error;
  }
  yield* drain();
}
