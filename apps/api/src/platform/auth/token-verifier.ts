import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, type AppConfig } from '#runtime';
import type { Actor } from '../request-context.js';
import { AuthenticationError, AuthenticationUnavailableError, type AuthFailureReason } from './auth-errors.js';
import { resolveHs256Secret } from './hs256-secret.js';
import { actorFromClaims } from './token-claims.js';

/** What OIDC providers (Microsoft Entra ID among them) sign access tokens with. */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'ES256'] as const;
export const CLOCK_SKEW_SECONDS = 30;
/** Far above any real access token, far below what would make parsing costly. */
const MAX_TOKEN_LENGTH = 16_384;

export interface JwksSource {
  readonly url: URL;
  readonly issuers: readonly string[];
  readonly audiences: readonly string[];
  /** After a fetch, an unknown `kid` waits this long before the next one (defaults to 30 s). */
  readonly cooldownMs?: number;
  /** Keys older than this are fetched again on the next token (defaults to 10 min). */
  readonly cacheMaxAgeMs?: number;
}

export interface Hs256Source {
  readonly secret: () => Promise<Uint8Array>;
  readonly issuers: readonly string[];
  readonly audiences: readonly string[];
}

export interface TokenRules {
  /** exp - iat (and exp - now) may not exceed this. */
  readonly maxLifetimeSeconds: number;
  /** The claim naming the caller (sub, or Entra's oid). */
  readonly personClaim: string;
}

const DEFAULT_RULES: TokenRules = { maxLifetimeSeconds: DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, personClaim: 'sub' };

/** Verifies bearer tokens: RS256/ES256 against an issuer's JWKS; HS256 only outside production and without OIDC. */
export class TokenVerifier {
  private readonly jwks: { readonly keys: JWTVerifyGetKey; readonly source: JwksSource } | undefined;

  constructor(
    jwks: JwksSource | undefined,
    private readonly hs256: Hs256Source | undefined,
    private readonly rules: TokenRules = DEFAULT_RULES,
  ) {
    this.jwks = jwks && {
      source: jwks,
      keys: createRemoteJWKSet(jwks.url, {
        cooldownDuration: jwks.cooldownMs ?? 30_000,
        cacheMaxAge: jwks.cacheMaxAgeMs ?? 600_000,
        timeoutDuration: 5_000,
      }),
    };
  }

  static fromConfig(config: AppConfig): TokenVerifier {
    const { jwksUrl, jwksCooldownMs } = config.auth;
    const issuers = listOf(config.auth.issuer);
    const audiences = listOf(config.auth.audience);
    const jwks = jwksUrl ? { url: new URL(jwksUrl), issuers, audiences, cooldownMs: jwksCooldownMs } : undefined;
    const rules: TokenRules = { maxLifetimeSeconds: config.auth.maxTokenLifetimeSeconds, personClaim: config.auth.personClaim };
    // With an identity provider configured, a token signed with a shared secret (or the data folder's) is never the provider's.
    if (config.isProduction || jwks) return new TokenVerifier(jwks, undefined, rules);
    const secret = onceSucceeded(async () => (await resolveHs256Secret(config, { create: true })).bytes);
    return new TokenVerifier(jwks, { secret, issuers, audiences }, rules);
  }

  /** Reads (or makes) the HS256 secret now, so that `npm run token` finds the data folder's secret once the server is up. */
  async prepare(): Promise<void> {
    await this.hs256?.secret();
  }

  /** The caller a token names; AuthenticationError when it is refused, AuthenticationUnavailableError when keys cannot be fetched. */
  async verify(token: string): Promise<Actor> {
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthenticationError('malformed-token');
    const alg = algorithmOf(token);
    if (this.jwks && (ASYMMETRIC_ALGORITHMS as readonly string[]).includes(alg)) {
      const { keys, source } = this.jwks;
      return this.actorFrom(await verifyJwt(() => jwtVerify(token, keys, options([...ASYMMETRIC_ALGORITHMS], source)), true));
    }
    const hs256 = this.hs256;
    if (hs256 && alg === 'HS256') {
      const secret = await hs256.secret();
      return this.actorFrom(await verifyJwt(() => jwtVerify(token, secret, options(['HS256'], hs256)), false));
    }
    throw new AuthenticationError('algorithm-not-accepted');
  }

  private actorFrom(payload: JWTPayload): Actor {
    refuseLongLived(payload, this.rules.maxLifetimeSeconds);
    return actorFromClaims(payload, this.rules.personClaim);
  }
}

/**
 * A leaked token is good until it expires: one valid for longer than the maximum is refused, whether it says so
 * (exp - iat) or not (exp - now, which also catches an iat set in the future).
 */
function refuseLongLived(payload: JWTPayload, maxLifetimeSeconds: number): void {
  const exp = payload.exp ?? Number.POSITIVE_INFINITY;
  const now = Math.floor(Date.now() / 1000);
  const declared = typeof payload.iat === 'number' ? exp - payload.iat : 0;
  if (declared > maxLifetimeSeconds || exp - now > maxLifetimeSeconds + CLOCK_SKEW_SECONDS) {
    throw new AuthenticationError('token-lifetime-too-long');
  }
}

function options(
  algorithms: string[],
  source: { readonly issuers: readonly string[]; readonly audiences: readonly string[] },
): JWTVerifyOptions {
  return {
    algorithms,
    clockTolerance: CLOCK_SKEW_SECONDS,
    requiredClaims: ['exp'],
    ...(source.issuers.length > 0 ? { issuer: [...source.issuers] } : {}),
    ...(source.audiences.length > 0 ? { audience: [...source.audiences] } : {}),
  };
}

function algorithmOf(token: string): string {
  try {
    const { alg } = decodeProtectedHeader(token);
    if (typeof alg !== 'string' || token.split('.').length !== 3) throw new AuthenticationError('malformed-token');
    return alg;
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    throw new AuthenticationError('malformed-token');
  }
}

async function verifyJwt(verify: () => Promise<{ payload: JWTPayload }>, remoteKeys: boolean): Promise<JWTPayload> {
  try {
    return (await verify()).payload;
  } catch (error) {
    const reason = reasonFor(error);
    if (reason) throw new AuthenticationError(reason);
    if (remoteKeys) throw new AuthenticationUnavailableError(error);
    throw error;
  }
}

/** jose's error classes to the reason the client is told; undefined for what is not the token's fault. */
function reasonFor(error: unknown): AuthFailureReason | undefined {
  if (error instanceof errors.JWTExpired) return 'token-expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'exp' && error.reason === 'missing') return 'token-without-expiry';
    if (error.claim === 'nbf') return 'token-not-yet-valid';
    if (error.claim === 'iss') return 'wrong-issuer';
    if (error.claim === 'aud') return 'wrong-audience';
    return 'invalid-claims';
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'algorithm-not-accepted';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'unknown-signing-key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed-token';
  return undefined;
}

/** Remembers the first success; a failure (say, an unwritable data folder) is tried again next time. */
function onceSucceeded<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

export function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
