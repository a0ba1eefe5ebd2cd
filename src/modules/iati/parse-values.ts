// Lenient readers for the values publishers write: each returns null (and the caller warns)
// rather than throwing, because a bad date must not cost the whole activity.

const isoDatePrefix = /^\d{4}-\d{2}-\d{2}/;

/** Reads an ISO date (a datetime keeps only its date part); null when there is none. */
export function parseIsoDate(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const value = raw.trim();
  return isoDatePrefix.test(value) ? value.slice(0, 10) : null;
}

/** Reads a money amount; tolerates thousands separators written as commas or spaces. */
export function parseAmount(raw: string): number | null {
  const value = raw.trim();
  if (value === '') return null;
  const direct = Number(value);
  if (Number.isFinite(direct)) return direct;
  const withoutSeparators = Number(value.replace(/[,\s]/g, ''));
  return Number.isFinite(withoutSeparators) ? withoutSeparators : null;
}

/** Reads a percentage attribute; undefined stays null, an unreadable one is reported as NaN. */
export function parsePercentage(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  return Number(raw.trim().replace(/%$/, ''));
}

/** Returns the trimmed value of an attribute, or null when empty or absent. */
export function attributeValue(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const value = raw.trim();
  return value === '' ? null : value;
}

/** Lower-cases a language code, or null when there is none. */
export function normalizeLang(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null) return null;
  const value = raw.trim().toLowerCase();
  return value === '' ? null : value;
}
