// Byte classes and character rules of XML 1.0 for the byte scanner (xml-scanner.ts). The scanner
// reads UTF-8 bytes; tables answer for ASCII and the rare non-ASCII bytes take the slow path here.
import type { Buffer } from 'node:buffer';

/** Byte kinds in character data and attribute values; 0 is an ordinary byte. */
export const Kind = { Plain: 0, Less: 1, Amp: 2, Bracket: 3, Forbidden: 4, Ef: 5, Cr: 6, Quote: 7, Space: 8 } as const;

/** Flags of a text or attribute value, telling how it must be decoded. */
export const Flag = { Entities: 1, Cr: 2, Whitespace: 4 } as const;

const forbiddenControl = (byte: number): boolean => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d;

function table(fill: (byte: number) => number): Uint8Array {
  const result = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte++) result[byte] = fill(byte);
  return result;
}

/** Character data: stops at `<`; `&`, `]` (for `]]>`), CR, 0xEF (U+FFFE/U+FFFF) and forbidden controls need a look. */
export const textKinds = table((byte) => {
  if (byte === 0x3c) return Kind.Less;
  if (byte === 0x26) return Kind.Amp;
  if (byte === 0x5d) return Kind.Bracket;
  if (byte === 0x0d) return Kind.Cr;
  if (byte === 0xef) return Kind.Ef;
  return forbiddenControl(byte) ? Kind.Forbidden : Kind.Plain;
});

/** Attribute values: quotes end them, `<` is refused, whitespace other than spaces is normalized. */
export const valueKinds = table((byte) => {
  if (byte === 0x22 || byte === 0x27) return Kind.Quote;
  if (byte === 0x3c) return Kind.Less;
  if (byte === 0x26) return Kind.Amp;
  if (byte === 0x09 || byte === 0x0a || byte === 0x0d) return Kind.Space;
  if (byte === 0xef) return Kind.Ef;
  return forbiddenControl(byte) ? Kind.Forbidden : Kind.Plain;
});

/** Comments, processing instructions and CDATA: only forbidden characters and the closing marks matter. */
export const rawKinds = table((byte) => {
  if (byte === 0x2d || byte === 0x3f || byte === 0x5d) return Kind.Bracket;
  if (byte === 0xef) return Kind.Ef;
  return forbiddenControl(byte) ? Kind.Forbidden : Kind.Plain;
});

/** 1: may start a name, 2: may continue one, 3: non-ASCII (decode and check), 0: neither. */
export const nameKinds = table((byte) => {
  if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x3a) return 1;
  if ((byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2e) return 2;
  return byte >= 0x80 ? 3 : 0;
});

export const isSpace = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x0a || byte === 0x09 || byte === 0x0d;

/** The code point of the (valid) UTF-8 sequence at `at`, and its length in bytes. */
export function codePointAt(bytes: Buffer, at: number): { code: number; size: number } {
  const lead = bytes[at] as number;
  if (lead < 0xe0) return { code: ((lead & 0x1f) << 6) | ((bytes[at + 1] as number) & 0x3f), size: 2 };
  if (lead < 0xf0) return { code: ((lead & 0x0f) << 12) | (((bytes[at + 1] as number) & 0x3f) << 6) | ((bytes[at + 2] as number) & 0x3f), size: 3 };
  const code = ((lead & 0x07) << 18) | (((bytes[at + 1] as number) & 0x3f) << 12) | (((bytes[at + 2] as number) & 0x3f) << 6) | ((bytes[at + 3] as number) & 0x3f);
  return { code, size: 4 };
}

/** XML 1.0 NameStartChar for code points above ASCII. */
export function isNameStartCode(code: number): boolean {
  return (
    (code >= 0xc0 && code <= 0xd6) ||
    (code >= 0xd8 && code <= 0xf6) ||
    (code >= 0xf8 && code <= 0x2ff) ||
    (code >= 0x370 && code <= 0x37d) ||
    (code >= 0x37f && code <= 0x1fff) ||
    (code >= 0x200c && code <= 0x200d) ||
    (code >= 0x2070 && code <= 0x218f) ||
    (code >= 0x2c00 && code <= 0x2fef) ||
    (code >= 0x3001 && code <= 0xd7ff) ||
    (code >= 0xf900 && code <= 0xfdcf) ||
    (code >= 0xfdf0 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0xeffff)
  );
}

/** XML 1.0 NameChar for code points above ASCII. */
export function isNameCode(code: number): boolean {
  return isNameStartCode(code) || code === 0xb7 || (code >= 0x300 && code <= 0x36f) || (code >= 0x203f && code <= 0x2040);
}

/** XML 1.0 Char: what a character reference may designate. */
export function isXmlChar(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** True at a UTF-8 encoded U+FFFE or U+FFFF, which XML does not allow. */
export const isNonCharacter = (bytes: Buffer, at: number): boolean => bytes[at + 1] === 0xbf && (bytes[at + 2] === 0xbe || bytes[at + 2] === 0xbf);

/** What referenceEnd answers besides an index: more bytes needed, or why the reference is refused. */
export const Reference = { Incomplete: -1, Malformed: -2, Undefined: -3 } as const;

/** The index just after the reference (`&amp;`, `&#233;`, `&#xE9;`) starting at `amp`, or a
 * Reference code: only the five predefined entities and characters XML allows are accepted. */
export function referenceEnd(bytes: Buffer, amp: number, end: number): number {
  let at = amp + 1;
  if (at >= end) return Reference.Incomplete;
  if (bytes[at] === 0x23) {
    const hex = bytes[at + 1] === 0x78;
    at += hex ? 2 : 1;
    const digits = at;
    let code = 0;
    for (; at < end && bytes[at] !== 0x3b; at++) {
      const byte = bytes[at] as number;
      const lower = byte | 0x20;
      const digit = byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : hex && lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
      if (digit < 0 || at - digits > 7) return Reference.Malformed;
      code = code * (hex ? 16 : 10) + digit;
    }
    if (at >= end) return Reference.Incomplete;
    return at === digits || !isXmlChar(code) ? Reference.Malformed : at + 1;
  }
  for (; at < end && bytes[at] !== 0x3b; at++) if (at - amp > 32 || nameKinds[bytes[at] as number] === 0) return Reference.Malformed;
  if (at >= end) return Reference.Incomplete;
  return isPredefinedEntity(bytes, amp + 1, at) ? at + 1 : Reference.Undefined;
}

/** True when bytes [start, end) name one of the five predefined entities (amp, lt, gt, quot, apos). */
export function isPredefinedEntity(bytes: Buffer, start: number, end: number): boolean {
  const length = end - start;
  const first = bytes[start];
  if (length === 2) return (first === 0x6c || first === 0x67) && bytes[start + 1] === 0x74;
  if (length === 3) return first === 0x61 && bytes[start + 1] === 0x6d && bytes[start + 2] === 0x70;
  if (length !== 4) return false;
  if (first === 0x71) return bytes[start + 1] === 0x75 && bytes[start + 2] === 0x6f && bytes[start + 3] === 0x74;
  return first === 0x61 && bytes[start + 1] === 0x70 && bytes[start + 2] === 0x6f && bytes[start + 3] === 0x73;
}

/** Replaces the (already validated) references of a text by their characters. */
export function expandReferences(text: string): string {
  let result = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', from)) {
    const semicolon = text.indexOf(';', amp);
    result += text.slice(from, amp);
    from = semicolon + 1;
    const second = text.charCodeAt(amp + 1);
    if (second === 0x23) {
      const hex = text.charCodeAt(amp + 2) === 0x78;
      result += String.fromCodePoint(parseInt(text.slice(amp + (hex ? 3 : 2), semicolon), hex ? 16 : 10));
    } else if (second === 0x61) result += semicolon - amp === 4 ? '&' : "'";
    else if (second === 0x6c) result += '<';
    else if (second === 0x67) result += '>';
    else result += '"';
  }
  return result + text.slice(from);
}

/** True when `key` holds exactly bytes [start, end). */
export function sameBytes(key: Uint8Array, bytes: Buffer, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let index = 0; index < key.length; index++) if (key[index] !== bytes[start + index]) return false;
  return true;
}

/** The index of the `>` that ends a DOCTYPE whose body starts at `from` (or `end`), skipping
 * quoted strings and the internal subset in brackets. */
export function doctypeEnd(bytes: Buffer, from: number, end: number): number {
  let quote = 0;
  let depth = 0;
  let at = from;
  for (; at < end; at++) {
    const byte = bytes[at];
    if (quote !== 0) {
      if (byte === quote) quote = 0;
    } else if (byte === 0x22 || byte === 0x27) quote = byte;
    else if (byte === 0x5b) depth++;
    else if (byte === 0x5d) depth--;
    else if (byte === 0x3e && depth <= 0) break;
  }
  return at;
}

const xmlDeclaration = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>$/;

/** True for a well-formed XML declaration (version 1.x, then optional encoding and standalone). */
export function isXmlDeclaration(text: string): boolean {
  return xmlDeclaration.test(text);
}

/** Counts the characters of UTF-8 bytes (continuation bytes are not characters). */
export function countCharacters(bytes: Buffer, start: number, end: number): number {
  let count = 0;
  for (let at = start; at < end; at++) if (((bytes[at] as number) & 0xc0) !== 0x80) count++;
  return count;
}

/** Index of the first byte that is not valid UTF-8 in `bytes` (which is known to contain one). */
export function firstInvalidUtf8(bytes: Buffer, start: number, end: number): number {
  let at = start;
  while (at < end) {
    const lead = bytes[at] as number;
    if (lead < 0x80) {
      at++;
      continue;
    }
    const size = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (size === 0 || at + size > end) return at;
    for (let next = 1; next < size; next++) if (((bytes[at + next] as number) & 0xc0) !== 0x80) return at;
    const second = bytes[at + 1] as number;
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return at;
    at += size;
  }
  return end;
}

/** Length of the part of `bytes[start, end)` that ends on a whole UTF-8 sequence. */
export function wholeSequenceEnd(bytes: Buffer, start: number, end: number): number {
  for (let at = end - 1; at >= start && at >= end - 4; at--) {
    const byte = bytes[at] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return at + size <= end ? end : at;
  }
  return end;
}
