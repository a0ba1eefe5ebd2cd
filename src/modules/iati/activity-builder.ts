// Builds one normalized activity from the SAX events inside an `iati-activity` element. Only the
// elements the product keeps get a frame; every other subtree (results, locations, documents)
// is skipped without allocating anything, which is most of the parsing speed.
import {
  closeElement,
  closeHolder,
  createActivityDraft,
  finishActivity,
  locate,
  openSimpleElement,
  type ActivityDraft,
  type Attributes,
  type BuiltActivity,
  type Frame,
} from './activity-elements.js';
import { normalizeLang } from './parse-values.js';
import type { IatiPosition } from './types.js';

const activityChildren = new Set([
  'iati-identifier',
  'reporting-org',
  'title',
  'description',
  'activity-status',
  'activity-date',
  'recipient-country',
  'sector',
  'participating-org',
  'transaction',
  'budget',
  'related-activity',
]);
const narrativeHolders = new Set(['title', 'description', 'reporting-org', 'participating-org', 'provider-org', 'receiver-org']);
const transactionChildren = new Set(['transaction-type', 'transaction-date', 'value', 'provider-org', 'receiver-org']);
const budgetChildren = new Set(['period-start', 'period-end', 'value']);

function isWanted(parent: string, name: string): boolean {
  if (parent === 'iati-activity') return activityChildren.has(name);
  if (name === 'narrative') return narrativeHolders.has(parent);
  if (parent === 'transaction') return transactionChildren.has(name);
  if (parent === 'budget') return budgetChildren.has(name);
  return false;
}

/** The start tag just read: its attributes are decoded, and positions counted, only on demand. */
export type TagSource = {
  attributes(): Attributes;
  offsetAt(index: number): number;
  positionOf(offset: number): IatiPosition;
  readonly tagEnd: number;
};

export type ActivityBuilder = {
  /** An element opens inside the activity (the activity element itself excluded). */
  open(name: string, tag: TagSource): void;
  /** Whether the text at this point is kept (it is decoded only then). */
  wantsText(): boolean;
  text(text: string): void;
  close(): void;
  /** The bytes read so far are about to be dropped: counts the positions of the open elements. */
  settle(): void;
  /** The activity element closes: returns the activity, or the reason it was skipped. */
  finish(): BuiltActivity;
};

/** Starts building the activity whose start tag was just read. */
export function createActivityBuilder(
  attributes: Attributes,
  position: { line: number; column: number },
  declaredVersion: string | null,
  source: TagSource,
): ActivityBuilder {
  const draft: ActivityDraft = createActivityDraft(attributes, position, declaredVersion, (offset) => source.positionOf(offset));
  const frames: Frame[] = [];
  // Depth (relative to the activity) of a subtree being skipped; 0 when nothing is skipped.
  let skipDepth = 0;
  let depth = 0;

  return {
    open(name, tag) {
      depth += 1;
      if (skipDepth !== 0) return;
      const parent = frames.length === 0 ? 'iati-activity' : (frames[frames.length - 1] as Frame).name;
      if (!isWanted(parent, name)) {
        skipDepth = depth;
        return;
      }
      if (name === 'narrative') draft.sawNarrative = true;
      // Positions are counted only for the elements that get a warning (see locate).
      const frame: Frame = { name, parent, attributes: tag.attributes(), text: '', narratives: null, offset: tag.offsetAt(tag.tagEnd), line: -1, column: -1 };
      if (narrativeHolders.has(name)) frame.narratives = [];
      openSimpleElement(draft, frame);
      frames.push(frame);
    },
    wantsText() {
      return skipDepth === 0 && frames.length !== 0;
    },
    text(text) {
      (frames[frames.length - 1] as Frame).text += text;
    },
    close() {
      if (skipDepth !== 0) {
        if (depth === skipDepth) skipDepth = 0;
        depth -= 1;
        return;
      }
      depth -= 1;
      const frame = frames.pop();
      if (frame === undefined) return;
      if (frame.name === 'narrative') {
        const holder = frames[frames.length - 1];
        const text = frame.text.trim();
        if (holder?.narratives && text !== '') {
          const lang = frame.attributes['xml:lang'] ?? holder.attributes['xml:lang'];
          holder.narratives.push({ lang: lang === undefined ? draft.activity.defaultLang : normalizeLang(lang), text });
        }
        return;
      }
      if (frame.narratives !== null) {
        closeHolder(draft, frame);
        return;
      }
      closeElement(draft, frame);
    },
    settle() {
      for (const frame of frames) locate(draft, frame);
    },
    finish() {
      return finishActivity(draft);
    },
  };
}
