import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatTimestamp, formatValue } from '../../main/frontend/format.js';

// the same strings as FrenchValuesTest.java
describe('French formats', () => {
  it('groups thousands with a narrow no-break space and writes a decimal comma', () => {
    expect(formatNumber(4521.5)).toBe('4\u202F521,5');
    expect(formatNumber('1234567.250')).toBe('1\u202F234\u202F567,25');
    expect(formatNumber(-12)).toBe('-12');
    expect(formatNumber('0.1')).toBe('0,1');
    expect(formatNumber('12345678901234567890')).toBe('12\u202F345\u202F678\u202F901\u202F234\u202F567\u202F890');
    expect(formatNumber(4521.5, 'en')).toBe('4,521.5');
  });

  it('writes dates in words, the first of the month as 1er', () => {
    expect(formatDate('2025-01-01')).toBe('1er janvier 2025');
    expect(formatDate('2024-03-15')).toBe('15 mars 2024');
    expect(formatDate('2025-01-01', 'en')).toBe('January 1, 2025');
  });

  it('writes instants in Europe/Paris', () => {
    expect(formatTimestamp('2024-12-31T23:30:00Z')).toBe('1er janvier 2025 à 00:30');
    expect(formatTimestamp('2024-07-14T12:05:00+02:00')).toBe('14 juillet 2024 à 12:05');
  });

  it('formats by column type', () => {
    expect(formatValue(true, 'BOOLEAN')).toBe('oui');
    expect(formatValue(null, 'TEXT')).toBe('');
    expect(formatValue(1500, 'INTEGER')).toBe('1\u202F500');
    expect(formatValue('<b>', 'TEXT')).toBe('<b>');
  });
});
