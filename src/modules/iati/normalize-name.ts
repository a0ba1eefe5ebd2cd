// Organization names as the import compares them: the same organization is written with and
// without accents, in capitals, with dots and hyphens ("C.A.F.O.D." / "Cafod").

/** Lower case, accents and punctuation stripped, spaces collapsed: the key names are matched on. */
export function normalizeOrganizationName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Placeholders publishers put where they have no identifier; matching on them would merge strangers.
const placeholderRefs = new Set(['na', 'n/a', 'none', 'null', 'unknown', 'not applicable', '0', '-', 'tbc', 'tbd', 'xx', 'xm-xxx']);

/** The organisation identifier worth matching on, trimmed; null for empty or placeholder refs. */
export function usableIdentifier(ref: string | null | undefined): string | null {
  if (!ref) return null;
  const value = ref.trim();
  if (value.length < 2 || value.length > 200 || !/[\p{L}\p{N}]/u.test(value)) return null;
  return placeholderRefs.has(value.toLowerCase()) ? null : value;
}
