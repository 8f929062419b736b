import { SignJWT } from 'jose';
import { parseArgs } from 'node:util';
import { timeSpanSeconds, type AppConfig } from '#runtime';
import { loadOrCreateSecretFile, secretBytes } from './hs256-secret.js';
import { isRole, ROLES, type Role } from './roles.js';
import { listOf } from './token-verifier.js';

export interface MintTokenRequest {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** A jose time span: `90s`, `30m`, `8h`, `7d`. */
  readonly ttl: string;
}

export class MintTokenUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MintTokenUsageError';
  }
}

export const MINT_TOKEN_USAGE = 'npm run token -- --sub <personId> --name "Tony Fitzgerald" --roles officer,scrutiny [--ttl 8h]';
const TTL = /^[1-9]\d{0,5}[smhd]$/;

export function parseMintTokenArgs(argv: readonly string[]): MintTokenRequest {
  let values: { sub?: string | undefined; name?: string | undefined; roles?: string | undefined; ttl?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { sub: { type: 'string' }, name: { type: 'string' }, roles: { type: 'string' }, ttl: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new MintTokenUsageError(error instanceof Error ? error.message : String(error));
  }
  const sub = values.sub?.trim();
  if (!sub) throw new MintTokenUsageError('--sub <personId> is required');
  const roles = listOf(values.roles);
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new MintTokenUsageError(`unknown role(s) ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  const ttl = values.ttl?.trim() ?? '8h';
  if (!TTL.test(ttl)) throw new MintTokenUsageError(`--ttl must look like 90s, 30m, 8h or 7d; got "${ttl}"`);
  return { sub, name: values.name?.trim() || sub, roles: [...new Set(roles.filter(isRole))], ttl };
}

/** An HS256 token the running service accepts: signed with AUTH_JWT_SECRET, or the data folder's secret. */
export async function mintToken(config: AppConfig, request: MintTokenRequest): Promise<string> {
  if (config.isProduction || config.auth.jwksUrl) {
    const why = config.isProduction ? 'NODE_ENV=production' : 'With AUTH_JWKS_URL set the service';
    throw new MintTokenUsageError(`${why} accepts only tokens from the identity provider (AUTH_ISSUER); none can be minted here`);
  }
  const max = config.auth.maxTokenLifetimeSeconds;
  if ((timeSpanSeconds(request.ttl) ?? Number.POSITIVE_INFINITY) > max) {
    throw new MintTokenUsageError(`--ttl ${request.ttl} is longer than the service accepts (AUTH_MAX_TOKEN_LIFETIME, ${max / 3600} h)`);
  }
  const secret = config.auth.jwtSecret ? secretBytes(config.auth.jwtSecret) : await loadOrCreateSecretFile(config.dataDir);
  const [issuer] = listOf(config.auth.issuer);
  const [audience] = listOf(config.auth.audience);
  let jwt = new SignJWT({ name: request.name, roles: [...request.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(request.ttl);
  if (issuer) jwt = jwt.setIssuer(issuer);
  if (audience) jwt = jwt.setAudience(audience);
  return jwt.sign(secret);
}
