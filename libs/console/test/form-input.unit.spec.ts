import { calendarDateFrom, namesFrom, ukInstantFrom } from '../src/pages/form-input.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('reading the recording forms', () => {
  describe('a GOV.UK date input', () => {
    it('reads day, month and year as a calendar date', () => {
      expect(calendarDateFrom(form({ dateDay: '21', dateMonth: '1', dateYear: '2015' }), 'date', 'Meeting date')).toEqual({
        value: '2015-01-21',
      });
    });

    it('reads nothing when every field is blank', () => {
      expect(calendarDateFrom(form({ dateDay: ' ', dateMonth: '', dateYear: '' }), 'date', 'Meeting date')).toEqual({ value: undefined });
    });

    it.each([
      ['31', '2', '2015'],
      ['29', '2', '2015'],
      ['1', '13', '2015'],
      ['1', '1', '15'],
      ['x', '1', '2015'],
      ['', '1', '2015'],
    ])('says %s/%s/%s is not a real date, on the day field', (day, month, year) => {
      expect(calendarDateFrom(form({ dueDay: day, dueMonth: month, dueYear: year }), 'due', 'Due date')).toEqual({
        error: { field: 'dueDay', message: 'Due date must be a real date' },
      });
    });
  });

  describe('a UK start time', () => {
    it.each([
      ['2015-01-21', '19:30', '2015-01-21T19:30:00.000Z'],
      ['2015-01-21', '7:30pm', '2015-01-21T19:30:00.000Z'],
      ['2017-07-10', '18:00', '2017-07-10T17:00:00.000Z'],
      ['2017-07-10', '6pm', '2017-07-10T17:00:00.000Z'],
      ['2017-07-10', '12am', '2017-07-09T23:00:00.000Z'],
      ['2017-03-26', '10:00', '2017-03-26T09:00:00.000Z'],
    ])('reads %s at %s as the instant %s (GMT in winter, BST in summer)', (date, time, instant) => {
      expect(ukInstantFrom(date, time, 'time', 'Start time')).toEqual({ value: instant });
    });

    it.each(['25:00', '18:60', '13pm', 'six', '18'])('says %s is not a time', (time) => {
      expect(ukInstantFrom('2015-01-21', time, 'time', 'Start time')).toEqual({
        error: { field: 'time', message: 'Start time: enter a time like 18:00 or 6pm' },
      });
    });
  });

  it('reads one name a line, dropping blank lines and spaces', () => {
    expect(namesFrom('  Councillor Green \r\n\nCouncillor Mead\n ')).toEqual(['Councillor Green', 'Councillor Mead']);
  });
});
