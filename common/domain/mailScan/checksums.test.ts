import { describe, expect, it } from 'vitest';
import {
  cardNetwork,
  isValidBsn,
  isValidCodiceFiscale,
  isValidHetu,
  isValidIban,
  isValidNino,
  isValidPersonnummer,
  isValidSpanishId,
  passesLuhn,
} from './checksums';

describe('check digits', () => {
  it('Luhn and card networks by IIN range and length', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(cardNetwork('4111111111111111')).toBe('Visa');
    expect(cardNetwork('2223003122003222')).toBe('Mastercard');
    expect(cardNetwork('378282246310005')).toBe('American Express');
    expect(cardNetwork('6011111111111117')).toBe('Discover');
    expect(cardNetwork('3530111333300000')).toBe('JCB');
    // Luhn-valid but a Visa number of 15 digits does not exist, nor a card starting with 1.
    expect(cardNetwork('411111111111116')).toBeNull();
    expect(cardNetwork('1234567812345670')).toBeNull();
  });

  it('IBAN: country length and mod 97', () => {
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('FR1420041010050500013M02606')).toBe(true);
    expect(isValidIban('GB82WEST12345698765433')).toBe(false);
    expect(isValidIban('NL91ABNA04171643000')).toBe(false);
    expect(isValidIban('XX82WEST12345698765432')).toBe(false);
  });

  it('national ID numbers', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('111222334')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidPersonnummer('8112289874')).toBe(true);
    expect(isValidPersonnummer('8112889874')).toBe(false);
    expect(isValidPersonnummer('8112289875')).toBe(false);
    expect(isValidHetu('131052-308T')).toBe(true);
    expect(isValidHetu('131052A308T')).toBe(true);
    expect(isValidHetu('131052-308U')).toBe(false);
    expect(isValidHetu('131352-308T')).toBe(false);
    expect(isValidSpanishId('12345678Z')).toBe(true);
    expect(isValidSpanishId('X1234567L')).toBe(true);
    expect(isValidSpanishId('12345678A')).toBe(false);
    expect(isValidCodiceFiscale('RSSMRA85T10A562S')).toBe(true);
    expect(isValidCodiceFiscale('RSSMRA85T10A562T')).toBe(false);
    expect(isValidNino('AB123456C')).toBe(true);
    expect(isValidNino('QQ123456C')).toBe(false);
    expect(isValidNino('GB123456A')).toBe(false);
    expect(isValidNino('AO123456A')).toBe(false);
    expect(isValidNino('AB123456E')).toBe(false);
  });
});
