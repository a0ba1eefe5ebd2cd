import { countries, organisationTypes } from '../../../modules/iati/codes.generated';

/** Choices for the code fields: IATI organisation types and countries, labelled "code · name". */
export const typeOptions = organisationTypes.map((item) => ({ value: item.code, label: `${item.code} · ${item.name}` }));
export const countryOptions = countries.map((item) => ({ value: item.code, label: `${item.code} · ${item.name}` }));
export const scopes = ['local', 'national', 'regional', 'international'] as const;
export const relationshipTypes = ['funds', 'member-of', 'vendor-to', 'competes-with', 'affiliated-with', 'partnered-with'] as const;
export const relationshipKeys = ['funds', 'funded-by', 'member-of', 'has-member', 'vendor-to', 'buys-from', 'competes-with', 'affiliated-with', 'partnered-with'] as const;

export function countryName(code: string | null): string {
  return countries.find((item) => item.code === code)?.name ?? code ?? '';
}
export function typeName(code: string | null): string {
  return organisationTypes.find((item) => item.code === code)?.name ?? code ?? '';
}
