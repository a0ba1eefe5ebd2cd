// The input side of the XML scanner: UTF-8 bytes arrive in chunks, are validated, kept until the
// constructs they hold are complete, decoded on demand, and located (line, column) on demand.
import { Buffer, isUtf8 } from 'node:buffer';
import { IatiFileError, type IatiFileErrorCode } from './errors.js';
import type { IatiPosition } from './types.js';
import { Flag, countCharacters, expandReferences, firstInvalidUtf8, Reference, referenceEnd, wholeSequenceEnd } from './xml-chars.js';
import { PositionCounter, StringCache } from './xml-positions.js';

export type XmlLimits = { maxAttributeLength: number; maxTextLength: number };

export const empty = Buffer.alloc(0);
// A construct still unfinished after this many bytes waits for twice as many before being rescanned,
// so that a hostile giant tag costs linear time, not quadratic.
export const rescanThreshold = 1024 * 1024;
// Values this short are looked up in a cache before being decoded: codes, languages, roles repeat.
const shortValue = 8;
const crlf = /\r\n?/g;
const valueWhitespace = /\r\n|[\r\n\t]/g;
// Buffer#toString('utf8', ...) ends in this method after argument checks the scanner does not need.
type Utf8Slicer = Buffer & { utf8Slice(start: number, end: number): string };

export abstract class XmlInput {
  /** Bytes of `buf` that may be scanned: whole, validated UTF-8 sequences. */
  protected buf: Buffer = empty;
  protected len = 0;
  protected pos = 0;
  /** Offset of buf[0] in the whole input. */
  protected base = 0;
  protected final = false;
  private waitFor = 0;
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  private readonly positions = new PositionCounter();
  protected readonly names = new StringCache(1024);
  private readonly values = new StringCache(4096);

  constructor(protected readonly limits: XmlLimits) {}

  /** Scans what the bytes read so far complete. */
  protected abstract scan(): void;
  /** The scanned bytes are about to be dropped. */
  protected abstract settle(): void;

  /** Scans the next bytes of the input (UTF-8); whatever is unfinished waits for the next call. */
  write(chunk: Buffer): void {
    if (this.len - this.pos + this.waitingBytes + chunk.length < this.waitFor) {
      this.waiting.push(chunk);
      this.waitingBytes += chunk.length;
      return;
    }
    this.take(chunk);
    this.scan();
    const unfinished = this.len - this.pos;
    this.waitFor = unfinished > rescanThreshold ? unfinished * 2 : 0;
  }

  /** Throws an IatiFileError at the position of byte `index` of the current buffer. */
  failAt(code: IatiFileErrorCode, reason: string, index: number): never {
    const { line, column } = this.positionAt(index);
    throw new IatiFileError(code, reason, line, column);
  }

  /** Throws an IatiFileError at the position just after everything written so far. */
  failAtEnd(code: IatiFileErrorCode, reason: string): never {
    const { line, column } = this.endPosition();
    throw new IatiFileError(code, reason, line, column);
  }

  /** The position of byte `index` of the current buffer. */
  positionAt(index: number): IatiPosition {
    return this.positions.at(index);
  }

  /** The offset in the whole input of byte `index` of the current buffer. */
  offsetAt(index: number): number {
    return this.base + index;
  }

  /** The position of the byte at `offset` in the whole input, which must not have been dropped yet. */
  positionOf(offset: number): IatiPosition {
    return this.positions.at(offset - this.base);
  }

  /** The position just after everything written so far. */
  endPosition(): IatiPosition {
    this.flush();
    return this.positionAt(this.buf.length);
  }

  /** Decodes character data reported to the handler. */
  text(start: number, end: number, flags: number): string {
    let text = (this.buf as Utf8Slicer).utf8Slice(start, end);
    if ((flags & Flag.Cr) !== 0) text = text.replace(crlf, '\n');
    return (flags & Flag.Entities) !== 0 ? expandReferences(text) : text;
  }

  protected value(start: number, end: number, flags: number): string {
    if (flags === 0 && end - start <= shortValue) return this.values.get(this.buf, start, end);
    let text = (this.buf as Utf8Slicer).utf8Slice(start, end);
    if ((flags & Flag.Whitespace) !== 0) text = text.replace(valueWhitespace, ' ');
    return (flags & Flag.Entities) !== 0 ? expandReferences(text) : text;
  }

  /** Takes in the chunks that were waiting for a long construct to be complete. */
  protected flush(): void {
    if (this.waitingBytes > 0) this.take(empty);
  }

  // Drops the scanned bytes, appends the new ones and validates them as UTF-8.
  protected take(chunk: Buffer): void {
    this.settle();
    const rest = this.buf.subarray(this.pos);
    const validated = this.len - this.pos;
    const parts = rest.length > 0 ? [rest, ...this.waiting, chunk] : [...this.waiting, chunk];
    this.buf = parts.length === 1 ? chunk : Buffer.concat(parts);
    this.positions.rebase(this.buf, this.pos);
    this.base += this.pos;
    this.pos = 0;
    this.waiting = [];
    this.waitingBytes = 0;
    const whole = wholeSequenceEnd(this.buf, validated, this.buf.length);
    if (!isUtf8(this.buf.subarray(validated, whole))) {
      const bad = firstInvalidUtf8(this.buf, validated, whole);
      this.len = bad;
      this.scan();
      this.failAt('invalid-encoding', 'the file contains bytes that are not valid in its encoding', bad);
    }
    this.len = whole;
  }

  // A reference starting at `amp`: the index after it, or -1 when it may continue in the next bytes.
  protected reference(amp: number): number {
    const end = referenceEnd(this.buf, amp, this.len);
    if (end >= -1) return end;
    const reason = end === Reference.Undefined ? `undefined entity &${this.buf.toString('utf8', amp + 1, this.buf.indexOf(0x3b, amp))};` : 'malformed reference';
    return this.failAt('not-well-formed', reason, amp);
  }

  protected unfinished(start: number, end: number): number {
    if (end - start > this.limits.maxTextLength) this.checkText(start, end);
    return -1;
  }

  protected checkText(start: number, end: number): void {
    const limit = this.limits.maxTextLength;
    if (end - start > limit && countCharacters(this.buf, start, end) > limit) this.failAt('text-too-long', `a text is longer than ${limit} characters`, start);
  }
}
