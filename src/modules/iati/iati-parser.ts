// The IATI reader over the XML scanner: encoding, limits, refusals and the dispatch of each
// activity's elements to its builder. Shared by the streaming reader and the parallel file
// reader's workers.
import { Buffer } from 'node:buffer';
import { createActivityBuilder, type ActivityBuilder } from './activity-builder.js';
import type { BuiltActivity } from './activity-elements.js';
import { chooseTranscoder, InvalidBytesError, UnsupportedEncodingError, type ChunkTranscoder } from './decode-chunks.js';
import type { IatiFileErrorCode } from './errors.js';
import type { IatiPosition, IatiReadOptions, IatiWarning } from './types.js';
import { XmlScanner, type XmlHandler } from './xml-scanner.js';

export const defaultLimits: Required<IatiReadOptions> = {
  maxBytes: 1024 * 1024 * 1024,
  maxDepth: 64,
  maxAttributeLength: 64 * 1024,
  maxTextLength: 8 * 1024 * 1024,
};
const versionPattern = /^[12]\.0?\d{1,2}$/;
// Enough bytes to see a BOM and the XML declaration before choosing the encoding.
const headBytes = 256;

export type Queued = BuiltActivity | { kind: 'warning'; warning: IatiWarning };

/** Bytes in, finished activities (and file warnings) pushed to the queue given at creation. */
export type IatiReader = {
  write(chunk: Buffer): void;
  /** Ends the input; throws IatiFileError when the file must be refused. */
  end(): void;
  /** The position just after everything written so far. */
  position(): IatiPosition;
  /** Throws an IatiFileError at the position just after everything written so far. */
  fail(code: IatiFileErrorCode, reason: string): never;
};

// Receives the scanner's elements: the root, then each activity, handed to its builder.
class IatiDocument implements XmlHandler {
  scanner: XmlScanner;
  private fileVersion: string | null = null;
  private activity: ActivityBuilder | null = null;

  constructor(
    private readonly limits: Required<IatiReadOptions>,
    private readonly queue: Queued[],
  ) {
    this.scanner = new XmlScanner(this, limits);
  }

  open(name: string, depth: number): void {
    const scanner = this.scanner;
    if (depth > this.limits.maxDepth) scanner.failAt('too-deep', `elements are nested deeper than ${this.limits.maxDepth} levels`, scanner.tagEnd);
    if (this.activity !== null) {
      this.activity.open(name, scanner);
    } else if (depth === 2) {
      // A position is that of the next character to read (as XML parsers count): for the activity, just after its `<`.
      if (name === 'iati-activity') this.activity = createActivityBuilder(scanner.attributes(), scanner.positionAt(scanner.tagStart + 1), this.fileVersion, scanner);
    } else if (depth === 1) {
      if (name !== 'iati-activities') scanner.failAt('not-iati', `the root element is <${name}>, not <iati-activities>`, scanner.tagEnd);
      const version = scanner.attributes().version?.trim();
      if (version !== undefined && versionPattern.test(version)) this.fileVersion = version;
      else {
        const reason = version === undefined ? 'iati-activities has no version; it is inferred per activity' : `unknown version "${version}"; it is inferred per activity`;
        this.queue.push({ kind: 'warning', warning: { ...scanner.positionAt(scanner.tagEnd), element: 'iati-activities', reason } });
      }
    }
  }

  text(start: number, end: number, flags: number): void {
    const activity = this.activity;
    if (activity !== null && activity.wantsText()) activity.text(this.scanner.text(start, end, flags));
  }

  settle(): void {
    this.activity?.settle();
  }

  close(depth: number): void {
    const activity = this.activity;
    if (activity === null) return;
    if (depth === 2) {
      this.queue.push(activity.finish());
      this.activity = null;
    } else activity.close();
  }
}

/** Creates a reader that pushes each finished activity, skipped activity or file warning to `queue`. */
export function createIatiReader(limits: Required<IatiReadOptions>, queue: Queued[]): IatiReader {
  const scanner = new IatiDocument(limits, queue).scanner;
  let head: Buffer[] | null = [];
  let headLength = 0;
  let transcoder: ChunkTranscoder | null = null;

  const fail = (code: IatiFileErrorCode, reason: string): never => {
    if (head !== null) start();
    return scanner.failAtEnd(code, reason);
  };
  // A non-UTF-8 file is transcoded; bytes invalid in its encoding are placed after the valid text before them.
  const transcode = (step: () => Buffer): Buffer => {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof InvalidBytesError)) throw error;
      scanner.write(Buffer.from(error.textBefore, 'utf8'));
      return fail('invalid-encoding', 'the file contains bytes that are not valid in its encoding');
    }
  };
  const start = (): void => {
    const first = Buffer.concat(head ?? []);
    head = null;
    let chosen: ReturnType<typeof chooseTranscoder>;
    try {
      chosen = chooseTranscoder(first);
    } catch (error) {
      if (error instanceof UnsupportedEncodingError) fail('unsupported-encoding', error.message);
      throw error;
    }
    transcoder = chosen.transcoder;
    feed(first.subarray(chosen.skipBytes));
  };
  const feed = (chunk: Buffer): void => {
    const current = transcoder;
    scanner.write(current === null ? chunk : transcode(() => current.transcode(chunk)));
  };

  return {
    write(chunk) {
      if (head === null) return feed(chunk);
      head.push(chunk);
      headLength += chunk.length;
      if (headLength >= headBytes) start();
    },
    end() {
      if (head !== null) start();
      const current = transcoder;
      if (current !== null) scanner.write(transcode(() => current.end()));
      scanner.end();
    },
    position() {
      if (head !== null) start();
      return scanner.endPosition();
    },
    fail,
  };
}
