import { describe, expect, it } from 'vitest';
import { countries, currencies, organisationTypes, sectors } from './codes.generated.js';
import {
  isCountryCode,
  mapActivityDateType,
  mapBudgetType,
  mapOrganisationRole,
  mapOrganisationType,
  mapSectorVocabulary,
  mapTransactionType,
} from './codes.js';

describe('IATI code mapping', () => {
  it('maps 1.x organisation roles to 2.x codes whatever their case', () => {
    expect(['Funding', 'Accountable', 'Extending', 'Implementing'].map(mapOrganisationRole)).toEqual(['1', '2', '3', '4']);
    expect(['funding', 'EXTENDING', ' implementing '].map(mapOrganisationRole)).toEqual(['1', '3', '4']);
  });

  it('keeps 2.x organisation roles and refuses unknown ones', () => {
    expect(['1', '2', '3', '4'].map(mapOrganisationRole)).toEqual(['1', '2', '3', '4']);
    expect(mapOrganisationRole('5')).toBeNull();
    expect(mapOrganisationRole('Reporting')).toBeNull();
  });

  it('maps 1.x transaction types to 2.x codes, case-insensitively', () => {
    const oneX = ['IF', 'C', 'D', 'E', 'IR', 'LR', 'R', 'QP', 'QS', 'CG'];
    expect(oneX.map(mapTransactionType)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(['c', 'd', 'if', 'e'].map(mapTransactionType)).toEqual(['2', '3', '1', '4']);
  });

  it('keeps 2.x transaction types including those 1.x did not have', () => {
    expect(['3', '11', '12', '13'].map(mapTransactionType)).toEqual(['3', '11', '12', '13']);
    expect(mapTransactionType('14')).toBeNull();
    expect(mapTransactionType('Disbursement')).toBe('3');
  });

  it('maps organisation types given as codes or as the names some 1.x files write', () => {
    expect(mapOrganisationType('21')).toBe('21');
    expect(mapOrganisationType('Multilateral')).toBe('40');
    expect(mapOrganisationType('government')).toBe('10');
    expect(mapOrganisationType('NGO')).toBeNull();
  });

  it('maps sector vocabularies, dates and budget types from their 1.x names', () => {
    expect([undefined, 'DAC', 'dac-3', '1', 'WB', 'RO'].map(mapSectorVocabulary)).toEqual(['1', '1', '2', '1', 'WB', '99']);
    expect(mapSectorVocabulary('U.S. Sector Framework')).toBeNull();
    expect(['start-planned', 'start-actual', 'end-planned', 'end-actual', '3'].map(mapActivityDateType)).toEqual(['1', '2', '3', '4', '3']);
    expect(['Original', 'revised', '2', 'x'].map(mapBudgetType)).toEqual(['1', '2', '2', null]);
  });

  it('exports the codelists the registry needs', () => {
    expect(organisationTypes).toContainEqual({ code: '24', name: 'Partner Country based NGO' });
    expect(countries.find((country) => country.code === 'KE')?.name).toMatch(/Kenya/i);
    expect(currencies.some((currency) => currency.code === 'EUR')).toBe(true);
    expect(sectors.find((sector) => sector.code === '14030')?.category).toBe('140');
    expect(countries.some((country) => country.code === 'AN')).toBe(false);
    expect(isCountryCode('AN')).toBe(true);
  });
});
