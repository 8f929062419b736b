import { SignJWT } from 'jose';
import { parseArgs } from 'node:util';
import { timeSpanSeconds, type AppConfig } from '#runtime';
import { resolveHs256Secret } from './hs256-secret.js';
import { isRole, ROLES, type Role } from './roles.js';
import { listOf } from './token-verifier.js';

export interface MintTokenRequest {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** A jose time span: `90s`, `30m`, `8h`, `7d`. */
  readonly ttl: string;
  /** Make DATA_DIR/auth-secret when neither it nor AUTH_JWT_SECRET exists. */
  readonly createSecret: boolean;
}

export interface MintedToken {
  readonly token: string;
  /** Which secret signed it (`AUTH_JWT_SECRET`, `the secret in ./data/auth-secret`), never the secret. */
  readonly signedWith: string;
  readonly secretCreated: boolean;
}

export class MintTokenUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MintTokenUsageError';
  }
}

/** This service accepts no token that could be minted here (production, or OIDC configured). */
export class MintingRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MintingRefusedError';
  }
}

export const MINT_TOKEN_USAGE = 'npm run token -- --sub <personId> --name "Tony Fitzgerald" --roles officer,scrutiny [--ttl 8h]';

export const MINT_TOKEN_HELP = `usage: ${MINT_TOKEN_USAGE} [--create-secret]

Prints an HS256 bearer token on stdout, and on stderr which secret signed it. It signs with the secret the
server uses: AUTH_JWT_SECRET when set, else DATA_DIR/auth-secret (DATA_DIR defaults to ./data), which the
server makes when it starts.

  --sub <personId>   the person the token names (required): a person's id, or their identitySubject
  --name <name>      the caller's name in the token (defaults to the --sub value)
  --roles <list>     comma-separated: ${ROLES.join(', ')}
  --ttl <span>       how long it is valid: 90s, 30m, 8h (the default); at most AUTH_MAX_TOKEN_LIFETIME (12h by default)
  --create-secret    make DATA_DIR/auth-secret when neither it nor AUTH_JWT_SECRET exists (otherwise refused)
  --help, -h         this text

Exit status: 0 when a token (or this text) was printed, 1 when none could be minted, 2 for wrong arguments.`;

const TTL = /^[1-9]\d{0,5}[smhd]$/;

/** The request, or `help` when --help was asked for (whatever else was given). */
export function parseMintTokenArgs(argv: readonly string[]): MintTokenRequest | 'help' {
  let values: {
    sub?: string | undefined;
    name?: string | undefined;
    roles?: string | undefined;
    ttl?: string | undefined;
    'create-secret'?: boolean | undefined;
    help?: boolean | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        sub: { type: 'string' },
        name: { type: 'string' },
        roles: { type: 'string' },
        ttl: { type: 'string' },
        'create-secret': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new MintTokenUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const sub = values.sub?.trim();
  if (!sub) throw new MintTokenUsageError('--sub <personId> is required');
  const roles = listOf(values.roles);
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new MintTokenUsageError(`unknown role(s) ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  const ttl = values.ttl?.trim() ?? '8h';
  if (!TTL.test(ttl)) throw new MintTokenUsageError(`--ttl must look like 90s, 30m, 8h or 7d; got "${ttl}"`);
  return {
    sub,
    name: values.name?.trim() || sub,
    roles: [...new Set(roles.filter(isRole))],
    ttl,
    createSecret: values['create-secret'] ?? false,
  };
}

/** An HS256 token the running service accepts: signed with the secret it verifies with (resolveHs256Secret). */
export async function mintToken(config: AppConfig, request: MintTokenRequest): Promise<MintedToken> {
  if (config.isProduction || config.auth.jwksUrl) {
    const why = config.isProduction ? 'NODE_ENV=production' : 'With AUTH_JWKS_URL set the service';
    throw new MintingRefusedError(`${why} accepts only tokens from the identity provider (AUTH_ISSUER); none can be minted here`);
  }
  const max = config.auth.maxTokenLifetimeSeconds;
  if ((timeSpanSeconds(request.ttl) ?? Number.POSITIVE_INFINITY) > max) {
    throw new MintTokenUsageError(`--ttl ${request.ttl} is longer than the service accepts (AUTH_MAX_TOKEN_LIFETIME, ${max / 3600} h)`);
  }
  const secret = await resolveHs256Secret(config, { create: request.createSecret });
  const [issuer] = listOf(config.auth.issuer);
  const [audience] = listOf(config.auth.audience);
  let jwt = new SignJWT({ name: request.name, roles: [...request.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(request.ttl);
  if (issuer) jwt = jwt.setIssuer(issuer);
  if (audience) jwt = jwt.setAudience(audience);
  return { token: await jwt.sign(secret.bytes), signedWith: secret.source, secretCreated: secret.created };
}

/** The stderr line after a token: which secret signed it, so that a token the server refuses is explained. */
export function signedWithLine(minted: MintedToken): string {
  const made = minted.secretCreated ? ' (made now by --create-secret; the server reads it when it starts)' : '';
  return `Signed with ${minted.signedWith}${made}`;
}
