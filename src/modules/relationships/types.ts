import type { RelationshipType } from '../../db/schema/index.js';

/** A relationship type with the label read from each side; symmetric types read the same both ways. */
export type RelationshipTypeInfo = {
  type: RelationshipType;
  /** Key of the label from the source's side, and from the target's side. */
  forward: string;
  inverse: string;
  symmetric: boolean;
};

/** The catalogue of relationship types: English labels live in the web app's translations. */
export const relationshipTypeInfo: Readonly<Record<RelationshipType, RelationshipTypeInfo>> = {
  funds: { type: 'funds', forward: 'funds', inverse: 'funded-by', symmetric: false },
  'member-of': { type: 'member-of', forward: 'member-of', inverse: 'has-member', symmetric: false },
  'vendor-to': { type: 'vendor-to', forward: 'vendor-to', inverse: 'buys-from', symmetric: false },
  'competes-with': { type: 'competes-with', forward: 'competes-with', inverse: 'competes-with', symmetric: true },
  'affiliated-with': { type: 'affiliated-with', forward: 'affiliated-with', inverse: 'affiliated-with', symmetric: true },
  'partnered-with': { type: 'partnered-with', forward: 'partnered-with', inverse: 'partnered-with', symmetric: true },
};

/** Plain labels for exports and the command line (the web app translates the keys). */
export const relationshipLabels: Readonly<Record<string, string>> = {
  funds: 'funds',
  'funded-by': 'is funded by',
  'member-of': 'is a member of',
  'has-member': 'has member',
  'vendor-to': 'is a vendor to',
  'buys-from': 'buys from',
  'competes-with': 'competes with',
  'affiliated-with': 'is affiliated with',
  'partnered-with': 'has partnered with',
};

/** Every label key, as seen from one organization: the forward keys and the inverse keys. */
export const relationshipKeys = ['funds', 'funded-by', 'member-of', 'has-member', 'vendor-to', 'buys-from', 'competes-with', 'affiliated-with', 'partnered-with'] as const;
export type RelationshipKey = (typeof relationshipKeys)[number];

/** Which stored type a key means, and whether the organization is the source, the target, or either (symmetric). */
export function resolveRelationshipKey(key: RelationshipKey): { type: RelationshipType; side: 'source' | 'target' | 'either' } {
  for (const info of Object.values(relationshipTypeInfo)) {
    if (info.symmetric && info.forward === key) return { type: info.type, side: 'either' };
    if (info.forward === key) return { type: info.type, side: 'source' };
    if (info.inverse === key) return { type: info.type, side: 'target' };
  }
  throw new Error(`unknown relationship key ${key}`);
}

/** The label key of a relationship read from one organization's side. */
export function labelKeyFor(type: RelationshipType, viewerIsSource: boolean): string {
  const info = relationshipTypeInfo[type];
  return viewerIsSource ? info.forward : info.inverse;
}
