import { RequestValidationError } from '../../platform/index.js';
import { isInstant } from '../shared/validators.js';

/** Where a page of the action log (by meeting start, then ref number, then action id) stopped. */
export interface ActionLogKey {
  readonly meetingStartsAt: string;
  readonly refNumber: number;
  readonly actionId: string;
}

export function encodeActionLogCursor(key: ActionLogKey): string {
  return Buffer.from(JSON.stringify([key.meetingStartsAt, key.refNumber, key.actionId]), 'utf8').toString('base64url');
}

export function decodeActionLogCursor(cursor: string): ActionLogKey {
  const refuse = () => new RequestValidationError([{ field: 'after', message: 'after must be the nextAfter of a previous page' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw refuse();
  const [meetingStartsAt, refNumber, actionId] = parsed as unknown[];
  if (
    !isInstant(meetingStartsAt) ||
    !Number.isInteger(refNumber) ||
    (refNumber as number) < 0 ||
    (refNumber as number) > 999_999_999 ||
    typeof actionId !== 'string' ||
    actionId.length === 0 ||
    actionId.length > 128
  )
    throw refuse();
  return { meetingStartsAt, refNumber: refNumber as number, actionId };
}
