import type { CommitteeEvent } from '#domain';
import type { PersonEvent } from '#domain';
import type { PostEvent } from '#domain';
import type { MeetingEvent } from '#domain';
import { meetingStart, ukDateOf } from '#domain';
import type { ResolutionEvent } from '#domain';
import type { RowAccess } from '../engine/projection.js';
import { recordsTables as t } from './records.tables.js';

type Stamp = { readonly version: number };

type DirectoryEvent = CommitteeEvent | Extract<PersonEvent, { type: 'PersonRegistered' }> | PostEvent;

export function applyDirectory(event: DirectoryEvent, stamp: Stamp, rows: RowAccess): void {
  switch (event.type) {
    case 'CommitteeCreated': {
      const { committeeId, name, kind, createdAt } = event.data;
      return rows.set(t.committees.name, committeeId, {
        committee_id: committeeId,
        name,
        kind,
        action_count: 0,
        created_at: createdAt,
        escalation_post_id: null,
        escalation_after_days: null,
        version: stamp.version,
      });
    }
    case 'PersonRegistered': {
      const { personId, name, email, identitySubject } = event.data;
      return rows.set(t.people.name, personId, {
        person_id: personId,
        name,
        email: email ?? null,
        identity_subject: identitySubject ?? null,
      });
    }
    case 'PostCreated': {
      const { postId, title, department } = event.data;
      return rows.set(t.posts.name, postId, {
        post_id: postId,
        title,
        department: department ?? null,
        holder_person_id: null,
        holder_name: null,
        holder_from: null,
      });
    }
    case 'PostHolderAppointed': {
      const { postId, personId, from } = event.data;
      const post = rows.get(t.posts.name, postId);
      const person = rows.get(t.people.name, personId);
      if (post)
        rows.set(t.posts.name, postId, { ...post, holder_person_id: personId, holder_name: person?.name ?? null, holder_from: from });
      return;
    }
    case 'PostHolderVacated': {
      const post = rows.get(t.posts.name, event.data.postId);
      if (post && post.holder_person_id === event.data.personId) {
        rows.set(t.posts.name, event.data.postId, { ...post, holder_person_id: null, holder_name: null, holder_from: null });
      }
      return;
    }
    case 'CommitteeEscalationSet': {
      const { committeeId, escalationPostId, afterDays } = event.data;
      const committee = rows.get(t.committees.name, committeeId);
      if (committee)
        rows.set(t.committees.name, committeeId, {
          ...committee,
          escalation_post_id: escalationPostId,
          escalation_after_days: afterDays,
          version: stamp.version,
        });
      return;
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function applyMeetings(event: MeetingEvent, stamp: Stamp, rows: RowAccess): void {
  const meetingId = event.data.meetingId;
  const meeting = rows.get(t.meetings.name, meetingId);
  switch (event.type) {
    case 'MeetingScheduled': {
      const { committeeId, startsAt, date, title, location } = event.data;
      return rows.set(t.meetings.name, meetingId, {
        meeting_id: meetingId,
        committee_id: committeeId,
        starts_at: meetingStart(event.data),
        meeting_date: date ?? ukDateOf(startsAt ?? ''),
        date_only: startsAt === undefined,
        title: title ?? null,
        location: location ?? null,
        attendees: [],
        items: [],
        minutes_approved: null,
        version: stamp.version,
      });
    }
    case 'AttendanceRecorded':
      if (meeting) rows.set(t.meetings.name, meetingId, { ...meeting, attendees: event.data.attendees, version: stamp.version });
      return;
    case 'AgendaItemAdded': {
      const { number, title, paperRef, narrative } = event.data;
      const item = { number, title, ...(paperRef ? { paperRef } : {}), ...(narrative ? { narrative } : {}) };
      const items = [...((meeting?.items as unknown[]) ?? []), item];
      if (meeting) rows.set(t.meetings.name, meetingId, { ...meeting, items, version: stamp.version });
      return;
    }
    case 'MinutesApproved': {
      const { approvedAtMeetingId, approvedAt } = event.data;
      if (meeting)
        rows.set(t.meetings.name, meetingId, { ...meeting, minutes_approved: { approvedAtMeetingId, approvedAt }, version: stamp.version });
      return;
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function applyResolutions(event: ResolutionEvent, stamp: Stamp, rows: RowAccess): void {
  switch (event.type) {
    case 'ResolutionPassed': {
      const { resolutionId, meetingId, committeeId, itemNumber, parts, meetingStartsAt } = event.data;
      return rows.set(t.resolutions.name, resolutionId, {
        resolution_id: resolutionId,
        meeting_id: meetingId,
        committee_id: committeeId,
        item_number: itemNumber,
        parts,
        corrections: 0,
        // A resolution passes at its meeting; events recorded before that rule carry the time they were typed.
        passed_at: meetingStartsAt,
        corrected_at: null,
        version: stamp.version,
      });
    }
    case 'ResolutionCorrected': {
      const resolution = rows.get(t.resolutions.name, event.data.resolutionId);
      if (resolution) {
        rows.set(t.resolutions.name, event.data.resolutionId, {
          ...resolution,
          parts: event.data.parts,
          corrections: Number(resolution.corrections) + 1,
          corrected_at: event.data.correctedAt,
          version: stamp.version,
        });
      }
      return;
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
