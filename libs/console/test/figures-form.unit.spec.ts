import { readFigures } from '../src/pages/figures.js';

const ASKED = [
  { metric: 'vacancy-rate', label: 'Vacancy rate', unit: '%' },
  { metric: 'agency-staff', label: 'Agency staff', unit: 'number' },
];

describe("reading the officer's figures form", () => {
  it('turns the fields into a snapshot: a calendar date, numbers with their units, a typed % and thousands commas allowed', () => {
    const { input, errors } = readFigures(
      {
        snapshotId: 's-1',
        subject: ' Adult Social Care social workers ',
        asOfDay: '1',
        asOfMonth: '2',
        asOfYear: '2017',
        source: 'HR extract',
        'metric-vacancy-rate': '24.5 %',
        'metric-agency-staff': '1,250',
      },
      ASKED,
    );
    expect(errors).toEqual([]);
    expect(input).toEqual({
      snapshotId: 's-1',
      subject: 'Adult Social Care social workers',
      asOf: '2017-02-01',
      source: 'HR extract',
      values: [
        { metric: 'vacancy-rate', value: 24.5, unit: '%' },
        { metric: 'agency-staff', value: 1250, unit: 'number' },
      ],
    });
  });

  it('names every problem, field by field, in the order of the form', () => {
    const { errors } = readFigures(
      {
        subject: 'x'.repeat(301),
        asOfDay: '29',
        asOfMonth: '2',
        asOfYear: '2017',
        source: '',
        'metric-vacancy-rate': '',
        'metric-agency-staff': '12%',
      },
      ASKED,
    );
    expect(errors).toEqual([
      { field: 'subject', message: 'Who or what the figures are for must be 300 characters or fewer' },
      { field: 'asOf', message: 'The date the figures stand for must be a real date, like 31 12 2016' },
      { field: 'source', message: 'Enter where the figures come from' },
      { field: 'metric-vacancy-rate', message: 'Enter the vacancy rate' },
      { field: 'metric-agency-staff', message: 'The agency staff must be a number, like 12.5' },
    ]);
  });

  it('asks for the date when none is given', () => {
    const { errors } = readFigures({ subject: 's', source: 's', 'metric-vacancy-rate': '1', 'metric-agency-staff': '2' }, ASKED);
    expect(errors).toEqual([{ field: 'asOf', message: 'Enter the date the figures stand for' }]);
  });
});
