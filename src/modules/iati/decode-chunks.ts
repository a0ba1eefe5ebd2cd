// Turns the bytes of a file into text chunk by chunk, refusing bytes that are not valid in the
// file's encoding (a silently "repaired" file would import corrupted names).
import { Buffer, isUtf8 } from 'node:buffer';

/** Thrown for bytes that are invalid in the encoding; `textBefore` is the valid text that
 * precedes them in the current chunk, so the caller can say where they are. */
export class InvalidBytesError extends Error {
  readonly textBefore: string;
  constructor(textBefore: string) {
    super('bytes that are not valid in the declared encoding');
    this.textBefore = textBefore;
  }
}

/** Thrown when the XML declaration names an encoding this runtime cannot decode. */
export class UnsupportedEncodingError extends Error {}

export type ChunkDecoder = { decode(chunk: Buffer): string; end(): string };

const utf8Labels = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

function declaredEncoding(head: Buffer): string | null {
  const text = head.toString('latin1', 0, Math.min(head.length, 256));
  const match = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(text);
  return match?.[1]?.toLowerCase() ?? null;
}

// Length of the part of `bytes` that ends on a whole UTF-8 sequence; the rest waits for the next
// chunk. Invalid lead bytes are left in so that validation reports them.
function wholeSequenceLength(bytes: Buffer): number {
  const length = bytes.length;
  for (let index = length - 1; index >= 0 && index >= length - 4; index--) {
    const byte = bytes[index] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return index + size <= length ? length : index;
  }
  return length;
}

function replacementPrefix(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  const bad = text.indexOf('\uFFFD');
  return bad < 0 ? text : text.slice(0, bad);
}

// UTF-8 path: Buffer#toString and isUtf8 are several times faster than a fatal TextDecoder.
function createUtf8Decoder(): ChunkDecoder {
  let carry: Buffer | null = null;
  return {
    decode(chunk) {
      const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      const whole = wholeSequenceLength(bytes);
      carry = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : null;
      const part = bytes.subarray(0, whole);
      if (!isUtf8(part)) throw new InvalidBytesError(replacementPrefix(part));
      return part.toString('utf8');
    },
    end() {
      if (carry && carry.length > 0) throw new InvalidBytesError('');
      return '';
    },
  };
}

function createTextDecoder(label: string): ChunkDecoder {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new UnsupportedEncodingError(`the file declares encoding "${label}", which cannot be read`);
  }
  const fail = (chunk: Buffer): never => {
    throw new InvalidBytesError(replacementPrefix(chunk));
  };
  return {
    decode(chunk) {
      try {
        return decoder.decode(chunk, { stream: true });
      } catch {
        return fail(chunk);
      }
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        throw new InvalidBytesError('');
      }
    },
  };
}

/** Chooses a decoder from the first bytes of a file (BOM, else XML declaration, else UTF-8)
 * and returns it with the number of leading BOM bytes to drop. */
export function createChunkDecoder(head: Buffer): { decoder: ChunkDecoder; skipBytes: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { decoder: createUtf8Decoder(), skipBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { decoder: createTextDecoder('utf-16le'), skipBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { decoder: createTextDecoder('utf-16be'), skipBytes: 2 };
  const label = declaredEncoding(head);
  if (label === null || utf8Labels.has(label)) return { decoder: createUtf8Decoder(), skipBytes: 0 };
  return { decoder: createTextDecoder(label), skipBytes: 0 };
}
