import { found, missing } from '../../src/shared/lookup.js';
import { given } from '../support/given-when-then.js';
import type { CorrectResolution, PassResolution, ResolutionMeetingFacts } from '../../src/resolution/resolution.commands.js';
import { resolutionDecider } from '../../src/resolution/resolution.decider.js';
import type { ResolutionCorrected, ResolutionPart, ResolutionPassed } from '../../src/resolution/resolution.events.js';

const resolutionId = 'r-03';
const meetingId = 'm-jan';
const startsAt = '2017-01-16T18:00:00Z';
const now = '2017-01-20T10:00:00Z';
const meeting = found<ResolutionMeetingFacts>({
  committeeId: 'c-tf',
  startsAt,
  items: [{ number: '02' }, { number: '03' }],
});

const noted: ResolutionPart = { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' };
const instructed: ResolutionPart = {
  label: '(ii)',
  text: 'That the Project Manager, Transformation & Technology be instructed to collate final metrics',
  kind: 'instructed',
};

const pass = (overrides: Partial<PassResolution['data']> = {}): PassResolution => ({
  type: 'PassResolution',
  data: {
    resolutionId,
    meetingId,
    itemNumber: '03',
    parts: [noted, instructed],
    now,
    facts: { meeting },
    ...overrides,
  },
});
const passed: ResolutionPassed = {
  type: 'ResolutionPassed',
  data: {
    resolutionId,
    meetingId,
    committeeId: 'c-tf',
    itemNumber: '03',
    meetingStartsAt: startsAt,
    parts: [noted, instructed],
    passedAt: startsAt,
  },
};

const reworded: ResolutionPart = { ...instructed, text: `${instructed.text} for Vacancy, Turnover and Agency Rates` };
const correct = (overrides: Partial<CorrectResolution['data']> = {}): CorrectResolution => ({
  type: 'CorrectResolution',
  data: {
    resolutionId,
    parts: [noted, reworded],
    reason: 'Wording omitted the metrics',
    now: '2017-02-01T09:00:00Z',
    ...overrides,
  },
});
const corrected: ResolutionCorrected = {
  type: 'ResolutionCorrected',
  data: {
    resolutionId,
    parts: [noted, reworded],
    reason: 'Wording omitted the metrics',
    correctedAt: '2017-02-01T09:00:00Z',
  },
};

describe('resolution decider', () => {
  describe('PassResolution', () => {
    it('passes a resolution on an item of the meeting', () => {
      const state = given(resolutionDecider)([]).when(pass()).then([passed]);
      expect(state).toEqual({ exists: true, ...passed.data, corrections: 0 });
    });

    it('keeps only the known fields of each part', () => {
      const sloppy = { ...noted, colour: 'red' } as ResolutionPart;
      given(resolutionDecider)([])
        .when(pass({ parts: [sloppy] }))
        .then([{ ...passed, data: { ...passed.data, parts: [noted] } }]);
    });

    it('refuses to pass the same resolution twice (conflict)', () => {
      given(resolutionDecider)([passed]).when(pass()).thenThrows('resolution-already-passed', 'conflict');
    });

    it('refuses a meeting that does not exist (not found)', () => {
      given(resolutionDecider)([])
        .when(pass({ facts: { meeting: missing } }))
        .thenThrows('meeting-not-found', 'not-found');
    });

    it('refuses an item number the meeting does not have (invalid)', () => {
      given(resolutionDecider)([])
        .when(pass({ itemNumber: '09' }))
        .thenThrows('resolution-item-unknown', 'invalid');
    });

    it('refuses a resolution without parts (invalid)', () => {
      given(resolutionDecider)([])
        .when(pass({ parts: [] }))
        .thenThrows('parts-required', 'invalid');
    });

    it('refuses a blank part label (invalid)', () => {
      given(resolutionDecider)([])
        .when(pass({ parts: [{ ...noted, label: ' ' }] }))
        .thenThrows('part-label-required', 'invalid');
    });

    it('refuses a blank part text (invalid)', () => {
      given(resolutionDecider)([])
        .when(pass({ parts: [{ ...noted, text: '' }] }))
        .thenThrows('part-text-required', 'invalid');
    });

    it('refuses an unknown part kind (invalid)', () => {
      given(resolutionDecider)([])
        .when(pass({ parts: [{ ...noted, kind: 'vetoed' as ResolutionPart['kind'] }] }))
        .thenThrows('part-kind-unknown', 'invalid');
    });

    it('passes a single part without a label, as minutes print it, and keeps the label absent', () => {
      const supported: ResolutionPart = { text: 'That the proposal … be supported.', kind: 'supported' };
      const state = given(resolutionDecider)([])
        .when(pass({ parts: [supported] }))
        .then([{ ...passed, data: { ...passed.data, parts: [supported] } }]);
      expect(state).toMatchObject({ parts: [supported] });
      expect(state.exists && 'label' in (state.parts[0] ?? {})).toBe(false);
    });

    it('refuses several parts when one has no label (invalid)', () => {
      const { label: _label, ...unlabelled } = instructed;
      given(resolutionDecider)([])
        .when(pass({ parts: [noted, unlabelled] }))
        .thenThrows('part-label-required', 'invalid');
      const { label: _other, ...alsoUnlabelled } = noted;
      given(resolutionDecider)([])
        .when(pass({ parts: [alsoUnlabelled, unlabelled] }))
        .thenThrows('part-label-required', 'invalid');
    });

    it('accepts the kinds of pre-decision scrutiny and the other things committees do', () => {
      const kinds = ['supported', 'endorsed', 'requested', 'deferred'] as const;
      const parts: ResolutionPart[] = kinds.map((kind, index) => ({ label: `(${index + 1})`, text: `That it be ${kind}.`, kind }));
      given(resolutionDecider)([])
        .when(pass({ parts }))
        .then([{ ...passed, data: { ...passed.data, parts } }]);
    });

    it('refuses duplicate part labels (invalid)', () => {
      given(resolutionDecider)([])
        .when(pass({ parts: [noted, { ...instructed, label: '(i)' }] }))
        .thenThrows('part-labels-duplicated', 'invalid');
    });
  });

  describe('CorrectResolution', () => {
    it('corrects the wording, counting the correction', () => {
      const state = given(resolutionDecider)([passed]).when(correct()).then([corrected]);
      expect(state).toMatchObject({ parts: [noted, reworded], corrections: 1, correctedAt: '2017-02-01T09:00:00Z' });
    });

    it('refuses a resolution that does not exist (not-found)', () => {
      given(resolutionDecider)([]).when(correct()).thenThrows('resolution-not-found', 'not-found');
    });

    it('refuses a correction without a reason (invalid)', () => {
      given(resolutionDecider)([passed])
        .when(correct({ reason: '  ' }))
        .thenThrows('reason-required', 'invalid');
    });

    it('refuses a correction identical to the current wording (conflict)', () => {
      given(resolutionDecider)([passed])
        .when(correct({ parts: [noted, instructed] }))
        .thenThrows('resolution-correction-unchanged', 'conflict');
      given(resolutionDecider)([passed, corrected]).when(correct()).thenThrows('resolution-correction-unchanged', 'conflict');
    });

    it('corrects a single unlabelled part into labelled parts, and refuses unlabelled ones among several (invalid)', () => {
      const supported: ResolutionPart = { text: 'That the proposal be supported.', kind: 'supported' };
      const single: ResolutionPassed = { ...passed, data: { ...passed.data, parts: [supported] } };
      given(resolutionDecider)([single])
        .when(correct({ parts: [noted, instructed] }))
        .then([{ ...corrected, data: { ...corrected.data, parts: [noted, instructed] } }]);
      given(resolutionDecider)([single])
        .when(correct({ parts: [supported, { ...supported, text: 'And noted.', kind: 'noted' }] }))
        .thenThrows('part-label-required', 'invalid');
    });

    it('validates the corrected parts like passed ones (invalid)', () => {
      given(resolutionDecider)([passed])
        .when(correct({ parts: [] }))
        .thenThrows('parts-required', 'invalid');
      given(resolutionDecider)([passed])
        .when(correct({ parts: [noted, { ...reworded, label: '(i)' }] }))
        .thenThrows('part-labels-duplicated', 'invalid');
    });
  });

  describe('evolve', () => {
    it('starts as not existing and ignores a correction of nothing', () => {
      expect(given(resolutionDecider)([]).state()).toEqual({ exists: false });
      expect(given(resolutionDecider)([corrected]).state()).toEqual({ exists: false });
    });

    it('folds a history of corrections, the latest wording winning', () => {
      const back: ResolutionCorrected = {
        type: 'ResolutionCorrected',
        data: {
          resolutionId,
          parts: [noted],
          reason: 'Part (ii) was minuted in error',
          correctedAt: '2017-03-01T09:00:00Z',
        },
      };
      expect(given(resolutionDecider)([passed, corrected, back]).state()).toEqual({
        exists: true,
        ...passed.data,
        parts: [noted],
        corrections: 2,
        correctedAt: '2017-03-01T09:00:00Z',
      });
    });
  });
});
