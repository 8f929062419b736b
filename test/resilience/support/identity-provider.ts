import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { Role } from '../../../apps/api/src/platform/auth/roles.js';

export interface Person {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

const ISSUER = 'https://login.resilience.invalid/actiontrail/v2.0';
const AUDIENCE = 'api://actiontrail-resilience';
const KEY_ID = 'resilience-1';

/**
 * An OIDC issuer on loopback: serves its JWKS and signs RS256 access tokens, so the api runs exactly as in
 * production (NODE_ENV=production refuses HS256 secrets).
 */
export class LocalIdentityProvider {
  private readonly tokens = new Map<string, Promise<string>>();

  private constructor(
    private readonly server: Server,
    private readonly privateKey: CryptoKey,
    private readonly strangerKey: CryptoKey,
    private readonly publicPem: string,
  ) {}

  static async start(): Promise<LocalIdentityProvider> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const stranger = await generateKeyPair('RS256');
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' }] });
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/keys' ? 200 : 404, { 'Content-Type': 'application/json' });
      res.end(req.url === '/keys' ? jwks : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new LocalIdentityProvider(server, privateKey, stranger.privateKey, await exportSPKI(publicKey));
  }

  /** What the api needs to verify these tokens. */
  get environment(): Record<string, string> {
    const { port } = this.server.address() as AddressInfo;
    return { AUTH_JWKS_URL: `http://127.0.0.1:${port}/keys`, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE };
  }

  /** `Bearer <token>` for this person, valid for two hours (signed once per person). */
  async bearer(person: Person): Promise<string> {
    const cacheKey = JSON.stringify(person);
    let token = this.tokens.get(cacheKey);
    if (!token) {
      token = this.sign({ name: person.name, roles: [...person.roles] }, person.sub);
      this.tokens.set(cacheKey, token);
    }
    return `Bearer ${await token}`;
  }

  /** Authorization headers a client must not get through with: expired, forged, for someone else, malformed. */
  async refusedAuthorizations(): Promise<string[]> {
    const now = Math.floor(Date.now() / 1000);
    const good = await this.sign({ roles: ['officer'] }, 'p-refused');
    const [header, payload] = good.split('.');
    const tampered = Buffer.from(
      JSON.stringify({ sub: 'p-refused', roles: ['admin'], exp: now + 600, iss: ISSUER, aud: AUDIENCE }),
    ).toString('base64url');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const confused = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: KEY_ID })
      .setSubject('p-confused')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(this.publicPem));
    const tokens = [
      await this.sign({ roles: ['admin'], exp: now - 3_600 }, 'p-expired'),
      await this.sign({ roles: ['admin'], nbf: now + 3_600 }, 'p-early'),
      await this.sign({ roles: ['admin'], aud: 'api://someone-else' }, 'p-aud'),
      await this.sign({ roles: ['admin'], iss: 'https://evil.invalid/' }, 'p-iss'),
      await this.sign({ roles: ['admin'] }, 'p-stranger', this.strangerKey),
      await this.sign({ roles: ['admin'] }, 'x'.repeat(300)),
      await this.sign({ roles: { admin: true } }, ''),
      `${header}.${tampered}.${good.split('.')[2]}`,
      unsigned,
      confused,
      'abc.def.ghi',
      `${header}.${'A'.repeat(20_000)}.sig`,
      'not-a-jwt',
    ];
    return [...tokens.map((token) => `Bearer ${token}`), 'Bearer', 'Basic dXNlcjpwYXNz', `Bearer ${good} extra`, 'bearer  ', good];
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private sign(claims: JWTPayload, sub: string, key: CryptoKey = this.privateKey): Promise<string> {
    const { exp, nbf, aud, iss, ...rest } = claims;
    let jwt = new SignJWT(rest)
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
      .setIssuedAt()
      .setIssuer(iss ?? ISSUER)
      .setAudience(aud ?? AUDIENCE)
      .setExpirationTime(exp ?? '2h');
    if (sub) jwt = jwt.setSubject(sub);
    if (nbf !== undefined) jwt = jwt.setNotBefore(nbf);
    return jwt.sign(key);
  }
}
