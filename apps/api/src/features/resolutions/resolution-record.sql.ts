import type { ResolutionPart } from '#domain';
import type { SqlQueryable } from '#event-store';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { asTyped, isoInstant, streamIdSql } from '../../read-models/view-sql.js';

/** A resolution as the domain folds it, with its stream's version. */
export interface ResolutionView {
  readonly resolutionId: string;
  readonly meetingId: string;
  readonly committeeId: string;
  readonly itemNumber: string;
  readonly meetingStartsAt: string;
  readonly parts: readonly ResolutionPart[];
  readonly passedAt: string;
  readonly corrections: number;
  readonly correctedAt?: string;
  readonly version: number;
}

export type ResolutionRow = {
  resolution_id: string;
  meeting_id: string;
  committee_id: string;
  item_number: string;
  meeting_starts_at: string | null;
  meeting_row_starts_at: string | null;
  parts: ResolutionPart[];
  passed_at: string;
  corrections: number | null;
  corrected_at: string | null;
  version: number;
};

/**
 * What rm_resolutions leaves out: the meeting's start as the resolution recorded it and the position it was
 * passed at, from its first event in the audit log (the meeting's row stands in while the audit log catches up).
 */
export const resolutionFirstEventJoin = `
  LEFT JOIN LATERAL (
    SELECT e.global_position, e.data->>'meetingStartsAt' AS meeting_starts_at
      FROM ${readModelTables.audit} e WHERE e.stream_id = ${streamIdSql('resolution', 'r.resolution_id')} AND e.stream_version = 1
  ) first ON TRUE
  LEFT JOIN ${readModelTables.meetings} rm_meeting ON rm_meeting.meeting_id = r.meeting_id`;

export const resolutionColumns = `
  r.resolution_id, r.meeting_id, r.committee_id, r.item_number, r.parts,
  first.meeting_starts_at, ${isoInstant('rm_meeting.starts_at')} AS meeting_row_starts_at,
  ${isoInstant('r.passed_at')} AS passed_at, r.corrections, ${isoInstant('r.corrected_at')} AS corrected_at, r.version`;

/** The row in the shape GET /resolutions/{id} has always answered. */
export function resolutionViewOf(r: ResolutionRow): ResolutionView {
  return {
    resolutionId: r.resolution_id,
    meetingId: r.meeting_id,
    committeeId: r.committee_id,
    itemNumber: r.item_number,
    meetingStartsAt: r.meeting_starts_at ?? asTyped(r.meeting_row_starts_at ?? ''),
    parts: r.parts,
    passedAt: r.passed_at,
    corrections: r.corrections ?? 0,
    ...(r.corrected_at === null ? {} : { correctedAt: r.corrected_at }),
    version: r.version,
  };
}

export async function readResolution(db: SqlQueryable, resolutionId: string): Promise<ResolutionView | undefined> {
  const { rows } = await db.query<ResolutionRow>(
    `SELECT ${resolutionColumns} FROM ${readModelTables.resolutions} r ${resolutionFirstEventJoin} WHERE r.resolution_id = $1`,
    [resolutionId],
  );
  const row = rows[0];
  return row && resolutionViewOf(row);
}
