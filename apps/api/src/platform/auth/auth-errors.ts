/** Why a token was refused; answered as the problem's `reason` and in WWW-Authenticate's error_description. */
export type AuthFailureReason =
  | 'missing-token'
  | 'malformed-authorization'
  | 'malformed-token'
  | 'algorithm-not-accepted'
  | 'unknown-signing-key'
  | 'bad-signature'
  | 'token-expired'
  | 'token-without-expiry'
  | 'token-lifetime-too-long'
  | 'token-not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'invalid-claims';

/** A token that was sent and refused: 401 when roles are enforced, and counted against the client's address. */
export class AuthenticationError extends Error {
  constructor(readonly reason: AuthFailureReason) {
    super(reason);
    this.name = 'AuthenticationError';
  }
}

/** The identity provider's keys could not be fetched: the token was neither accepted nor refused. */
export class AuthenticationUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Fetching the signing keys failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'AuthenticationUnavailableError';
  }
}
