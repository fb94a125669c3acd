import { describe, expect, it } from 'vitest';
import { formatDate, formatDays, formatTimeRange, phoneHref } from '#site/lib/format.ts';

describe('formatDays', () => {
  it('names a run of three or more weekdays as a range', () => {
    expect(formatDays(['ma', 'di', 'wo', 'do', 'vr'])).toBe('maandag tot en met vrijdag');
  });
  it('lists separate days with "en", in week order', () => {
    expect(formatDays(['do', 'di'])).toBe('dinsdag en donderdag');
    expect(formatDays(['ma', 'wo', 'vr'])).toBe('maandag, woensdag en vrijdag');
  });
  it('names a single day', () => {
    expect(formatDays(['za'])).toBe('zaterdag');
  });
});

describe('formatTimeRange', () => {
  it('writes times the Dutch way', () => {
    expect(formatTimeRange('09:00', '12:30')).toBe('9.00 tot 12.30 uur');
  });
});

describe('formatDate', () => {
  it('writes a long Dutch date', () => {
    expect(formatDate('2026-03-01')).toBe('1 maart 2026');
  });
});

describe('phoneHref', () => {
  it('dials regional numbers internationally', () => {
    expect(phoneHref('0180-451234')).toBe('tel:+31180451234');
  });
  it('keeps short and free numbers as they are', () => {
    expect(phoneHref('112')).toBe('tel:112');
    expect(phoneHref('0800-2000')).toBe('tel:08002000');
  });
});
