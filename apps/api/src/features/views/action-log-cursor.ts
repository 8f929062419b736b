import { decodeCursor, encodeCursor, notAPreviousCursor } from '../../read-models/cursor.js';
import { isInstant } from '../shared/validators.js';

/** Where a page of the action log (by meeting start, then ref number, then action id) stopped. */
export interface ActionLogKey {
  readonly meetingStartsAt: string;
  readonly refNumber: number;
  readonly actionId: string;
}

export function encodeActionLogCursor(key: ActionLogKey): string {
  return encodeCursor([key.meetingStartsAt, key.refNumber, key.actionId]);
}

export function decodeActionLogCursor(cursor: string): ActionLogKey {
  const [meetingStartsAt, refNumber, actionId] = decodeCursor(cursor, 3);
  if (
    !isInstant(meetingStartsAt) ||
    !Number.isInteger(refNumber) ||
    (refNumber as number) < 0 ||
    (refNumber as number) > 999_999_999 ||
    typeof actionId !== 'string' ||
    actionId.length === 0 ||
    actionId.length > 128
  )
    throw notAPreviousCursor();
  return { meetingStartsAt, refNumber: refNumber as number, actionId };
}
