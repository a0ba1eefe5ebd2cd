// Parses one segment of a file (whole activities, cut at `<iati-activity` boundaries) on its
// own, wrapped in the file's root start tag so that it is a document by itself.
import { Buffer } from 'node:buffer';
import { IatiFileError } from './errors.js';
import { createIatiReader, type Queued } from './iati-parser.js';
import type { IatiReadOptions } from './types.js';

export type SegmentRequest = {
  id: number;
  bytes: Uint8Array;
  /** The root start tag to put before the segment ('' for the first segment, which has it). */
  prefix: string;
  /** Whether to close the root after the segment (every segment but the last). */
  closeRoot: boolean;
  limits: Required<IatiReadOptions>;
};

export type SegmentResult =
  | { id: number; items: Queued[]; endLine: number; endColumn: number }
  | { id: number; error: { code: IatiFileError['code']; reason: string; line: number; column: number } };

/** Parses a segment; positions in the result are relative to the wrapped segment. */
export function parseSegment(request: SegmentRequest): SegmentResult {
  const queue: Queued[] = [];
  const reader = createIatiReader(request.limits, queue);
  try {
    // The root start tag first, so that the segment's head (BOM, XML declaration) is not mistaken for the file's.
    if (request.prefix !== '') reader.write(Buffer.from(request.prefix, 'utf8'));
    reader.write(Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength));
    const { line: endLine, column: endColumn } = reader.position();
    if (request.closeRoot) reader.write(Buffer.from('</iati-activities>', 'utf8'));
    reader.end();
    return { id: request.id, items: queue, endLine, endColumn };
  } catch (error) {
    if (!(error instanceof IatiFileError)) throw error;
    // A segment cut short can only be the end of the file when it is the last one.
    const code = error.code === 'truncated' && request.closeRoot ? 'not-well-formed' : error.code;
    return { id: request.id, error: { code, reason: error.reason, line: error.line, column: error.column } };
  }
}
