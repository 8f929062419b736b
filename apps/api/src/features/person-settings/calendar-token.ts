import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the whole secret of a calendar feed address. */
export const newCalendarToken = (): string => randomBytes(32).toString('base64url');

/** What is stored and looked up instead of the token. */
export const calendarTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Anything else cannot have been issued: answered as an unknown token, without a look-up. */
export const looksLikeCalendarToken = (candidate: string): boolean => TOKEN_SHAPE.test(candidate);
