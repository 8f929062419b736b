import { figuresAskedBy } from '../../src/features/metric-snapshots/figures-asked.js';

describe('the figures an action asks for, read from its words', () => {
  it('reads the 16 January 2017 minutes: vacancy, turnover and agency rates, as percentages, in their order', () => {
    expect(figuresAskedBy('Collate final metrics for Vacancy, Turnover and Agency Rates')).toEqual([
      { metric: 'vacancy-rate', label: 'Vacancy rate', unit: '%' },
      { metric: 'turnover-rate', label: 'Turnover rate', unit: '%' },
      { metric: 'agency-rate', label: 'Agency rate', unit: '%' },
    ]);
  });

  it('reads the resolution part the same way', () => {
    const part =
      'That the Project Manager, Transformation & Technology be instructed to collate final metrics for Vacancy, Turnover and Agency Rates';
    expect(figuresAskedBy(part).map((m) => m.metric)).toEqual(['vacancy-rate', 'turnover-rate', 'agency-rate']);
  });

  it('counts figures that are not rates as numbers, each named by itself', () => {
    expect(figuresAskedBy('Report figures for agency staff and open posts.')).toEqual([
      { metric: 'agency-staff', label: 'Agency staff', unit: 'number' },
      { metric: 'open-posts', label: 'Open posts', unit: 'number' },
    ]);
  });

  it('finds none in an action that asks for no figures', () => {
    expect(figuresAskedBy('Submit the final consultation report to the February meeting')).toEqual([]);
    expect(figuresAskedBy('Review the exit interview process')).toEqual([]);
    expect(figuresAskedBy(undefined)).toEqual([]);
  });
});
