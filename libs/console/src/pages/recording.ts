import type { ConsoleGateway, FieldProblem } from '../console-gateway.js';
import type { AttendeeInput, MeetingPage, PartInput } from '../recording-gateway.js';
import {
  answerFailure,
  redirectWithBanner,
  sendForm,
  submitVersioned,
  versionFor,
  type CommandFailure,
  type FormState,
  type Values,
} from './form-flow.js';
import { calendarDateFrom, namesFrom, ukInstantFrom } from './form-input.js';
import type { PageTools } from './scrutiny.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MIN_PART_ROWS = 3;
const MAX_PART_ROWS = 50;

/** The attendance form's lists, each one name a line, and what the API records each name as. */
export const ATTENDANCE_LISTS = [
  { field: 'chair', role: 'chair', status: 'present' },
  { field: 'present', role: 'member', status: 'present' },
  { field: 'apologies', role: 'member', status: 'apologies' },
  { field: 'officers', role: 'officer', status: 'present' },
] as const;

/**
 * Recording a meeting through forms: a committee, a meeting, its attendance, items, resolutions and the actions
 * arising, approving its minutes and correcting a resolution. Who may do it is the gateway's (the API's rules).
 */
export async function recordingPages(gateway: ConsoleGateway, page: PageTools): Promise<boolean> {
  const pages = new RecordingPages(gateway, page);
  const { method, path } = page;
  const read = method === 'GET' || method === 'HEAD';
  if (!read && method !== 'POST') return false;
  const on = (show: () => Promise<void>, send: (form: URLSearchParams) => Promise<void>): Promise<boolean> =>
    read ? page.signedIn(show) : page.withForm((form) => page.signedIn(() => send(form)));
  if (path === '/committees/new')
    return on(
      () => pages.committeeForm({ values: {} }),
      (form) => pages.createCommittee(form),
    );
  const newMeeting = /^\/committees\/([^/]+)\/meetings\/new$/.exec(path);
  if (newMeeting) {
    const id = newMeeting[1] ?? '';
    return on(
      () => pages.meetingForm(id, { values: {} }),
      (form) => pages.scheduleMeeting(id, form),
    );
  }
  const meeting = /^\/meetings\/([^/]+)(?:\/(attendance|items\/new|resolutions\/new|minutes-approval))?$/.exec(path);
  if (meeting) {
    const [, id = '', form] = meeting;
    switch (form) {
      case undefined:
        return read ? page.signedIn(() => pages.meetingPage(id)) : false;
      case 'attendance':
        return on(
          () => pages.attendanceForm(id),
          (f) => pages.recordAttendance(id, f),
        );
      case 'items/new':
        return on(
          () => pages.itemForm(id, { values: {} }),
          (f) => pages.addItem(id, f),
        );
      case 'resolutions/new':
        return on(
          () => pages.resolutionForm(id, { values: {} }),
          (f) => pages.passResolution(id, f),
        );
      default:
        return on(
          () => pages.approvalForm(id, { values: {} }),
          (f) => pages.approveMinutes(id, f),
        );
    }
  }
  const resolution = /^\/meetings\/([^/]+)\/resolutions\/([^/]+)\/(actions\/new|correction)$/.exec(path);
  if (resolution) {
    const [, meetingId = '', resolutionId = '', form] = resolution;
    if (form === 'correction') {
      return on(
        () => pages.correctionForm(meetingId, resolutionId),
        (f) => pages.correctResolution(meetingId, resolutionId, f),
      );
    }
    const part = page.query.get('part') ?? '';
    return on(
      () => pages.actionForm(meetingId, resolutionId, { values: { partLabel: part } }),
      (f) => pages.assignAction(meetingId, resolutionId, f),
    );
  }
  return false;
}

class RecordingPages {
  constructor(
    private readonly gateway: ConsoleGateway,
    private readonly page: PageTools,
  ) {}

  // ---- a committee and its meetings -----------------------------------------------------------------------

  async committeeForm(state: FormState, status = 200): Promise<void> {
    if (!(await this.allowed('add a committee'))) return;
    this.send(status, 'recording/committee-form', 'Add a committee', state, { kinds: this.gateway.recordingVocabulary.committeeKinds });
  }

  async createCommittee(form: URLSearchParams): Promise<void> {
    const values = valuesOf(form, ['name', 'kind']);
    const errors: FieldProblem[] = [];
    if (values.name.trim() === '') errors.push({ field: 'name', message: "Enter the committee's name" });
    if (values.kind === '') errors.push({ field: 'kind', message: 'Select the kind of committee' });
    if (errors.length > 0) return this.committeeForm({ values, errors }, 400);
    const result = await this.gateway.createCommittee(this.page.caller(), { name: values.name.trim(), kind: values.kind });
    if (result.kind === 'created') return this.done('Committee added', `/committees/${result.id}`);
    return this.failed(result, 'add a committee', (problems, status) => this.committeeForm({ values, errors: problems }, status), {});
  }

  async meetingForm(committeeId: string, state: FormState, status = 200): Promise<void> {
    if (!UUID.test(committeeId)) return this.page.notFound();
    const found = await this.gateway.committee(this.page.caller(), committeeId);
    if (found.kind !== 'ok') return this.page.refused(found, 'see this committee');
    if (!(await this.allowed('record a meeting'))) return;
    this.send(status, 'recording/meeting-form', 'Record a meeting', state, { committee: found.value.committee });
  }

  async scheduleMeeting(committeeId: string, form: URLSearchParams): Promise<void> {
    if (!UUID.test(committeeId)) return this.page.notFound();
    const values = valuesOf(form, ['dateDay', 'dateMonth', 'dateYear', 'time', 'title', 'location']);
    const again = (errors: readonly FieldProblem[], status = 400) => this.meetingForm(committeeId, { values, errors }, status);
    const date = calendarDateFrom(form, 'date', 'Meeting date');
    if ('error' in date) return again([date.error]);
    if (date.value === undefined) return again([{ field: 'dateDay', message: 'Enter the date of the meeting' }]);
    let startsAt: string | undefined;
    if (values.time.trim() !== '') {
      const instant = ukInstantFrom(date.value, values.time, 'time', 'Start time');
      if ('error' in instant) return again([instant.error]);
      startsAt = instant.value;
    }
    const result = await this.gateway.scheduleMeeting(this.page.caller(), committeeId, {
      ...(startsAt ? { startsAt } : { date: date.value }),
      title: values.title.trim(),
      location: values.location.trim(),
    });
    if (result.kind === 'created') return this.done('Meeting recorded', `/meetings/${result.id}`);
    return this.failed(result, 'record a meeting', again, { startsAt: 'time', date: 'dateDay' });
  }

  // ---- the meeting page ---------------------------------------------------------------------------------

  async meetingPage(meetingId: string): Promise<void> {
    const meeting = await this.meeting(meetingId, 'see this meeting');
    if (!meeting) return;
    const mayRecord = await this.gateway.mayRecord(this.page.caller());
    this.page.send(200, 'recording/meeting', {
      title: `${meeting.committee.name}, ${ukDate(meeting.date)}`,
      meeting,
      mayRecord,
      attendance: attendanceLists(meeting.attendees),
      flash: this.page.flash(),
    });
  }

  // ---- attendance --------------------------------------------------------------------------------------

  async attendanceForm(meetingId: string, state?: FormState, status = 200): Promise<void> {
    const meeting = await this.meetingForForm(meetingId, 'record attendance');
    if (!meeting) return;
    const lists = attendanceLists(meeting.attendees);
    const values = state?.values ?? Object.fromEntries(ATTENDANCE_LISTS.map((l) => [l.field, lists[l.field].join('\n')]));
    this.send(
      status,
      'recording/attendance-form',
      'Record attendance',
      { ...state, values },
      { meeting, version: versionFor(state, meeting) },
    );
  }

  recordAttendance(meetingId: string, form: URLSearchParams): Promise<void> {
    if (!UUID.test(meetingId)) return Promise.resolve(this.page.notFound());
    const values = valuesOf(
      form,
      ATTENDANCE_LISTS.map((l) => l.field),
    );
    const attendees: AttendeeInput[] = ATTENDANCE_LISTS.flatMap((list) =>
      namesFrom(values[list.field] ?? '').map((name) => ({ name, role: list.role, status: list.status })),
    );
    const errors =
      attendees.length === 0 ? [{ field: 'present', message: 'Enter at least one person who attended or sent apologies' }] : [];
    return submitVersioned(this.page, {
      form,
      values,
      errors,
      show: (state, status) => this.attendanceForm(meetingId, state, status),
      run: async (version) => {
        // The API replaces the whole list: whoever the form has no list for (recorded through the API) is sent back as it was.
        const current = await this.gateway.meeting(this.page.caller(), meetingId);
        if (current.kind === 'ok') attendees.push(...current.value.attendees.filter((a) => !onTheForm(a)));
        return this.gateway.recordAttendance(this.page.caller(), meetingId, attendees, version);
      },
      what: 'record attendance',
      flash: 'Attendance recorded',
      location: `/meetings/${meetingId}`,
    });
  }

  // ---- items ---------------------------------------------------------------------------------------------

  async itemForm(meetingId: string, state: FormState, status = 200): Promise<void> {
    const meeting = await this.meetingForForm(meetingId, 'add an item');
    if (!meeting) return;
    this.send(status, 'recording/item-form', 'Add an item', state, { meeting, version: versionFor(state, meeting) });
  }

  addItem(meetingId: string, form: URLSearchParams): Promise<void> {
    if (!UUID.test(meetingId)) return Promise.resolve(this.page.notFound());
    const values = valuesOf(form, ['number', 'title', 'paperRef', 'narrative']);
    const errors: FieldProblem[] = [];
    if (values.number.trim() === '') errors.push({ field: 'number', message: 'Enter the item number, as the minutes print it' });
    if (values.title.trim() === '') errors.push({ field: 'title', message: "Enter the item's title" });
    const item = {
      number: values.number.trim(),
      title: values.title.trim(),
      paperRef: values.paperRef.trim(),
      narrative: values.narrative.trim(),
    };
    return submitVersioned(this.page, {
      form,
      values,
      errors,
      show: (state, status) => this.itemForm(meetingId, state, status),
      run: (version) => this.gateway.addItem(this.page.caller(), meetingId, item, version),
      what: 'add an item',
      flash: `Item ${item.number} added`,
      location: `/meetings/${meetingId}`,
    });
  }

  // ---- resolutions ---------------------------------------------------------------------------------------

  async resolutionForm(meetingId: string, state: FormState, status = 200): Promise<void> {
    const meeting = await this.meetingForForm(meetingId, 'add a resolution');
    if (!meeting) return;
    const rows = partRows(state.values);
    this.send(status, 'recording/resolution-form', 'Add a resolution', state, {
      meeting,
      rows,
      kinds: this.gateway.recordingVocabulary.resolutionPartKinds,
    });
  }

  async passResolution(meetingId: string, form: URLSearchParams): Promise<void> {
    if (!UUID.test(meetingId)) return this.page.notFound();
    const values = partValues(form, ['itemNumber']);
    // Without JavaScript, "Add another part" is a second submit button: it shows one more row and records nothing.
    if (form.get('addPart') !== null) {
      return this.resolutionForm(meetingId, { values: { ...values, partCount: String(partRows(values).length + 1) } });
    }
    const again = (errors: readonly FieldProblem[], status = 400) => this.resolutionForm(meetingId, { values, errors }, status);
    const { parts, rowOf, errors } = partsFrom(values);
    if (values.itemNumber === '') errors.unshift({ field: 'itemNumber', message: 'Select the item the resolution was passed on' });
    if (errors.length > 0) return again(errors);
    const result = await this.gateway.passResolution(this.page.caller(), meetingId, { itemNumber: values.itemNumber, parts });
    if (result.kind === 'created') return this.done('Resolution added', `/meetings/${meetingId}#resolution-${result.id}`);
    return this.failed(result, 'add a resolution', again, { itemNumber: 'itemNumber', ...partFields(rowOf) });
  }

  async correctionForm(meetingId: string, resolutionId: string, state?: FormState, status = 200): Promise<void> {
    const meeting = await this.meetingForForm(meetingId, 'correct a resolution');
    if (!meeting) return;
    const resolution = meeting.resolutions.find((r) => r.resolutionId === resolutionId);
    if (!resolution) return this.page.notFound();
    const values: Values = state?.values ?? {
      partCount: String(resolution.parts.length),
      ...Object.fromEntries(
        resolution.parts.flatMap((p, i) => [
          [`part${i}Label`, p.label ?? ''],
          [`part${i}Kind`, p.kind],
          [`part${i}Text`, p.text],
        ]),
      ),
    };
    this.send(
      status,
      'recording/correction-form',
      'Correct a resolution',
      { ...state, values },
      {
        meeting,
        resolution,
        rows: partRows(values),
        kinds: this.gateway.recordingVocabulary.resolutionPartKinds,
        version: state?.stale || values['version'] === undefined ? resolution.version : values['version'],
      },
    );
  }

  async correctResolution(meetingId: string, resolutionId: string, form: URLSearchParams): Promise<void> {
    if (!UUID.test(meetingId) || !UUID.test(resolutionId)) return this.page.notFound();
    const values = partValues(form, ['reason']);
    const version = form.get('version') ?? '';
    if (form.get('addPart') !== null) {
      const more = { ...values, version, partCount: String(partRows(values).length + 1) };
      return this.correctionForm(meetingId, resolutionId, { values: more });
    }
    const { parts, rowOf, errors } = partsFrom(values);
    if (values.reason.trim() === '') errors.push({ field: 'reason', message: 'Enter why the wording is corrected' });
    return submitVersioned(this.page, {
      form,
      values,
      errors,
      show: (state, status) => this.correctionForm(meetingId, resolutionId, state, status),
      run: (expected) => this.gateway.correctResolution(this.page.caller(), resolutionId, parts, values.reason.trim(), expected),
      what: 'correct a resolution',
      fields: { reason: 'reason', ...partFields(rowOf) },
      flash: 'Resolution corrected',
      location: `/meetings/${meetingId}#resolution-${resolutionId}`,
    });
  }

  // ---- actions arising -----------------------------------------------------------------------------------

  async actionForm(meetingId: string, resolutionId: string, state: FormState, status = 200): Promise<void> {
    const meeting = await this.meetingForForm(meetingId, 'add an action arising');
    if (!meeting) return;
    const resolution = meeting.resolutions.find((r) => r.resolutionId === resolutionId);
    if (!resolution) return this.page.notFound();
    const posts = await this.gateway.postOptions(this.page.caller());
    if (posts.kind !== 'ok') return this.page.refused(posts, 'see the posts');
    this.send(status, 'recording/action-form', 'Add an action arising', state, { meeting, resolution, posts: posts.value });
  }

  async assignAction(meetingId: string, resolutionId: string, form: URLSearchParams): Promise<void> {
    if (!UUID.test(meetingId) || !UUID.test(resolutionId)) return this.page.notFound();
    const values = valuesOf(form, ['partLabel', 'title', 'description', 'ownerPostId', 'dueDay', 'dueMonth', 'dueYear', 'dueMeetingId']);
    const again = (errors: readonly FieldProblem[], status = 400) => this.actionForm(meetingId, resolutionId, { values, errors }, status);
    const errors: FieldProblem[] = [];
    if (values.title.trim() === '') errors.push({ field: 'title', message: 'Enter what is to be done' });
    if (values.ownerPostId === '') errors.push({ field: 'ownerPostId', message: 'Select the post that owns the action' });
    const due = calendarDateFrom(form, 'due', 'Due date');
    if ('error' in due) errors.push(due.error);
    else if (due.value === undefined && values.dueMeetingId === '') {
      errors.push({ field: 'dueDay', message: 'Enter a due date or select the meeting it is due at' });
    }
    if (errors.length > 0) return again(errors);
    const result = await this.gateway.assignAction(this.page.caller(), {
      resolutionId,
      partLabel: values.partLabel,
      title: values.title.trim(),
      description: values.description.trim(),
      ownerPostId: values.ownerPostId,
      dueDate: 'value' in due ? due.value : undefined,
      dueMeetingId: values.dueMeetingId,
    });
    if (result.kind === 'created') return this.done('Action added', `/meetings/${meetingId}#resolution-${resolutionId}`);
    return this.failed(result, 'add an action arising', again, { dueDate: 'dueDay', partLabel: 'partLabel', ownerPostId: 'ownerPostId' });
  }

  // ---- approving the minutes -----------------------------------------------------------------------------

  async approvalForm(meetingId: string, state: FormState, status = 200): Promise<void> {
    const meeting = await this.meetingForForm(meetingId, 'approve the minutes');
    if (!meeting) return;
    const later = meeting.otherMeetings.filter((m) => m.date >= meeting.date);
    this.send(status, 'recording/approval-form', 'Approve the minutes', state, {
      meeting,
      later,
      version: versionFor(state, meeting),
    });
  }

  approveMinutes(meetingId: string, form: URLSearchParams): Promise<void> {
    if (!UUID.test(meetingId)) return Promise.resolve(this.page.notFound());
    const values = valuesOf(form, ['approvedAtMeetingId']);
    const errors =
      values.approvedAtMeetingId === '' ? [{ field: 'approvedAtMeetingId', message: 'Select the meeting that approved the minutes' }] : [];
    return submitVersioned(this.page, {
      form,
      values,
      errors,
      show: (state, status) => this.approvalForm(meetingId, state, status),
      run: (version) => this.gateway.approveMinutes(this.page.caller(), meetingId, values.approvedAtMeetingId, version),
      what: 'approve the minutes',
      flash: 'Minutes approved',
      location: `/meetings/${meetingId}`,
    });
  }

  // ---- plumbing ------------------------------------------------------------------------------------------

  private async allowed(what: string): Promise<boolean> {
    if (await this.gateway.mayRecord(this.page.caller())) return true;
    this.page.refused({ kind: 'forbidden', detail: 'Your roles do not allow it: recording meetings is for scrutiny staff.' }, what);
    return false;
  }

  private async meeting(meetingId: string, what: string): Promise<MeetingPage | undefined> {
    if (!UUID.test(meetingId)) {
      this.page.notFound();
      return undefined;
    }
    const found = await this.gateway.meeting(this.page.caller(), meetingId);
    if (found.kind === 'ok') return found.value;
    this.page.refused(found, what);
    return undefined;
  }

  private async meetingForForm(meetingId: string, what: string): Promise<MeetingPage | undefined> {
    const meeting = await this.meeting(meetingId, 'see this meeting');
    return meeting && (await this.allowed(what)) ? meeting : undefined;
  }

  private send(status: number, view: string, title: string, state: FormState, context: Record<string, unknown>): void {
    sendForm(this.page, status, view, title, state, context);
  }

  private done(flash: string, location: string): void {
    redirectWithBanner(this.page, flash, location);
  }

  private failed(
    result: CommandFailure,
    what: string,
    again: (errors: readonly FieldProblem[], status?: number) => Promise<void>,
    fields: Record<string, string>,
    stale?: () => Promise<void>,
  ): Promise<void> {
    return answerFailure(this.page, result, what, again, fields, stale);
  }
}

function valuesOf<K extends string>(form: URLSearchParams, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, form.get(name) ?? ''])) as Record<K, string>;
}

/** The part rows a form holds: `part<i>Label`, `part<i>Kind`, `part<i>Text`, as many as `partCount` says (at least 3). */
function partValues<K extends string>(form: URLSearchParams, names: readonly K[]): Record<K, string> & Values {
  const count = Math.min(MAX_PART_ROWS, Math.max(MIN_PART_ROWS, Number(form.get('partCount')) || 0));
  const partNames = Array.from({ length: count }, (_, i) => [`part${i}Label`, `part${i}Kind`, `part${i}Text`]).flat();
  return { ...valuesOf(form, [...names, ...partNames]), partCount: String(count) } as Record<K, string> & Values;
}

function partRows(values: Values): number[] {
  const count = Math.min(MAX_PART_ROWS, Math.max(MIN_PART_ROWS, Number(values['partCount']) || 0));
  return Array.from({ length: count }, (_, i) => i);
}

/** The filled rows as parts; a row with a label or kind but no text is a mistake, a row left empty is ignored. */
function partsFrom(values: Values): { parts: PartInput[]; rowOf: number[]; errors: FieldProblem[] } {
  const parts: PartInput[] = [];
  const rowOf: number[] = [];
  const errors: FieldProblem[] = [];
  for (const row of partRows(values)) {
    const label = (values[`part${row}Label`] ?? '').trim();
    const kind = values[`part${row}Kind`] ?? '';
    const text = (values[`part${row}Text`] ?? '').trim();
    if (!label && !kind && !text) continue;
    const n = row + 1;
    if (!text) errors.push({ field: `part${row}Text`, message: `Enter the wording of part ${n}` });
    if (!kind) errors.push({ field: `part${row}Kind`, message: `Select what part ${n} does` });
    parts.push({ ...(label ? { label } : {}), kind, text });
    rowOf.push(row);
  }
  if (parts.length === 0) errors.push({ field: 'part0Text', message: 'Enter the wording of the resolution' });
  return { parts, rowOf, errors };
}

/** The API names a part's field by its place among the parts sent ("parts.1.text"); the form by its row. */
function partFields(rowOf: readonly number[]): Record<string, string> {
  return Object.fromEntries(
    rowOf.flatMap((row, i) => [
      [`parts.${i}.label`, `part${row}Label`],
      [`parts.${i}.kind`, `part${row}Kind`],
      [`parts.${i}.text`, `part${row}Text`],
      [`parts.${i}`, `part${row}Text`],
    ]),
  );
}

function onTheForm(attendee: AttendeeInput): boolean {
  return ATTENDANCE_LISTS.some((list) => list.role === attendee.role && list.status === attendee.status);
}

function attendanceLists(attendees: readonly AttendeeInput[]): Record<(typeof ATTENDANCE_LISTS)[number]['field'] | 'others', string[]> {
  const namesOf = (role: string, status: string) => attendees.filter((a) => a.role === role && a.status === status).map((a) => a.name);
  return {
    chair: namesOf('chair', 'present'),
    present: namesOf('member', 'present'),
    apologies: namesOf('member', 'apologies'),
    officers: namesOf('officer', 'present'),
    others: attendees.filter((a) => !onTheForm(a)).map((a) => `${a.name} (${a.role.replace('-', ' ')}, ${a.status})`),
  };
}

const UK_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function ukDate(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : UK_DATE.format(date);
}
