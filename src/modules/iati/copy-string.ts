// Strings cut out of a parsed chunk keep the whole chunk alive in V8 (STACK-NOTES: 121 MB grew
// to 648 MB on a 296 MB file). Every string the reader hands out goes through here.
import { Buffer } from 'node:buffer';

// V8 copies substrings shorter than 13 characters instead of slicing them, so those are safe.
const shortestSlicedString = 13;

/** Returns a copy of `text` that shares no memory with the chunk it was cut from. */
export function copyString(text: string): string {
  return text.length < shortestSlicedString ? text : Buffer.from(text, 'utf8').toString('utf8');
}
