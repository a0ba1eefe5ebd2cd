// Line and column counting for the XML scanner, done only when a position is asked for: lines
// are found with indexOf (memchr), and characters are counted only on the line asked about.
import type { Buffer } from 'node:buffer';
import type { IatiPosition } from './types.js';
import { countCharacters } from './xml-chars.js';

/** Counts lines (CR LF, CR and LF each end one, as in XML) and columns (in characters) in a buffer. */
export class PositionCounter {
  line = 1;
  column = 0;
  private buf: Buffer | null = null;
  /** Index of the buffer up to which line and column are counted. */
  private counted = 0;
  /** The column at the buffer's first byte. */
  private startColumn = 0;
  private nextLf = -1;
  private nextCr = -1;

  /** Moves to a new buffer whose first byte is byte `from` of the current one. */
  rebase(buf: Buffer, from: number): void {
    this.advance(from);
    this.buf = buf;
    this.startColumn = this.column;
    this.counted = 0;
    this.nextLf = -1;
    this.nextCr = -1;
  }

  /** The position of byte `index` of the buffer. */
  at(index: number): IatiPosition {
    if (index >= this.counted) {
      this.advance(index);
      return { line: this.line, column: this.column };
    }
    return this.before(Math.max(index, 0));
  }

  private advance(target: number): void {
    const buf = this.buf;
    if (buf === null || target <= this.counted) return;
    let lf = this.nextLf;
    let cr = this.nextCr;
    if (lf < this.counted) lf = buf.indexOf(0x0a, this.counted) >>> 0;
    if (cr < this.counted) cr = buf.indexOf(0x0d, this.counted) >>> 0;
    for (;;) {
      const newline = lf < cr ? lf : cr;
      if (newline >= target) break;
      if (newline === cr) {
        cr = buf.indexOf(0x0d, newline + 1) >>> 0;
        if (buf[newline + 1] === 0x0a) continue;
      } else lf = buf.indexOf(0x0a, newline + 1) >>> 0;
      this.line++;
      this.column = 0;
      this.counted = newline + 1;
    }
    this.column += countCharacters(buf, this.counted, target);
    this.counted = target;
    this.nextLf = lf;
    this.nextCr = cr;
  }

  // A position before the counted point: walks back to it counting line ends, then to its line's start.
  private before(index: number): IatiPosition {
    const buf = this.buf as Buffer;
    let line = this.line;
    for (let at = this.counted - 1; at >= index; at--) {
      const byte = buf[at];
      if (byte === 0x0a || (byte === 0x0d && buf[at + 1] !== 0x0a)) line--;
    }
    let start = index;
    while (start > 0 && buf[start - 1] !== 0x0a && buf[start - 1] !== 0x0d) start--;
    return { line, column: (start === 0 ? this.startColumn : 0) + countCharacters(buf, start, index) };
  }
}

/** Strings for byte ranges that recur (element and attribute names, codes, languages): decoded
 * once, then found again by comparing bytes. A bounded table, so hostile input cannot grow it. */
export class StringCache {
  /** The bytes of the string returned last. */
  lastKey: Uint8Array = new Uint8Array(0);
  private readonly keys: Uint8Array[];
  private readonly values: string[];

  constructor(private readonly slots: number) {
    this.keys = new Array<Uint8Array>(slots).fill(this.lastKey);
    this.values = new Array<string>(slots).fill('');
  }

  get(buf: Buffer, start: number, end: number): string {
    const length = end - start;
    // Length, first, second and last bytes tell apart the names of a vocabulary and short codes.
    const slot = ((length << 6) ^ ((buf[start] as number) << 3) ^ ((buf[start + 1] as number) << 1) ^ (buf[end - 1] as number) ^ (buf[end - 2] as number) << 5) & (this.slots - 1);
    const key = this.keys[slot] as Uint8Array;
    if (key.length === length) {
      let at = 0;
      while (at < length && key[at] === buf[start + at]) at++;
      if (at === length) {
        this.lastKey = key;
        return this.values[slot] as string;
      }
    }
    // Internalized (as property keys are), so that attribute objects and sets use it as is.
    const value = Object.keys({ [buf.toString('utf8', start, end)]: 0 })[0] as string;
    const copy = Uint8Array.prototype.slice.call(buf, start, end);
    this.keys[slot] = copy;
    this.values[slot] = value;
    this.lastKey = copy;
    return value;
  }
}
