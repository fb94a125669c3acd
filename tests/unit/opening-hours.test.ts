import { describe, expect, it } from 'vitest';
import { instantAt, localMoment } from '#admin/hours/amsterdam-time.ts';
import { dutchPublicHolidays, easterSunday } from '#admin/hours/dutch-holidays.ts';
import { openingState, upcomingSlots, type HoursSource } from '#admin/hours/opening-hours.ts';

const weekdays: HoursSource = {
  weekly: [
    { days: ['ma', 'di', 'wo', 'do', 'vr'], opens: '09:00', closes: '12:00' },
    { days: ['di'], opens: '13:00', closes: '16:00' },
  ],
};
/** A Dutch wall-clock time as an instant. */
const at = (date: string, time: string) =>
  instantAt(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));

describe('Dutch time', () => {
  it('reads and writes wall-clock time in winter and summer, whatever the server zone', () => {
    expect(at('2026-01-15', '09:00').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(at('2026-07-15', '09:00').toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(localMoment(new Date('2026-03-29T01:30:00Z'))).toEqual({
      date: '2026-03-29',
      minutes: 3 * 60 + 30,
    });
    expect(localMoment(new Date('2026-12-31T23:30:00Z'))).toEqual({ date: '2027-01-01', minutes: 30 });
  });

  it('knows Easter and the public holidays that follow from it', () => {
    expect(easterSunday(2026).toISOString().slice(0, 10)).toBe('2026-04-05');
    expect(easterSunday(2027).toISOString().slice(0, 10)).toBe('2027-03-28');
    const holidays = dutchPublicHolidays(2026);
    expect(holidays.get('2026-04-06')).toBe('Tweede Paasdag');
    expect(holidays.get('2026-05-14')).toBe('Hemelvaartsdag');
    expect(holidays.get('2026-05-25')).toBe('Tweede Pinksterdag');
    expect(holidays.get('2026-04-27')).toBe('Koningsdag');
    // 27 April 2025 was a Sunday: Koningsdag on the 26th.
    expect(dutchPublicHolidays(2025).get('2025-04-26')).toBe('Koningsdag');
  });
});

describe('open now', () => {
  it('is open during the hours and says when it closes', () => {
    const state = openingState(weekdays, at('2026-11-24', '10:15'));
    expect(state.status).toBe('open');
    if (state.status !== 'open') return;
    expect(state.slot.closes).toBe('12:00');
    expect(state.changesAt).toEqual(at('2026-11-24', '12:00'));
  });

  it('is closed at 1 at night and opens the same morning', () => {
    const state = openingState(weekdays, at('2026-11-24', '01:00'));
    expect(state.status).toBe('closed');
    if (state.status !== 'closed') return;
    expect(state.next).toMatchObject({ date: '2026-11-24', opens: '09:00' });
    expect(state.changesAt).toEqual(at('2026-11-24', '09:00'));
  });

  it('on Friday afternoon the next opening is Monday; the wording changes at midnight', () => {
    const state = openingState(weekdays, at('2026-11-27', '15:00'));
    expect(state.status).toBe('closed');
    if (state.status !== 'closed') return;
    expect(state.next).toMatchObject({ date: '2026-11-30', opens: '09:00' });
    expect(state.changesAt).toEqual(at('2026-11-28', '00:00'));
  });

  it('is closed on a public holiday, with its name', () => {
    // Tweede Kerstdag 2026 is a Saturday; Eerste Kerstdag a Friday.
    const state = openingState(weekdays, at('2026-12-25', '10:00'));
    expect(state).toMatchObject({ status: 'closed', reason: { kind: 'holiday', name: 'Eerste Kerstdag' } });
    if (state.status === 'closed') expect(state.next?.date).toBe('2026-12-28');
  });

  it("keeps the listing's own closing days, both days included", () => {
    const source = {
      ...weekdays,
      closures: [{ from: '2026-12-24', until: '2027-01-02', note: 'kerstvakantie' }],
    };
    const state = openingState(source, at('2026-12-29', '10:00'));
    expect(state).toMatchObject({
      status: 'closed',
      reason: { kind: 'closure', until: '2027-01-02', note: 'kerstvakantie' },
    });
    // 1 January is Nieuwjaarsdag, 2 and 3 January a weekend: open again on Monday 4 January.
    if (state.status === 'closed') expect(state.next).toMatchObject({ date: '2027-01-04', opens: '09:00' });
    expect(openingState(source, at('2027-01-02', '10:00')).status).toBe('closed');
  });

  it('knows dated activities and says nothing without fixed times', () => {
    const dated: HoursSource = {
      weekly: [],
      dated: [{ date: '2026-12-03', opens: '14:00', closes: '16:00' }],
    };
    expect(openingState(dated, at('2026-12-03', '15:00')).status).toBe('open');
    expect(openingState(dated, at('2026-12-04', '15:00'))).toMatchObject({
      status: 'closed',
      next: undefined,
    });
    expect(openingState({ weekly: [] }, at('2026-12-03', '15:00'))).toEqual({ status: 'unknown' });
  });
});

it('lists the coming walk-in hours from the one going on now', () => {
  const slots = upcomingSlots(weekdays, at('2026-11-24', '13:30'), 3);
  expect(slots.map((slot) => `${slot.date} ${slot.opens}`)).toEqual([
    '2026-11-24 13:00',
    '2026-11-25 09:00',
    '2026-11-26 09:00',
  ]);
});
