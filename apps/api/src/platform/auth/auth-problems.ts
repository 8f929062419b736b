import { ProblemException } from '../problems/problem.js';
import type { AuthFailureReason } from './auth-errors.js';

const REALM = 'actiontrail';

function describe(reason: AuthFailureReason): string {
  switch (reason) {
    case 'missing-token':
      return 'Send Authorization: Bearer <token>';
    case 'malformed-authorization':
      return 'The Authorization header must be "Bearer <token>"';
    case 'malformed-token':
      return 'The bearer token is not a well-formed JWT';
    case 'algorithm-not-accepted':
      return 'The token is signed with an algorithm this service does not accept';
    case 'unknown-signing-key':
      return 'The token names a signing key the issuer does not publish';
    case 'bad-signature':
      return 'The token signature does not verify';
    case 'token-expired':
      return 'The token has expired';
    case 'token-without-expiry':
      return 'The token has no expiry (exp): tokens that never expire are refused';
    case 'token-lifetime-too-long':
      return 'The token is valid for longer than this service accepts (AUTH_MAX_TOKEN_LIFETIME); ask for a shorter-lived one';
    case 'token-not-yet-valid':
      return 'The token is not valid yet (nbf)';
    case 'wrong-issuer':
      return 'The token was issued by an issuer this service does not trust';
    case 'wrong-audience':
      return 'The token was issued for another audience';
    case 'invalid-claims':
      return 'The token lacks the claim naming the caller (AUTH_PERSON_CLAIM, sub by default) or has a claim of the wrong type';
  }
}

/** 401 with the RFC 6750 challenge; a missing token carries no error code, a refused one says invalid_token. */
export function unauthorized(reason: AuthFailureReason): ProblemException {
  const detail = describe(reason);
  const challenge =
    reason === 'missing-token'
      ? `Bearer realm="${REALM}"`
      : `Bearer realm="${REALM}", error="invalid_token", error_description="${detail.replace(/["\\]/g, "'")}"`;
  return new ProblemException({
    status: 401,
    code: 'unauthorized',
    detail,
    extensions: { reason },
    headers: { 'WWW-Authenticate': challenge },
  });
}

export function forbidden(detail: string): ProblemException {
  return ProblemException.of(403, 'forbidden', detail);
}

export function tooManyFailedAuthentications(retryAfterSeconds: number): ProblemException {
  return new ProblemException({
    status: 429,
    code: 'too-many-failed-authentications',
    detail: `Too many refused tokens from this address; try again in ${retryAfterSeconds} s`,
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** The key server did not answer: not the client's fault, so neither 401 nor counted as a failure. */
export function authenticationUnavailable(): ProblemException {
  return new ProblemException({
    status: 503,
    code: 'authentication-unavailable',
    detail: "The identity provider's signing keys could not be fetched; try again shortly",
    headers: { 'Retry-After': '5' },
  });
}
