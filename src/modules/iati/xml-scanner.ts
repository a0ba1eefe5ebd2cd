// A strict, streaming XML 1.0 scanner over UTF-8 bytes, made for the IATI reader: it checks every
// well-formedness rule the reader relies on (one root, matching tags, quoted and unique attributes,
// only the five predefined entities and valid character references, allowed characters, comments,
// CDATA, processing instructions, the XML declaration) but builds nothing for the elements the
// reader skips: names are interned, attributes stay byte offsets until asked for, and text is
// decoded only when the handler keeps it. A DOCTYPE is refused outright, so no entity can ever be
// declared or expanded. Positions (line, column in characters) are counted only when asked for.
import { Buffer, isUtf8 } from 'node:buffer';
import { IatiFileError, type IatiFileErrorCode } from './errors.js';
import type { IatiPosition } from './types.js';
import { PositionCounter, StringCache } from './xml-positions.js';
import {
  Flag,
  Kind,
  codePointAt,
  countCharacters,
  expandReferences,
  firstInvalidUtf8,
  isNameCode,
  isNameStartCode,
  isNonCharacter,
  isPredefinedEntity,
  isXmlChar,
  nameKinds,
  rawKinds,
  textKinds,
  valueKinds,
  wholeSequenceEnd,
} from './xml-chars.js';

/** What the scanner reports; `depth` is 1 for the root element. */
export type XmlHandler = {
  /** A start tag was read: `scanner.attributes()` and `scanner.tagEnd` describe it. */
  open(name: string, depth: number): void;
  /** The scanned bytes are about to be dropped: positions still wanted in them must be taken now. */
  settle(): void;
  /** Character data (or a CDATA section) inside the root; `scanner.text()` decodes it. */
  text(start: number, end: number, flags: number): void;
  close(depth: number): void;
};

export type XmlLimits = { maxAttributeLength: number; maxTextLength: number };

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DASH = 0x2d;
const QUESTION = 0x3f;
const BRACKET = 0x5d;
const empty = Buffer.alloc(0);
// A construct still unfinished after this many bytes waits for twice as many before being rescanned,
// so that a hostile giant tag costs linear time, not quadratic.
const rescanThreshold = 1024 * 1024;
// Values this short are looked up in a cache before being decoded: codes, languages, roles repeat.
const shortValue = 8;
const xmlDeclaration = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>$/;
const crlf = /\r\n?/g;
// Buffer#toString('utf8', ...) ends in this method after argument checks the scanner does not need.
type Utf8Slicer = Buffer & { utf8Slice(start: number, end: number): string };
const valueWhitespace = /\r\n|[\r\n\t]/g;

export class XmlScanner {
  /** Offsets of the last start tag read, in the current buffer. */
  tagStart = 0;
  tagEnd = 0;
  private buf: Buffer = empty;
  /** Bytes of `buf` that may be scanned: whole, validated UTF-8 sequences. */
  private len = 0;
  private pos = 0;
  /** Offset of buf[0] in the whole input. */
  private base = 0;
  private final = false;
  private waitFor = 0;
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  private readonly stack: string[] = [];
  /** The bytes of each open element's name, to check its end tag without decoding it. */
  private readonly stackKeys: Uint8Array[] = [];
  /** 0 before the root element, 1 inside it, 2 after it. */
  private phase = 0;
  private readonly positions = new PositionCounter();
  private readonly names = new StringCache(1024);
  private readonly values = new StringCache(4096);
  private attributeCount = 0;
  private readonly attributeNameStarts: number[] = [];
  private readonly attributeNameEnds: number[] = [];
  private readonly attributeStarts: number[] = [];
  private readonly attributeEnds: number[] = [];
  private readonly attributeFlags: number[] = [];

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: XmlLimits,
  ) {}

  /** Scans the next bytes of the input (UTF-8); whatever is unfinished waits for the next call. */
  write(chunk: Buffer): void {
    if (this.len - this.pos + this.waitingBytes + chunk.length < this.waitFor) {
      this.waiting.push(chunk);
      this.waitingBytes += chunk.length;
      return;
    }
    this.take(chunk);
    this.scan();
  }

  /** Ends the input: refuses it if an element or a construct is left open. */
  end(): void {
    if (this.waitingBytes > 0) this.take(empty);
    this.final = true;
    if (this.len < this.buf.length) {
      this.scan();
      this.failAt('invalid-encoding', 'the file contains bytes that are not valid in its encoding', this.len);
    }
    this.scan();
    const top = this.stack[this.stack.length - 1];
    if (this.pos < this.len) this.failAt('truncated', `the file ends before its elements are closed (unexpected end${top ? ` inside <${top}>` : ''})`, this.len);
    if (this.phase === 0) this.failAt('not-well-formed', 'document must contain a root element', this.len);
    if (top !== undefined) this.failAt('truncated', `the file ends before its elements are closed (unclosed tag <${top}>)`, this.len);
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
    if (this.waitingBytes > 0) this.take(empty);
    return this.positionAt(this.buf.length);
  }

  /** The attributes of the last start tag, decoded. */
  attributes(): Record<string, string> {
    const result: Record<string, string> = {};
    for (let index = 0; index < this.attributeCount; index++) {
      const name = this.names.get(this.buf, this.attributeNameStarts[index] as number, this.attributeNameEnds[index] as number);
      result[name] = this.value(this.attributeStarts[index] as number, this.attributeEnds[index] as number, this.attributeFlags[index] as number);
    }
    return result;
  }

  /** Decodes character data reported to the handler. */
  text(start: number, end: number, flags: number): string {
    let text = (this.buf as Utf8Slicer).utf8Slice(start, end);
    if ((flags & Flag.Cr) !== 0) text = text.replace(crlf, '\n');
    return (flags & Flag.Entities) !== 0 ? expandReferences(text) : text;
  }

  private value(start: number, end: number, flags: number): string {
    if (flags === 0 && end - start <= shortValue) return this.values.get(this.buf, start, end);
    let text = (this.buf as Utf8Slicer).utf8Slice(start, end);
    if ((flags & Flag.Whitespace) !== 0) text = text.replace(valueWhitespace, ' ');
    return (flags & Flag.Entities) !== 0 ? expandReferences(text) : text;
  }

  // Drops the scanned bytes, appends the new ones and validates them as UTF-8.
  private take(chunk: Buffer): void {
    this.handler.settle();
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

  private scan(): void {
    const buf = this.buf;
    const len = this.len;
    let pos = this.pos;
    while (pos < len) {
      let next: number;
      if (buf[pos] === LT) next = this.markup(pos);
      else if (this.phase === 1) next = this.characters(pos);
      else {
        next = pos;
        while (next < len && (buf[next] === 0x20 || buf[next] === 0x0a || buf[next] === 0x0d || buf[next] === 0x09)) next++;
        if (next < len && buf[next] !== LT) this.failAt('not-well-formed', 'text data outside of root node', next);
      }
      if (next < 0) break;
      pos = next;
      this.pos = pos;
    }
    this.pos = pos;
    const unfinished = len - pos;
    this.waitFor = unfinished > rescanThreshold && !this.final ? unfinished * 2 : 0;
  }

  private markup(lt: number): number {
    if (lt + 1 >= this.len) return -1;
    const next = this.buf[lt + 1];
    if (next === SLASH) return this.closeTag(lt);
    if (next === 0x21) return this.declaration(lt);
    if (next === QUESTION) return this.instruction(lt);
    return this.startTag(lt);
  }

  // The end of the name starting at `at`, or -1 when it may continue in the next bytes.
  private name(at: number, what: string): number {
    const buf = this.buf;
    const len = this.len;
    if (at >= len) return -1;
    let kind = nameKinds[buf[at] as number];
    if (kind === 1) at++;
    else if (kind === 3 && isNameStartCode(codePointAt(buf, at).code)) at += codePointAt(buf, at).size;
    else this.failAt('not-well-formed', `disallowed character in ${what}`, at);
    while (at < len) {
      kind = nameKinds[buf[at] as number];
      if (kind === 1 || kind === 2) at++;
      else if (kind === 3 && isNameCode(codePointAt(buf, at).code)) at += codePointAt(buf, at).size;
      else return at;
    }
    return -1;
  }

  private startTag(lt: number): number {
    const buf = this.buf;
    const len = this.len;
    if (this.phase === 2) this.failAt('not-well-formed', 'documents may contain only one root', lt);
    let at = this.name(lt + 1, 'tag name');
    if (at < 0) return -1;
    const names = this.names;
    const name = names.get(buf, lt + 1, at);
    const key = names.lastKey;
    let count = 0;
    let seen: Set<string> | null = null;
    let selfClosing = false;
    for (;;) {
      if (at >= len) return -1;
      let byte = buf[at] as number;
      const spaced = byte === 0x20 || byte === 0x0a || byte === 0x09 || byte === 0x0d;
      while (byte === 0x20 || byte === 0x0a || byte === 0x09 || byte === 0x0d) {
        if (++at >= len) return -1;
        byte = buf[at] as number;
      }
      if (byte === GT) {
        at++;
        break;
      }
      if (byte === SLASH) {
        if (at + 1 >= len) return -1;
        if (buf[at + 1] !== GT) this.failAt('not-well-formed', 'forward-slash in opening tag not followed by >', at);
        at += 2;
        selfClosing = true;
        break;
      }
      if (!spaced) this.failAt('not-well-formed', count === 0 ? 'disallowed character in tag name' : 'no whitespace between attributes', at);
      const nameStart = at;
      at = this.name(at, 'attribute name');
      if (at < 0) return -1;
      const nameEnd = at;
      while (at < len && (buf[at] === 0x20 || buf[at] === 0x0a || buf[at] === 0x09 || buf[at] === 0x0d)) at++;
      if (at >= len) return -1;
      if (buf[at] !== EQUALS) this.failAt('not-well-formed', `attribute ${names.get(buf, nameStart, nameEnd)} without value`, at);
      at++;
      while (at < len && (buf[at] === 0x20 || buf[at] === 0x0a || buf[at] === 0x09 || buf[at] === 0x0d)) at++;
      if (at >= len) return -1;
      const quote = buf[at];
      if (quote !== 0x22 && quote !== 0x27) this.failAt('not-well-formed', `unquoted value of attribute ${names.get(buf, nameStart, nameEnd)}`, at);
      const start = ++at;
      let flags = 0;
      for (; ; at++) {
        if (at >= len) {
          this.checkAttribute(name, nameStart, nameEnd, start, len);
          return -1;
        }
        const kind = valueKinds[buf[at] as number];
        if (kind === Kind.Plain) continue;
        if (kind === Kind.Quote) {
          if (buf[at] === quote) break;
        } else if (kind === Kind.Space) flags |= Flag.Whitespace;
        else if (kind === Kind.Amp) {
          const end = this.reference(at);
          if (end < 0) return -1;
          flags |= Flag.Entities;
          at = end - 1;
        } else if (kind === Kind.Less) this.failAt('not-well-formed', `disallowed character < in the value of attribute ${names.get(buf, nameStart, nameEnd)}`, at);
        else if (kind !== Kind.Ef || isNonCharacter(buf, at)) this.failAt('not-well-formed', 'disallowed character', at);
      }
      if (at - start > this.limits.maxAttributeLength) this.checkAttribute(name, nameStart, nameEnd, start, at);
      at++;
      if (count > 0) seen = this.checkUnique(count, nameStart, nameEnd, seen);
      this.attributeNameStarts[count] = nameStart;
      this.attributeNameEnds[count] = nameEnd;
      this.attributeStarts[count] = start;
      this.attributeEnds[count] = at - 1;
      this.attributeFlags[count] = flags;
      count++;
    }
    this.attributeCount = count;
    this.tagStart = lt;
    this.tagEnd = at;
    this.phase = 1;
    this.stack.push(name);
    this.stackKeys.push(key);
    this.handler.open(name, this.stack.length);
    if (selfClosing) this.closeElement();
    return at;
  }

  private checkAttribute(element: string, nameStart: number, nameEnd: number, start: number, end: number): void {
    const limit = this.limits.maxAttributeLength;
    if (end - start > limit && countCharacters(this.buf, start, end) > limit) {
      this.failAt('attribute-too-long', `attribute ${this.names.get(this.buf, nameStart, nameEnd)} of ${element} is longer than ${limit} characters`, start);
    }
  }

  // Refuses an attribute named like an earlier one of the same tag, comparing bytes; tags have
  // few attributes, and a set of names takes over for hostile ones with many.
  private checkUnique(count: number, nameStart: number, nameEnd: number, seen: Set<string> | null): Set<string> | null {
    const buf = this.buf;
    const length = nameEnd - nameStart;
    if (seen === null && count < 16) {
      for (let index = 0; index < count; index++) {
        const other = this.attributeNameStarts[index] as number;
        if ((this.attributeNameEnds[index] as number) - other !== length) continue;
        let at = 0;
        while (at < length && buf[other + at] === buf[nameStart + at]) at++;
        if (at === length) this.failAt('not-well-formed', `duplicate attribute ${this.names.get(buf, nameStart, nameEnd)}`, nameStart);
      }
      return null;
    }
    if (seen === null) {
      seen = new Set<string>();
      for (let index = 0; index < count; index++) seen.add(buf.toString('utf8', this.attributeNameStarts[index], this.attributeNameEnds[index]));
    }
    const name = buf.toString('utf8', nameStart, nameEnd);
    if (seen.has(name)) this.failAt('not-well-formed', `duplicate attribute ${name}`, nameStart);
    seen.add(name);
    return seen;
  }

  private closeElement(): void {
    this.handler.close(this.stack.length);
    this.stack.pop();
    this.stackKeys.pop();
    if (this.stack.length === 0) this.phase = 2;
  }

  private closeTag(lt: number): number {
    const buf = this.buf;
    const len = this.len;
    const nameEnd = this.name(lt + 2, 'closing tag');
    if (nameEnd < 0) return -1;
    let at = nameEnd;
    while (at < len && (buf[at] === 0x20 || buf[at] === 0x0a || buf[at] === 0x09 || buf[at] === 0x0d)) at++;
    if (at >= len) return -1;
    if (buf[at] !== GT) this.failAt('not-well-formed', 'disallowed character in closing tag', at);
    // The end tag must repeat the open element's name byte for byte.
    const key = this.stackKeys[this.stackKeys.length - 1];
    const length = nameEnd - lt - 2;
    let same = key !== undefined && key.length === length;
    for (let index = 0; same && index < length; index++) same = key?.[index] === buf[lt + 2 + index];
    if (!same) {
      const name = buf.toString('utf8', lt + 2, nameEnd);
      const open = this.stack[this.stack.length - 1];
      this.failAt('not-well-formed', open === undefined ? `unexpected close tag </${name}>` : `unexpected close tag </${name}> while <${open}> is open`, lt);
    }
    this.closeElement();
    return at + 1;
  }

  // A reference (`&amp;`, `&#233;`, `&#xE9;`) starting at `amp`: the index after it, or -1 when incomplete.
  private reference(amp: number): number {
    const buf = this.buf;
    const len = this.len;
    let at = amp + 1;
    if (at >= len) return -1;
    if (buf[at] === 0x23) {
      const hex = buf[at + 1] === 0x78;
      at += hex ? 2 : 1;
      const digits = at;
      let code = 0;
      for (; at < len && buf[at] !== 0x3b; at++) {
        const byte = buf[at] as number;
        const digit = byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : hex && (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66 ? (byte | 0x20) - 0x57 : -1;
        if (digit < 0 || at - digits > 7) this.failAt('not-well-formed', 'malformed character reference', amp);
        code = code * (hex ? 16 : 10) + digit;
      }
      if (at >= len) return -1;
      if (at === digits || !isXmlChar(code)) this.failAt('not-well-formed', 'malformed character reference', amp);
      return at + 1;
    }
    for (; at < len && buf[at] !== 0x3b; at++) {
      if (at - amp > 32 || nameKinds[buf[at] as number] === 0) this.failAt('not-well-formed', 'malformed entity reference', amp);
    }
    if (at >= len) return -1;
    if (!isPredefinedEntity(buf, amp + 1, at)) this.failAt('not-well-formed', `undefined entity &${buf.toString('utf8', amp + 1, at)};`, amp);
    return at + 1;
  }

  // Character data from `start` to the next `<`.
  private characters(start: number): number {
    const buf = this.buf;
    const len = this.len;
    let flags = 0;
    let at = start;
    for (; at < len; at++) {
      const kind = textKinds[buf[at] as number];
      if (kind === Kind.Plain) continue;
      if (kind === Kind.Less) break;
      if (kind === Kind.Amp) {
        const end = this.reference(at);
        if (end < 0) return this.unfinished(start, at);
        flags |= Flag.Entities;
        at = end - 1;
      } else if (kind === Kind.Cr) flags |= Flag.Cr;
      else if (kind === Kind.Bracket) {
        if (at + 2 >= len && !this.final) return this.unfinished(start, at);
        if (buf[at + 1] === BRACKET && buf[at + 2] === GT) this.failAt('not-well-formed', 'the string "]]>" is disallowed in character data', at);
      } else if (kind !== Kind.Ef || isNonCharacter(buf, at)) this.failAt('not-well-formed', 'disallowed character', at);
    }
    if (at >= len && !this.final) return this.unfinished(start, len);
    this.emitText(start, at, flags);
    return at;
  }

  private unfinished(start: number, end: number): number {
    if (end - start > this.limits.maxTextLength) this.checkText(start, end);
    return -1;
  }

  private checkText(start: number, end: number): void {
    const limit = this.limits.maxTextLength;
    if (end - start > limit && countCharacters(this.buf, start, end) > limit) this.failAt('text-too-long', `a text is longer than ${limit} characters`, start);
  }

  private emitText(start: number, end: number, flags: number): void {
    if (end - start > this.limits.maxTextLength) this.checkText(start, end);
    this.handler.text(start, end, flags);
  }

  // The end of a comment, CDATA section or processing instruction body closed by `close`
  // (`-->`, `]]>`, `?>`), checking its characters; -1 when not yet there.
  private raw(start: number, first: number, closeLength: number): number {
    const buf = this.buf;
    const len = this.len;
    for (let at = start; at < len; at++) {
      const kind = rawKinds[buf[at] as number];
      if (kind === Kind.Plain) continue;
      if (kind === Kind.Bracket) {
        if (buf[at] !== first) continue;
        if (at + closeLength > len) return this.unfinished(start, at);
        if (first === DASH) {
          if (buf[at + 1] !== DASH) continue;
          if (buf[at + 2] !== GT) this.failAt('not-well-formed', 'malformed comment ("--" inside it)', at);
          return at;
        }
        if (first === QUESTION ? buf[at + 1] === GT : buf[at + 1] === BRACKET && buf[at + 2] === GT) return at;
      } else if (kind !== Kind.Ef || isNonCharacter(buf, at)) this.failAt('not-well-formed', 'disallowed character', at);
    }
    return this.unfinished(start, len);
  }

  private declaration(lt: number): number {
    const buf = this.buf;
    const len = this.len;
    if (lt + 3 >= len) return -1;
    if (buf[lt + 2] === DASH) {
      if (buf[lt + 3] !== DASH) this.failAt('not-well-formed', 'malformed comment', lt);
      const end = this.raw(lt + 4, DASH, 3);
      return end < 0 ? -1 : end + 3;
    }
    if (lt + 9 > len) return -1;
    const keyword = buf.toString('latin1', lt + 2, lt + 9);
    if (keyword === '[CDATA[') {
      if (this.phase !== 1) this.failAt('not-well-formed', 'CDATA section outside of the root element', lt);
      const end = this.raw(lt + 9, BRACKET, 3);
      if (end < 0) return -1;
      let flags = 0;
      if (buf.indexOf(0x0d, lt + 9) >>> 0 < end) flags |= Flag.Cr;
      this.emitText(lt + 9, end, flags);
      return end + 3;
    }
    if (keyword === 'DOCTYPE') return this.doctype(lt);
    return this.failAt('not-well-formed', 'incorrect syntax after <!', lt);
  }

  // A DOCTYPE is always refused; it is read to its end (or a megabyte) only to say whether it declares entities.
  private doctype(lt: number): number {
    const buf = this.buf;
    const len = this.len;
    let at = lt + 9;
    let quote = 0;
    let depth = 0;
    for (; at < len; at++) {
      const byte = buf[at];
      if (quote !== 0) {
        if (byte === quote) quote = 0;
      } else if (byte === 0x22 || byte === 0x27) quote = byte;
      else if (byte === 0x5b) depth++;
      else if (byte === BRACKET) depth--;
      else if (byte === GT && depth <= 0) break;
    }
    if (at >= len && !this.final && len - lt < rescanThreshold) return -1;
    if (/<!ENTITY/i.test(buf.toString('latin1', lt, Math.min(at + 1, len)))) {
      this.failAt('entity-forbidden', 'the file declares entities, which are refused (XXE, entity expansion)', lt);
    }
    return this.failAt('doctype-forbidden', 'the file declares a DOCTYPE, which is refused', lt);
  }

  private instruction(lt: number): number {
    const buf = this.buf;
    const at = this.name(lt + 2, 'processing instruction target');
    if (at < 0) return -1;
    if (at - lt - 2 === 3 && buf.toString('latin1', lt + 2, at).toLowerCase() === 'xml') {
      if (this.base + lt !== 0) this.failAt('not-well-formed', 'an XML declaration must be at the start of the document', lt);
      const end = this.raw(at, QUESTION, 2);
      if (end < 0) return -1;
      if (!xmlDeclaration.test(buf.toString('latin1', lt, end + 2))) this.failAt('not-well-formed', 'malformed XML declaration', lt);
      return end + 2;
    }
    if (at >= this.len) return -1;
    const byte = buf[at];
    if (byte !== QUESTION && byte !== 0x20 && byte !== 0x0a && byte !== 0x09 && byte !== 0x0d) {
      this.failAt('not-well-formed', 'disallowed character in processing instruction target', at);
    }
    const end = this.raw(at, QUESTION, 2);
    return end < 0 ? -1 : end + 2;
  }
}
