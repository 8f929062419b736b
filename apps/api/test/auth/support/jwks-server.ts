import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ISSUER = 'https://login.test.example/tenant/v2.0';
export const AUDIENCE = 'api://actiontrail';

export interface SigningKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256';
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function signingKey(alg: 'RS256' | 'ES256', kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** A JWKS endpoint on 127.0.0.1 and a random port, serving whichever keys the test says, counting fetches. */
export interface JwksServer {
  readonly url: string;
  readonly fetches: number;
  serve(keys: readonly SigningKey[]): void;
  /** Answer this status instead of the key set until told otherwise. */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

export async function startJwksServer(initial: readonly SigningKey[]): Promise<JwksServer> {
  let keys = initial;
  let failure: number | undefined;
  let fetches = 0;
  const server: Server = createServer((_req, res) => {
    fetches++;
    if (failure !== undefined) {
      res.writeHead(failure).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: keys.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    get fetches() {
      return fetches;
    },
    serve: (next) => {
      keys = next;
    },
    failWith: (status) => {
      failure = status;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export interface TokenOptions {
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds from now; negative is in the past. */
  readonly expiresIn?: number;
  readonly notBeforeIn?: number;
  readonly kid?: string;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A token as Entra ID issues them: RS256 or ES256 with a `kid`, `iss`, `aud`, `exp`, `nbf`. */
export function issueToken(key: SigningKey, claims: JWTPayload, options: TokenOptions = {}): Promise<string> {
  const now = nowSeconds();
  return new SignJWT({ nbf: now + (options.notBeforeIn ?? 0), ...claims })
    .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid, typ: 'JWT' })
    .setIssuedAt(now)
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setExpirationTime(now + (options.expiresIn ?? 3600))
    .sign(key.privateKey);
}

/** An unsecured JWT (`alg: none`) with otherwise valid claims. */
export function unsecuredToken(claims: JWTPayload): string {
  const now = nowSeconds();
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 3600, ...claims })}.`;
}

/** The same token with its payload changed and the signature kept. */
export function tampered(token: string, change: (payload: Record<string, unknown>) => Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify(change(decoded))).toString('base64url')}.${signature}`;
}
