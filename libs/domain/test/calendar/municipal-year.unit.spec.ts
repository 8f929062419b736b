import { municipalYearDates, municipalYearOf } from '../../src/calendar/index.js';

describe('the municipal year (1 May to 30 April, from the annual meeting in May)', () => {
  it.each([
    ['2014/15', '2014-05-01', '2015-04-30'],
    ['1999/00', '1999-05-01', '2000-04-30'],
    ['2019/20', '2019-05-01', '2020-04-30'],
  ])('%s runs from %s to %s', (year, from, to) => {
    expect(municipalYearDates(year)).toEqual({ from, to });
  });

  it.each(['2014/16', '2014-15', '2014/2015', '14/15', '2014/1', ''])('refuses %p: not YYYY/YY of consecutive years', (year) => {
    expect(municipalYearDates(year)).toBeUndefined();
  });

  it.each([
    ['2015-01-21', '2014/15', 'the Bromley meeting'],
    ['2015-04-30', '2014/15', 'the last day of the year'],
    ['2015-05-01', '2015/16', 'the first day of the next'],
    ['1999-12-31', '1999/00', 'across a century'],
  ])('%s is in %s (%s)', (date, year) => {
    expect(municipalYearOf(date)).toBe(year);
    const range = municipalYearDates(year);
    expect(range && range.from <= date && date <= range.to).toBe(true);
  });
});
