import { orgIdPrefixes, type OrgIdPrefix } from './org-id-prefixes.generated.js';

const prefixesByCode = new Map(orgIdPrefixes.map((prefix) => [prefix.code.toUpperCase(), prefix]));
// Longest first, so that "CH_BS-CR" wins over a shorter code that happens to match.
const codesLongestFirst = [...prefixesByCode.keys()].sort((a, b) => b.length - a.length);

/** Agency prefix, a hyphen, then the agency's own number: no spaces, nothing empty. */
const IDENTIFIER_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_.]*(-[A-Za-z0-9_.]+)*-[^\s]+$/;

export type IdentifierCheck =
  | { ok: false; message: string }
  | { ok: true; prefix: OrgIdPrefix | null; warning: string | null };

/**
 * Checks an IATI organisation identifier: its shape must be right; a registration-agency prefix
 * that org-id.guide does not know is accepted with a warning (many real identifiers use old DAC
 * codes or agencies not yet listed).
 */
export function checkIdentifier(identifier: string): IdentifierCheck {
  if (identifier.length > 200) return { ok: false, message: 'is longer than 200 characters' };
  if (!IDENTIFIER_SHAPE.test(identifier)) {
    return { ok: false, message: 'is not an organisation identifier: expected an agency prefix and a number, such as GB-CHC-202918, without spaces' };
  }
  const upper = identifier.toUpperCase();
  const code = codesLongestFirst.find((candidate) => upper.startsWith(`${candidate}-`) && upper.length > candidate.length + 1);
  if (!code) {
    return { ok: true, prefix: null, warning: `the prefix of ${identifier} is not a registration agency known to org-id.guide` };
  }
  const prefix = prefixesByCode.get(code)!;
  if (prefix.replacedBy) return { ok: true, prefix, warning: `${prefix.code} is a former prefix; the agency now uses ${prefix.replacedBy}` };
  if (prefix.deprecated) return { ok: true, prefix, warning: `${prefix.code} is a deprecated registration agency prefix` };
  return { ok: true, prefix, warning: null };
}
