// The saxes parser configured for IATI: limits, refusals and the dispatch of each activity's
// events to its builder. Shared by the streaming reader and the parallel file reader's workers.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { createActivityBuilder, type ActivityBuilder } from './activity-builder.js';
import type { BuiltActivity } from './activity-elements.js';
import { copyString } from './copy-string.js';
import { IatiFileError, type IatiFileErrorCode } from './errors.js';
import type { IatiReadOptions, IatiWarning } from './types.js';

export const defaultLimits: Required<IatiReadOptions> = {
  maxBytes: 1024 * 1024 * 1024,
  maxDepth: 64,
  maxAttributeLength: 64 * 1024,
  maxTextLength: 8 * 1024 * 1024,
};
const versionPattern = /^[12]\.0?\d{1,2}$/;

export type PlainParser = SaxesParser<{ xmlns: false; position: true }>;
export type Queued = BuiltActivity | { kind: 'warning'; warning: IatiWarning };

function positionOf(parser: PlainParser): { line: number; column: number } {
  return { line: parser.line, column: parser.column };
}

// saxes prefixes its messages with "line:column: "; the position is reported separately.
function saxesReason(error: Error): string {
  return error.message.replace(/^\d+:\d+: /, '');
}

export function failAt(parser: PlainParser, code: IatiFileErrorCode, reason: string): never {
  throw new IatiFileError(code, reason, parser.line, parser.column);
}

export function invalidBytesPosition(parser: PlainParser, textBefore: string): { line: number; column: number } {
  const lastNewline = textBefore.lastIndexOf('\n');
  if (lastNewline < 0) return { line: parser.line, column: parser.column + textBefore.length };
  let newlines = 0;
  for (let index = 0; index < textBefore.length; index++) if (textBefore.charCodeAt(index) === 10) newlines++;
  return { line: parser.line + newlines, column: textBefore.length - lastNewline - 1 };
}

/** Creates a parser that pushes each finished activity, skipped activity or file warning to `queue`. */
export function createIatiParser(limits: Required<IatiReadOptions>, queue: Queued[]): PlainParser {
  const parser: PlainParser = new SaxesParser({ xmlns: false, position: true });
  let depth = 0;
  let fileVersion: string | null = null;
  let activity: ActivityBuilder | null = null;
  let activityStart = { line: 0, column: 0 };

  parser.on('error', (error) => failAt(parser, 'not-well-formed', saxesReason(error)));
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) failAt(parser, 'entity-forbidden', 'the file declares entities, which are refused (XXE, entity expansion)');
    failAt(parser, 'doctype-forbidden', 'the file declares a DOCTYPE, which is refused');
  });
  parser.on('opentagstart', (tag) => {
    // The start of an activity is where the user should look; the opentag event fires at its end.
    if (depth === 1) activityStart = { line: parser.line, column: Math.max(0, parser.column - tag.name.length - 1) };
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth += 1;
    if (depth > limits.maxDepth) failAt(parser, 'too-deep', `elements are nested deeper than ${limits.maxDepth} levels`);
    const attributes = tag.attributes;
    for (const name in attributes) {
      if ((attributes[name] as string).length > limits.maxAttributeLength) {
        failAt(parser, 'attribute-too-long', `attribute ${name} of ${tag.name} is longer than ${limits.maxAttributeLength} characters`);
      }
    }
    if (activity !== null) {
      activity.open(tag.name, attributes, parser.line, parser.column);
    } else if (depth === 2) {
      if (tag.name === 'iati-activity') activity = createActivityBuilder(attributes, activityStart, fileVersion);
    } else if (depth === 1) {
      if (tag.name !== 'iati-activities') failAt(parser, 'not-iati', `the root element is <${tag.name}>, not <iati-activities>`);
      const version = attributes.version?.trim();
      if (version !== undefined && versionPattern.test(version)) fileVersion = copyString(version);
      else {
        const reason = version === undefined ? 'iati-activities has no version; it is inferred per activity' : `unknown version "${version}"; it is inferred per activity`;
        queue.push({ kind: 'warning', warning: { ...positionOf(parser), element: 'iati-activities', reason: copyString(reason) } });
      }
    }
  });
  const onText = (text: string): void => {
    if (text.length > limits.maxTextLength) failAt(parser, 'text-too-long', `a text is longer than ${limits.maxTextLength} characters`);
    if (activity !== null) activity.text(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (activity !== null) {
      if (depth === 2) {
        queue.push(activity.finish());
        activity = null;
      } else activity.close();
    }
    depth -= 1;
  });
  return parser;
}

/** Closes the parser at the end of the input; an input that ends inside an element is truncated. */
export function closeIatiParser(parser: PlainParser): void {
  try {
    parser.close();
  } catch (error) {
    if (error instanceof IatiFileError && /unclosed tag|unexpected end/.test(error.reason)) {
      throw new IatiFileError('truncated', `the file ends before its elements are closed (${error.reason})`, error.line, error.column);
    }
    throw error;
  }
}
