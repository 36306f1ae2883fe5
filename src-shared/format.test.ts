import { describe, expect, it } from 'vitest';
import {
  DASH,
  fixed,
  fixedTrim,
  fmt,
  formatBytes,
  formatInteger,
  formatMoney,
  formatMoneyDelta,
  formatNumber,
  formatPercentBp,
  formatQty,
  formatWhen,
  localDate,
} from './format';

describe('money (integer cents)', () => {
  it('prints dollars with separators and exact cents', () => {
    expect(formatMoney(1234567)).toBe('$12,345.67');
    expect(formatMoney(5)).toBe('$0.05');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(-0)).toBe('$0.00');
    expect(formatMoney(-350)).toBe('-$3.50');
    expect(formatMoney(-1234567)).toBe('-$12,345.67');
    // 1e9 dollars and beyond the range where cents / 100 would lose a cent
    expect(formatMoney(100_000_000_000)).toBe('$1,000,000,000.00');
    expect(formatMoney(900_719_925_474_099)).toBe('$9,007,199,254,740.99');
  });

  it('a value that is not a number is a dash', () => {
    for (const v of [NaN, Infinity, -Infinity]) expect(formatMoney(v)).toBe(DASH);
    expect(DASH).toBe('—');
  });

  it('a change in money is signed with a true minus; none is a dash', () => {
    expect(formatMoneyDelta(1200)).toBe('+$12.00');
    expect(formatMoneyDelta(-350)).toBe('−$3.50');
    expect(formatMoneyDelta(0)).toBe(DASH);
    expect(formatMoneyDelta(NaN)).toBe(DASH);
  });

  it('basis points read as a percent without trailing zeros', () => {
    expect(formatPercentBp(825)).toBe('8.25 %');
    expect(formatPercentBp(1000)).toBe('10 %');
    expect(formatPercentBp(1050)).toBe('10.5 %');
    expect(formatPercentBp(0)).toBe('0 %');
    expect(formatPercentBp(NaN)).toBe(DASH);
  });
});

describe('numbers and units', () => {
  it('Intl rounds the decimal value half away from zero', () => {
    expect(formatNumber(1.005, 2)).toBe('1.01');
    expect(formatNumber(2.5, 0)).toBe('3');
    expect(formatNumber(-2.5, 0)).toBe('-3');
    expect(formatNumber(0.125, 2)).toBe('0.13');
    expect(formatNumber(12345.678, 1)).toBe('12,345.7');
    expect(formatNumber(1e9, 1)).toBe('1,000,000,000.0');
    expect(formatNumber(1e9, 1, { grouping: false })).toBe('1000000000.0');
    expect(formatNumber(2.5, 3, { trim: true })).toBe('2.5');
  });

  it('-0 and values that round to zero print without a sign', () => {
    expect(formatNumber(-0, 1)).toBe('0.0');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatInteger(-0.4)).toBe('0');
    expect(formatNumber(-0.06, 1)).toBe('-0.1');
  });

  it('NaN and Infinity are a dash, in every formatter', () => {
    for (const v of [NaN, Infinity, -Infinity]) {
      expect(formatNumber(v, 2)).toBe(DASH);
      expect(fixed(v, 2)).toBe(DASH);
      expect(fixedTrim(v, 2)).toBe(DASH);
      expect(formatQty(v)).toBe(DASH);
      for (const f of Object.values(fmt)) expect(f(v)).toBe(DASH);
    }
  });

  it('fixed() keeps toFixed rounding exactly (engine output stays byte-identical)', () => {
    // 1.005 is 1.00499999999999989... in binary: toFixed says 1.00 where Intl says 1.01
    expect(fixed(1.005, 2)).toBe('1.00');
    expect(fixed(2.5, 0)).toBe('3');
    expect(fixed(-2.5, 0)).toBe('-3');
    expect(fixed(0.125, 2)).toBe('0.13');
    expect(fixed(-0, 2)).toBe('0.00');
    expect(fixed(1e9, 1)).toBe('1000000000.0');
    for (let i = 0; i < 2000; i++) {
      const v = (i - 1000) / 64 + i * 1e-7;
      expect(fixed(v, 3)).toBe(v.toFixed(3));
    }
    expect(fixedTrim(6.6, 2)).toBe('6.6');
    expect(formatQty(3.2485)).toBe((3.2485).toFixed(3).replace(/0+$/, ''));
    expect(formatQty(12)).toBe('12');
  });

  it('the unit formatters use the UX precisions', () => {
    expect(fmt.psf(31.25)).toBe('31.3');
    expect(fmt.lb(12345.5)).toBe('12,346');
    expect(fmt.kipFt(1234.567)).toBe('1,234.57');
    expect(fmt.ft(6.25)).toBe('6.3');
    expect(fmt.ratio(0.995)).toBe('1.00');
    expect(fmt.coef(0.8515)).toBe('0.852');
    expect(fmt.yd3(1.2)).toBe('1.20');
    expect(fmt.money(123456)).toBe('$1,234.56');
  });

  it('file sizes: bytes, whole KB rounded up, MB to 0.1', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1025)).toBe('2 KB');
    expect(formatBytes(300 * 1024)).toBe('300 KB');
    expect(formatBytes(5.5 * 1024 * 1024)).toBe('5.5 MB');
    expect(formatBytes(-1)).toBe(DASH);
  });
});

describe('dates', () => {
  it('an unreadable instant is shown as it is', () => {
    expect(formatWhen('not a date')).toBe('not a date');
    expect(localDate('not a date')).toBe('not a date');
    expect(localDate(new Date(NaN))).toBe(DASH);
  });

  it('a calendar date stays that date; an instant becomes the local date', () => {
    expect(localDate('2026-03-01')).toBe('2026-03-01');
    const d = new Date(2026, 0, 5, 23, 59); // local 2026-01-05 23:59
    expect(localDate(d)).toBe('2026-01-05');
    expect(localDate(d.toISOString())).toBe('2026-01-05');
  });

  it('formatWhen prints a local date and time', () => {
    const d = new Date(2026, 2, 1, 20, 5);
    expect(formatWhen(d.toISOString())).toBe('Mar 1, 2026, 08:05 PM');
  });
});
