// Chooses how the bytes of a file become the UTF-8 the scanner reads. UTF-8 files (nearly all)
// go straight through: the scanner validates them itself, chunk by chunk. Files in another
// encoding are transcoded with a fatal TextDecoder, refusing bytes that are not valid in it (a
// silently "repaired" file would import corrupted names).
import { Buffer } from 'node:buffer';

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

/** Turns chunks of a non-UTF-8 file into UTF-8 bytes. */
export type ChunkTranscoder = { transcode(chunk: Buffer): Buffer; end(): Buffer };

const utf8Labels = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

function declaredEncoding(head: Buffer): string | null {
  const text = head.toString('latin1', 0, Math.min(head.length, 256));
  const match = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(text);
  return match?.[1]?.toLowerCase() ?? null;
}

function replacementPrefix(decoder: TextDecoder, bytes: Buffer): string {
  const text = new TextDecoder(decoder.encoding).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  return bad < 0 ? text : text.slice(0, bad);
}

function createTranscoder(label: string): ChunkTranscoder {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new UnsupportedEncodingError(`the file declares encoding "${label}", which cannot be read`);
  }
  return {
    transcode(chunk) {
      try {
        return Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
      } catch {
        throw new InvalidBytesError(replacementPrefix(decoder, chunk));
      }
    },
    end() {
      try {
        return Buffer.from(decoder.decode(), 'utf8');
      } catch {
        throw new InvalidBytesError('');
      }
    },
  };
}

/** Chooses from the first bytes of a file (BOM, else XML declaration, else UTF-8): a transcoder,
 * or null for UTF-8, with the number of leading BOM bytes to drop. */
export function chooseTranscoder(head: Buffer): { transcoder: ChunkTranscoder | null; skipBytes: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { transcoder: null, skipBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { transcoder: createTranscoder('utf-16le'), skipBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { transcoder: createTranscoder('utf-16be'), skipBytes: 2 };
  const label = declaredEncoding(head);
  if (label === null || utf8Labels.has(label)) return { transcoder: null, skipBytes: 0 };
  return { transcoder: createTranscoder(label), skipBytes: 0 };
}
