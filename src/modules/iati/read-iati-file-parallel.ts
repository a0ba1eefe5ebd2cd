// Reads a large IATI file on several cores: the file is cut at `<iati-activity` boundaries into
// segments that worker threads parse on their own (each wrapped in the file's root start tag),
// and the results are put back in file order with their real line and column. Since the byte
// scanner, one thread parses faster than the main thread can rebuild the activities the workers
// send back (structured clone costs about what parsing does), so this only pays where cores are
// idle; the import reads with one thread.
import { Buffer } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IatiFileError } from './errors.js';
import { defaultLimits } from './iati-parser.js';
import type { SegmentRequest, SegmentResult } from './parse-segment.js';
import { readIatiFile } from './read-iati-file.js';
import type { IatiPosition, IatiReadItem, IatiReadOptions } from './types.js';

export type IatiParallelOptions = IatiReadOptions & {
  /** Worker threads to use (default: the number of cores, at most 8). */
  threads?: number;
  /** Approximate size of a segment in bytes (default 1 MiB). */
  segmentBytes?: number;
};

const activityTag = Buffer.from('<iati-activity');
const commentOpen = Buffer.from('<!--');
const commentClose = Buffer.from('-->');
const cdataOpen = Buffer.from('<![CDATA[');
const cdataClose = Buffer.from(']]>');
const headWindow = 64 * 1024;

function occurrences(bytes: Buffer, needle: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + needle.length)) count++;
  return count;
}

// The last `<iati-activity` start tag at which the bytes can be cut, or -1. A cut inside a
// comment or CDATA section would break both halves, so those must be balanced before it.
function findCut(bytes: Buffer, notBefore: number): number {
  for (let at = bytes.lastIndexOf(activityTag); at > notBefore; at = bytes.lastIndexOf(activityTag, at - 1)) {
    const next = bytes[at + activityTag.length];
    if (next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d && next !== 0x3e && next !== 0x2f) continue;
    const before = bytes.subarray(0, at);
    if (occurrences(before, commentOpen) === occurrences(before, commentClose) && occurrences(before, cdataOpen) === occurrences(before, cdataClose)) return at;
    return -1;
  }
  return -1;
}

// The root start tag, flattened to one line so that it shifts columns but not lines. null when
// the file is not plain UTF-8 or the tag is not found early: then one thread reads it.
async function rootStartTag(path: string): Promise<{ tag: string; end: number } | null> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(headWindow);
    const { bytesRead } = await handle.read(head, 0, headWindow, 0);
    const text = head.subarray(0, bytesRead).toString('latin1');
    if (text.startsWith('\xff\xfe') || text.startsWith('\xfe\xff')) return null;
    const encoding = /^(?:\xef\xbb\xbf)?<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1]?.toLowerCase();
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf8') return null;
    const match = /<iati-activities(?:\s[^>]*)?>/.exec(text);
    if (!match || /\/>$/.test(match[0])) return null;
    return { tag: match[0].replace(/\s+/g, ' '), end: match.index + match[0].length };
  } finally {
    await handle.close();
  }
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./parse-segment-worker.js', import.meta.url));
  // Running from TypeScript sources: the worker registers the same loader before importing.
  // The ESM build of tsx's API: require.resolve finds the CommonJS one, whose register() fails in a worker.
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./parse-segment-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(loader)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

type Pending = { id: number; endByte: number; prefixLength: number; result: Promise<SegmentResult> };

/** Reads an IATI file like readIatiFile, with the parsing spread over worker threads; small or
 * non-UTF-8 files, or a single thread, fall back to readIatiFile. */
export async function* readIatiFileParallel(path: string, options: IatiParallelOptions = {}): AsyncGenerator<IatiReadItem, void, undefined> {
  const { threads: requested, segmentBytes = 1024 * 1024, ...readOptions } = options;
  const threads = Math.max(1, Math.min(requested ?? availableParallelism(), 8));
  const root = threads > 1 ? await rootStartTag(path) : null;
  if (root === null) {
    yield* readIatiFile(path, readOptions);
    return;
  }
  const limits: Required<IatiReadOptions> = { ...defaultLimits, ...readOptions };
  const workers = Array.from({ length: threads }, startWorker);
  const waiting = new Map<number, { resolve: (result: SegmentResult) => void; reject: (error: Error) => void }>();
  for (const worker of workers) {
    worker.on('message', (result: SegmentResult) => {
      waiting.get(result.id)?.resolve(result);
      waiting.delete(result.id);
    });
    worker.on('error', (error) => {
      for (const entry of waiting.values()) entry.reject(error);
      waiting.clear();
    });
  }
  const inFlight: Pending[] = [];
  let nextId = 0;
  let start: IatiPosition = { line: 1, column: 0 };

  const dispatch = (bytes: Buffer, endByte: number, last: boolean): void => {
    const id = nextId++;
    const own = new Uint8Array(bytes); // its own ArrayBuffer, so it can be transferred, not copied
    const prefix = id === 0 ? '' : root.tag;
    const request: SegmentRequest = { id, bytes: own, prefix, closeRoot: !last, limits };
    const result = new Promise<SegmentResult>((resolve, reject) => waiting.set(id, { resolve, reject }));
    // Marked as handled: a failure is rethrown when this segment's turn comes, not before.
    result.catch(() => undefined);
    (workers[id % workers.length] as Worker).postMessage(request, [own.buffer]);
    inFlight.push({ id, endByte, prefixLength: prefix.length, result });
  };

  async function* collect(): AsyncGenerator<IatiReadItem> {
    const segment = inFlight.shift() as Pending;
    const result = await segment.result;
    const origin = start;
    const place = (position: IatiPosition): void => {
      if (segment.id === 0) return;
      if (position.line === 1) position.column = origin.column + position.column - segment.prefixLength;
      position.line = origin.line + position.line - 1;
    };
    if ('error' in result) {
      const at = { line: result.error.line, column: result.error.column };
      place(at);
      throw new IatiFileError(result.error.code, result.error.reason, at.line, at.column);
    }
    const end = { line: result.endLine, column: result.endColumn };
    place(end);
    start = end;
    for (const item of result.items) {
      if (item.kind === 'activity') {
        place(item.activity);
        for (const warning of item.activity.warnings) place(warning);
        yield { kind: 'activity', activity: item.activity, bytesRead: segment.endByte };
      } else if (item.kind === 'skipped') {
        place(item.skipped);
        yield { kind: 'skipped', skipped: item.skipped, bytesRead: segment.endByte };
      } else if (segment.id === 0) {
        // Later segments repeat the root's warnings through the copied start tag.
        place(item.warning);
        yield { kind: 'warning', warning: item.warning, bytesRead: segment.endByte };
      }
    }
  }

  try {
    let pending: Buffer = Buffer.alloc(0);
    let bytesRead = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: segmentBytes })) {
      const bytes = chunk as Buffer;
      bytesRead += bytes.length;
      if (bytesRead > limits.maxBytes) {
        while (inFlight.length > 0) yield* collect();
        throw new IatiFileError('too-large', `the file is larger than the limit of ${limits.maxBytes} bytes`, start.line, start.column);
      }
      pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
      if (pending.length < segmentBytes) continue;
      const cut = findCut(pending, nextId === 0 ? root.end : 0);
      if (cut <= 0) continue;
      dispatch(pending.subarray(0, cut), bytesRead - (pending.length - cut), false);
      pending = pending.subarray(cut);
      while (inFlight.length >= threads * 2) yield* collect();
    }
    dispatch(pending, bytesRead, true);
    while (inFlight.length > 0) yield* collect();
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
