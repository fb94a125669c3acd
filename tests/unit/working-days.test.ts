import { describe, expect, it } from 'vitest';
import { dutchPublicHolidays, easterSunday } from '#admin/hours/dutch-holidays.ts';
import { addWorkingDays, isWorkingDay } from '#admin/questions/working-days.ts';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const noon = (date: string) => new Date(`${date}T11:00:00Z`);

describe('Dutch public holidays', () => {
  it('finds Easter for years whose dates are known', () => {
    expect(isoDay(easterSunday(2024))).toBe('2024-03-31');
    expect(isoDay(easterSunday(2025))).toBe('2025-04-20');
    expect(isoDay(easterSunday(2026))).toBe('2026-04-05');
    expect(isoDay(easterSunday(2027))).toBe('2027-03-28');
    expect(isoDay(easterSunday(2038))).toBe('2038-04-25');
  });

  it('are the days of the Algemene termijnenwet, with Koningsdag moved off a Sunday', () => {
    for (const date of [
      '2026-01-01',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ])
      expect(isWorkingDay(noon(date)), date).toBe(false);
    // Goede Vrijdag is no holiday of that law.
    expect(isWorkingDay(noon('2026-04-03'))).toBe(true);
    // 27 April 2025 was a Sunday: Koningsdag was on Saturday the 26th.
    expect(dutchPublicHolidays(2025).has('2025-04-26')).toBe(true);
    expect(dutchPublicHolidays(2025).has('2025-04-27')).toBe(false);
  });

  it('are no working days, counted in Dutch time', () => {
    expect(isWorkingDay(new Date('2026-12-25T10:00:00Z'))).toBe(false);
    expect(isWorkingDay(new Date('2026-12-24T10:00:00Z'))).toBe(true);
    // 23:30 UTC on 24 December is already Christmas in Amsterdam.
    expect(isWorkingDay(new Date('2026-12-24T23:30:00Z'))).toBe(false);
  });
});

describe('working days', () => {
  it('skip public holidays: from Wednesday 23 December, 3 working days end on Tuesday 29 December', () => {
    // Thu 24 (1), Fri 25 (holiday), Sat, Sun, Mon 28 (2), Tue 29 (3).
    expect(addWorkingDays(new Date('2026-12-23T09:00:00Z'), 3).toISOString()).toBe(
      '2026-12-29T09:00:00.000Z',
    );
    // Easter: Thursday 2 April 2026 + 2 = Tuesday 7 April (Easter Monday skipped; Good Friday counts).
    expect(addWorkingDays(new Date('2026-04-02T09:00:00Z'), 2).toISOString()).toBe(
      '2026-04-07T09:00:00.000Z',
    );
  });
});
