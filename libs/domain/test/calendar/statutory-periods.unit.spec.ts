import {
  bankHolidaysIn,
  callInPeriod,
  easterSunday,
  executiveResponseDueOn,
  isWorkingDay,
  requireCalendarDate,
  workingDaysAfter,
} from '../../src/calendar/index.js';

describe('the executive response clock (s.9FE: two months beginning with the day of receipt)', () => {
  it.each([
    ['2017-03-10', '2017-05-09', 'the statute guidance example'],
    ['2015-01-21', '2015-03-20', 'the Bromley recommendation'],
    ['2017-01-01', '2017-02-28', 'the first of a month ends at the end of the month before'],
    ['2017-06-30', '2017-08-29', 'a day every month has'],
    ['2017-11-15', '2018-01-14', 'across the year end'],
    ['2016-12-31', '2017-02-28', '31 December: February has no 31st, so the end of February'],
    ['2017-12-31', '2018-02-28', '31 December again'],
    ['2019-12-31', '2020-02-29', '31 December before a leap February'],
    ['2019-12-30', '2020-02-29', '30 December before a leap February'],
    ['2019-12-29', '2020-02-28', '29 December before a leap February: 29 February is the corresponding date'],
    ['2016-12-29', '2017-02-28', '29 December before a common February'],
    ['2016-12-28', '2017-02-27', '28 December'],
  ])('received %s → respond by the end of %s (%s)', (received, due) => {
    expect(executiveResponseDueOn(received)).toBe(due);
  });
});

describe('bank holidays', () => {
  it('computes Easter Sunday', () => {
    expect(['2015', '2017', '2024', '2025', '2027', '2030'].map((y) => easterSunday(Number(y)))).toEqual([
      '2015-04-05',
      '2017-04-16',
      '2024-03-31',
      '2025-04-20',
      '2027-03-28',
      '2030-04-21',
    ]);
  });

  it.each([
    [2015, ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28']],
    [2017, ['01-02', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26']],
    [2020, ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28']],
    [2022, ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27']],
    [2023, ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26']],
    [2026, ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28']],
    [2027, ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28']],
  ])('England and Wales %i', (year, days) => {
    expect(bankHolidaysIn(year, 'england-and-wales')).toEqual(days.map((d) => `${year}-${d}`));
  });

  it('Scotland 2026: 2 January, no Easter Monday, the first Monday of August, St Andrew’s Day', () => {
    expect(bankHolidaysIn(2026, 'scotland')).toEqual(
      ['01-01', '01-02', '04-03', '05-04', '05-25', '08-03', '11-30', '12-25', '12-28'].map((d) => `2026-${d}`),
    );
  });

  it('Northern Ireland 2026: St Patrick’s Day and the Battle of the Boyne (12 July a Sunday, so the 13th)', () => {
    expect(bankHolidaysIn(2026, 'northern-ireland')).toEqual(
      ['01-01', '03-17', '04-03', '04-06', '05-04', '05-25', '07-13', '08-31', '12-25', '12-28'].map((d) => `2026-${d}`),
    );
  });

  it('Scotland 2022: both New Year days fall at the weekend and move to Monday and Tuesday', () => {
    expect(bankHolidaysIn(2022, 'scotland').slice(0, 2)).toEqual(['2022-01-03', '2022-01-04']);
  });

  it('refuses a year it has no rules for rather than guessing', () => {
    expect(() => bankHolidaysIn(2031, 'england-and-wales')).toThrow(RangeError);
  });
});

describe('working days and the call-in period', () => {
  it('a weekend and a bank holiday are not working days', () => {
    expect([isWorkingDay('2026-12-05', 'england-and-wales'), isWorkingDay('2026-12-28', 'england-and-wales')]).toEqual([false, false]);
    expect(isWorkingDay('2026-12-29', 'england-and-wales')).toBe(true);
  });

  it('counts clear working days, not the day itself', () => {
    expect(workingDaysAfter('2026-11-30', 1, 'england-and-wales')).toBe('2026-12-01');
  });

  it.each([
    ['2026-11-30', 'england-and-wales', '2026-12-07', '2026-12-08', 'a plain week'],
    ['2027-03-24', 'england-and-wales', '2027-04-02', '2027-04-03', 'over Good Friday and Easter Monday'],
    ['2027-03-24', 'scotland', '2027-04-01', '2027-04-02', 'Easter Monday is worked in Scotland'],
    ['2026-12-23', 'england-and-wales', '2027-01-04', '2027-01-05', 'over Christmas, the Boxing Day substitute and New Year'],
    ['2026-12-23', 'scotland', '2027-01-05', '2027-01-06', 'Scotland’s 2 January (a Saturday) moves to Monday 4 January'],
  ] as const)('published %s (%s): call-in until %s, effective %s (%s)', (published, division, endsOn, effectiveOn, _why) => {
    expect(callInPeriod(published, 5, division)).toEqual({ endsOn, effectiveOn });
  });

  it('a council may set a different number of clear working days', () => {
    expect(callInPeriod('2026-11-30', 3, 'england-and-wales').endsOn).toBe('2026-12-03');
  });
});

describe('calendar dates', () => {
  it('refuses a date that does not exist, naming the field', () => {
    expect(() => requireCalendarDate('2017-04-31', 'receivedOn')).toThrow('receivedOn must be a calendar date (YYYY-MM-DD)');
    expect(requireCalendarDate('2017-04-30', 'receivedOn')).toBe('2017-04-30');
  });
});
