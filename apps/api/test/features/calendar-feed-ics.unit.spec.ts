import ICAL from 'ical.js';
import { calendarFeedIcs, calendarUidOf } from '../../src/features/person-settings/calendar-feed.ics.js';
import type { FeedEntry } from '../../src/features/person-settings/calendar-feed.sql.js';

const entry = (overrides: Partial<FeedEntry> = {}): FeedEntry => ({
  actionId: '3f1c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b',
  ref: 'A2',
  title: 'Collate final metrics for Vacancy, Turnover; and Agency Rates',
  dueOn: '2017-02-15',
  version: 4,
  changedAt: '2017-02-01T10:30:00.000Z',
  committeeName: 'Scrutiny Task & Finish Group',
  postTitle: 'Project Manager, Transformation & Technology',
  ...overrides,
});

const veventsOf = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');

describe('the calendar feed as iCalendar', () => {
  const now = new Date('2017-02-21T12:00:00Z');

  it('gives each action one all-day event on its due date, its words escaped, with SEQUENCE and LAST-MODIFIED from the action', () => {
    const ics = calendarFeedIcs({ personId: 'p-1', name: 'Tony Fitzgerald' }, [entry()], 'https://actions.luton.gov.uk', now);
    expect(ics).toContain('DTSTART;VALUE=DATE:20170215');
    const [event] = veventsOf(ics);
    expect({
      uid: event?.getFirstPropertyValue('uid'),
      summary: event?.getFirstPropertyValue('summary'),
      sequence: event?.getFirstPropertyValue('sequence'),
      lastModified: String(event?.getFirstPropertyValue('last-modified')),
      url: event?.getFirstPropertyValue('url'),
    }).toEqual({
      uid: calendarUidOf('3f1c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b'),
      summary: 'A2: Collate final metrics for Vacancy, Turnover; and Agency Rates',
      sequence: 4,
      lastModified: '2017-02-01T10:30:00Z',
      url: 'https://actions.luton.gov.uk/actions/3f1c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b',
    });
    expect(String(event?.getFirstPropertyValue('description'))).toBe(
      'Scrutiny Task & Finish Group, action A2, owned by Project Manager, Transformation & Technology.\n\n' +
        'Collate final metrics for Vacancy, Turnover; and Agency Rates\n\n' +
        'https://actions.luton.gov.uk/actions/3f1c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b',
    );
  });

  it('leaves LAST-MODIFIED out when the row does not say when it changed, and names the calendar after the person', () => {
    const ics = calendarFeedIcs({ personId: 'p-1', name: 'Tony Fitzgerald' }, [entry({ changedAt: null })], 'https://x.example', now);
    expect(veventsOf(ics)[0]?.getFirstPropertyValue('last-modified')).toBeNull();
    expect(ics).toContain('X-WR-CALNAME:Actiontrail: actions due (Tony Fitzgerald)');
  });

  it('is a valid empty calendar when nothing is due', () => {
    const ics = calendarFeedIcs({ personId: 'p-1', name: null }, [], 'https://x.example', now);
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(veventsOf(ics)).toEqual([]);
  });
});
