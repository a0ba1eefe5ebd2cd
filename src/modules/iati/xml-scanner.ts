// A strict, streaming XML 1.0 scanner over UTF-8 bytes, made for the IATI reader: it checks every
// well-formedness rule the reader relies on (one root, matching tags, quoted and unique attributes,
// only the five predefined entities and valid character references, allowed characters, comments,
// CDATA, processing instructions, the XML declaration) but builds nothing for the elements the
// reader skips: names are interned, attributes stay byte offsets until asked for, and text is
// decoded only when the handler keeps it. A DOCTYPE is refused outright, so no entity can ever be
// declared or expanded. Positions (line, column in characters) are counted only when asked for.
import {
  Flag,
  Kind,
  codePointAt,
  countCharacters,
  doctypeEnd,
  isNameCode,
  isNameStartCode,
  isNonCharacter,
  isXmlDeclaration,
  nameKinds,
  rawKinds,
  sameBytes,
  textKinds,
  valueKinds,
} from './xml-chars.js';
import { rescanThreshold, XmlInput, type XmlLimits } from './xml-input.js';

export type { XmlLimits } from './xml-input.js';

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

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DASH = 0x2d;
const QUESTION = 0x3f;
const BRACKET = 0x5d;

export class XmlScanner extends XmlInput {
  /** Offsets of the last start tag read, in the current buffer. */
  tagStart = 0;
  tagEnd = 0;
  private readonly stack: string[] = [];
  /** The bytes of each open element's name, to check its end tag without decoding it. */
  private readonly stackKeys: Uint8Array[] = [];
  /** 0 before the root element, 1 inside it, 2 after it. */
  private phase = 0;
  private attributeCount = 0;
  private readonly attributeNameStarts: number[] = [];
  private readonly attributeNameEnds: number[] = [];
  private readonly attributeStarts: number[] = [];
  private readonly attributeEnds: number[] = [];
  private readonly attributeFlags: number[] = [];

  constructor(
    private readonly handler: XmlHandler,
    limits: XmlLimits,
  ) {
    super(limits);
  }

  protected settle(): void {
    this.handler.settle();
  }

  /** Ends the input: refuses it if an element or a construct is left open. */
  end(): void {
    this.flush();
    if (this.len < this.buf.length) {
      // The input ends inside a multi-byte character.
      this.scan();
      this.failAt('invalid-encoding', 'the file contains bytes that are not valid in its encoding', this.len);
    }
    this.final = true;
    this.scan();
    const top = this.stack[this.stack.length - 1];
    if (this.pos < this.len) this.failAt('truncated', `the file ends before its elements are closed (unexpected end${top ? ` inside <${top}>` : ''})`, this.len);
    if (this.phase === 0) this.failAt('not-well-formed', 'document must contain a root element', this.len);
    if (top !== undefined) this.failAt('truncated', `the file ends before its elements are closed (unclosed tag <${top}>)`, this.len);
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

  protected scan(): void {
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
    // Attribute values, texts, comments and the like have their own limits; a tag made of
    // countless attributes or a giant name would otherwise be held in memory until it ends.
    const tagLimit = this.limits.maxTextLength + this.limits.maxAttributeLength;
    if (len - pos > tagLimit && buf[pos] === LT && buf[pos + 1] !== 0x21 && buf[pos + 1] !== QUESTION) {
      this.failAt('attribute-too-long', `a tag is longer than ${tagLimit} bytes`, pos);
    }
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
        if ((this.attributeNameEnds[index] as number) - other === length && buf.compare(buf, nameStart, nameEnd, other, other + length) === 0) this.failAt('not-well-formed', `duplicate attribute ${this.names.get(buf, nameStart, nameEnd)}`, nameStart);
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
    if (key === undefined || !sameBytes(key, buf, lt + 2, nameEnd)) {
      const name = buf.toString('utf8', lt + 2, nameEnd);
      const open = this.stack[this.stack.length - 1];
      this.failAt('not-well-formed', open === undefined ? `unexpected close tag </${name}>` : `unexpected close tag </${name}> while <${open}> is open`, lt);
    }
    this.closeElement();
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
    const len = this.len;
    const at = doctypeEnd(this.buf, lt + 9, len);
    if (at >= len && !this.final && len - lt < rescanThreshold) return -1;
    if (/<!ENTITY/i.test(this.buf.toString('latin1', lt, Math.min(at + 1, len)))) {
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
      if (!isXmlDeclaration(buf.toString('latin1', lt, end + 2))) this.failAt('not-well-formed', 'malformed XML declaration', lt);
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
