import type { CommitteeKind } from '#domain';
import type { AgendaItem, Attendee } from '#domain';
import type { ResolutionPart } from '#domain';
import { uuidV5 } from './name-based-id.js';

/**
 * The demo: the meeting of 16 January 2017 of the Scrutiny Task & Finish Group on the recruitment and
 * retention of social workers, written by hand from its minutes (../shared/seeds/000_487efdd8be405b3b.txt).
 * Every id is derived from a fixed namespace and a name, so every load aims at the same streams.
 */
export const DEMO_NAMESPACE = 'db54578a-c2db-4864-ac4c-d26a7dbb83fa';

export const demoId = (name: string): string => uuidV5(DEMO_NAMESPACE, `actiontrail-demo/${name}`);

export interface DemoOfficer {
  readonly personId: string;
  readonly name: string;
  readonly postId: string;
  readonly postTitle: string;
  readonly department?: string;
}

const officer = (name: string, postTitle: string, department?: string): DemoOfficer => ({
  personId: demoId(`person/${name}`),
  name,
  postId: demoId(`post/${postTitle}`),
  postTitle,
  ...(department ? { department } : {}),
});

/** Departments only where the post title names one. */
export const demoOfficers = {
  claridge: officer('Angela Claridge', 'Service Director, HR and Monitoring Officer', 'HR'),
  fitzgerald: officer('Tony Fitzgerald', 'Project Manager, Transformation & Technology', 'Transformation & Technology'),
  hussey: officer('Matt Hussey', 'Democracy and Scrutiny Officer'),
  oLeary: officer("Maud O'Leary", 'Service Director, Adult Social Care', 'Adult Social Care'),
  rowe: officer('Sally Rowe', 'Corporate Director, People', 'People'),
  savenko: officer('Kate Savenko', 'Project Officer, Transformation Team', 'Transformation Team'),
  ismail: officer('Farah Ismail', 'Senior Consultation Officer'),
} as const satisfies Record<string, DemoOfficer>;

/** The minutes show each officer in post on the day; they give no earlier start. */
export const DEMO_APPOINTMENTS_FROM = '2017-01-16';

export const demoCommittee: { readonly id: string; readonly name: string; readonly kind: CommitteeKind } = {
  id: demoId('committee'),
  name: 'Scrutiny Task & Finish Group: Recruitment & Retention of Social Workers',
  kind: 'task-and-finish',
};

export const demoMeeting = {
  id: demoId('meeting/2017-01-16'),
  startsAt: '2017-01-16T18:00:00Z',
  title: 'Scrutiny Task & Finish Group: Recruitment & Retention of Social Workers, 16 January 2017',
} as const;

/** "The February meeting" of the minutes, which do not date it. */
export const demoFebruaryMeeting = {
  id: demoId('meeting/2017-02'),
  startsAt: '2017-02-20T18:00:00Z',
  title:
    'Scrutiny Task & Finish Group: Recruitment & Retention of Social Workers, February 2017 (date assumed: the minutes of 16 January 2017 do not give it)',
} as const;

const councillor = (name: string, role: Attendee['role'], status: Attendee['status']): Attendee => ({
  name: `Councillor ${name}`,
  role,
  status,
});
const officerPresent = ({ personId, name }: DemoOfficer): Attendee => ({ personId, name, role: 'officer', status: 'present' });

/**
 * As printed under PRESENT, PORTFOLIO HOLDERS and SUPPORT OFFICERS / ADVISORS, and the apologies of item 01.
 * Farah Ismail presented item 02 but the minutes do not list her, so neither does the record.
 */
export const demoAttendance: readonly Attendee[] = [
  councillor('Green', 'chair', 'present'),
  councillor('Keens', 'member', 'present'),
  councillor('Rowlands', 'member', 'present'),
  councillor('J. Taylor', 'member', 'present'),
  councillor('N. Ayub', 'portfolio-holder', 'present'),
  councillor('Hussain', 'portfolio-holder', 'present'),
  officerPresent(demoOfficers.claridge),
  officerPresent(demoOfficers.fitzgerald),
  officerPresent(demoOfficers.hussey),
  officerPresent(demoOfficers.oLeary),
  officerPresent(demoOfficers.rowe),
  officerPresent(demoOfficers.savenko),
  councillor('Franks', 'member', 'apologies'),
  councillor('Rivers', 'member', 'apologies'),
];

export const demoItems: readonly AgendaItem[] = [
  { number: '01', title: 'Apologies for Absence', paperRef: 'Ref: 1' },
  { number: '02', title: 'Draft Consultation Summary', paperRef: 'Ref: 4.1' },
  {
    number: '03',
    title:
      "Draft Task & Finish Group Report Part 1 – Summary Analysis of Luton Borough Council's Strengths, Weaknesses, Opportunities and Threats",
    paperRef: 'Ref: 7',
  },
];

export interface DemoResolution {
  readonly id: string;
  readonly itemNumber: string;
  readonly parts: readonly ResolutionPart[];
}

const resolution = (itemNumber: string, parts: readonly ResolutionPart[]): DemoResolution => ({
  id: demoId(`resolution/${itemNumber}`),
  itemNumber,
  parts,
});

/** Items 01 and 02 print one unlabelled resolution each; it is recorded as part (i). */
export const demoResolutions = {
  apologies: resolution('01', [
    {
      label: '(i)',
      text: 'Apologies for absence from the meeting were received on behalf of Councillors Franks and Rivers.',
      kind: 'noted',
    },
  ]),
  consultationSummary: resolution('02', [{ label: '(i)', text: 'That the Report (Ref: 4.1) be noted.', kind: 'noted' }]),
  draftReport: resolution('03', [
    { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' },
    {
      label: '(ii)',
      text: 'That the Project Manager, Transformation & Technology be instructed to collate final metrics for Vacancy, Turnover and Agency Rates',
      kind: 'instructed',
    },
  ]),
} as const satisfies Record<string, DemoResolution>;

export interface DemoAction {
  readonly id: string;
  readonly resolutionId: string;
  readonly partLabel?: string;
  readonly title: string;
  readonly description: string;
  readonly ownerPostId: string;
  readonly dueMeetingId: string;
}

export const demoActions = {
  finalConsultationReport: {
    id: demoId('action/final-consultation-report'),
    // Arises from the discussion of item 02, not from the wording of its one (noting) part.
    resolutionId: demoResolutions.consultationSummary.id,
    title: 'Submit the final consultation report to the February meeting',
    description:
      'Farah Ismail, Senior Consultation Officer, submitted the draft consultation summary (Ref: 4.1) and requested that ' +
      'the final consultation report be submitted to the February meeting.',
    ownerPostId: demoOfficers.ismail.postId,
    dueMeetingId: demoFebruaryMeeting.id,
  },
  finalMetrics: {
    id: demoId('action/final-metrics'),
    resolutionId: demoResolutions.draftReport.id,
    partLabel: '(ii)',
    title: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
    description:
      'The Chair asked for confirmation of the baseline data to be used for Vacancy, Turnover and Agency Rates, as a ' +
      "'snap shot' in time, the turnover rate being the most important, and of the amount of overspend.",
    ownerPostId: demoOfficers.fitzgerald.postId,
    dueMeetingId: demoFebruaryMeeting.id,
  },
} as const satisfies Record<string, DemoAction>;

/** Not in the seeds: the next meeting, invented so that the demo's actions can be signed off at one. */
export const demoMarchMeeting = {
  id: demoId('meeting/2017-03-invented'),
  startsAt: '2017-03-20T18:00:00Z',
  title:
    'Scrutiny Task & Finish Group: Recruitment & Retention of Social Workers, 20 March 2017 (invented for the demo: no minutes of it are in the seeds)',
} as const;

/** A step of an action's life, dated when it happened (`occurredAt`). */
export type DemoStep =
  | {
      readonly kind: 'progress';
      readonly actionId: string;
      readonly note: string;
      readonly rag: 'red' | 'amber' | 'green';
      readonly occurredAt: string;
    }
  | { readonly kind: 'completion'; readonly actionId: string; readonly outcome: string; readonly occurredAt: string }
  | {
      readonly kind: 'sign-off';
      readonly actionId: string;
      readonly meetingId: string;
      readonly note: string;
      readonly occurredAt: string;
    };

const INVENTED = '(invented for the demo)';

/**
 * INVENTED: the seeds hold only the January minutes, so what became of the two actions is made up, plausibly and
 * small: progress in February 2017, completion at the February meeting, sign-off at the (invented) March meeting.
 * Every note says it is invented. It shows past business recorded with the dates it happened.
 */
export const demoHistory: readonly DemoStep[] = [
  {
    kind: 'progress',
    actionId: demoActions.finalMetrics.id,
    note: `HR extract requested: vacancy, turnover and agency rates as at 31 December 2016 ${INVENTED}`,
    rag: 'amber',
    occurredAt: '2017-02-03',
  },
  {
    kind: 'progress',
    actionId: demoActions.finalConsultationReport.id,
    note: `Consultation responses analysed; final report in draft ${INVENTED}`,
    rag: 'green',
    occurredAt: '2017-02-08',
  },
  {
    kind: 'progress',
    actionId: demoActions.finalMetrics.id,
    note: `Baseline figures collated and checked with Finance; turnover rate confirmed ${INVENTED}`,
    rag: 'green',
    occurredAt: '2017-02-13',
  },
  {
    kind: 'completion',
    actionId: demoActions.finalConsultationReport.id,
    outcome: `Final consultation report submitted to the February meeting ${INVENTED}`,
    occurredAt: demoFebruaryMeeting.startsAt,
  },
  {
    kind: 'completion',
    actionId: demoActions.finalMetrics.id,
    outcome: `Final metrics for Vacancy, Turnover and Agency Rates presented to the February meeting ${INVENTED}`,
    occurredAt: demoFebruaryMeeting.startsAt,
  },
  {
    kind: 'sign-off',
    actionId: demoActions.finalConsultationReport.id,
    meetingId: demoMarchMeeting.id,
    note: `Signed off by the Group at its March meeting ${INVENTED}`,
    occurredAt: demoMarchMeeting.startsAt,
  },
  {
    kind: 'sign-off',
    actionId: demoActions.finalMetrics.id,
    meetingId: demoMarchMeeting.id,
    note: `Signed off by the Group at its March meeting ${INVENTED}`,
    occurredAt: demoMarchMeeting.startsAt,
  },
];
