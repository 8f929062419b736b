import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from '#runtime';
import { loadOrCreateSecretFile, NoHs256SecretError, resolveHs256Secret } from '../../src/platform/auth/hs256-secret.js';
import {
  mintToken as mintWithSource,
  MintingRefusedError,
  parseMintTokenArgs,
  type MintTokenRequest,
} from '../../src/platform/auth/mint-token.js';
import { TokenVerifier } from '../../src/platform/auth/token-verifier.js';
import { AuthenticationError } from '../../src/platform/auth/auth-errors.js';

const args = (argv: readonly string[]): MintTokenRequest => {
  const parsed = parseMintTokenArgs(argv);
  if (parsed === 'help') throw new Error('asked for help');
  return parsed;
};
const mintToken = async (...params: Parameters<typeof mintWithSource>): Promise<string> => (await mintWithSource(...params)).token;

describe('the embedded default HS256 secret (DATA_DIR/auth-secret)', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actiontrail-auth-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is created once, readable by its owner only, and reused', async () => {
    const first = await loadOrCreateSecretFile(join(dataDir, 'nested'));
    const path = join(dataDir, 'nested', 'auth-secret');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const text = (await readFile(path, 'utf8')).trim();
    expect(text.length).toBeGreaterThanOrEqual(64);
    const again = await loadOrCreateSecretFile(join(dataDir, 'nested'));
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(await readdir(join(dataDir, 'nested'))).toEqual(['auth-secret']);
  });

  it('gives every racing creator the same secret, leaving no temporary files', async () => {
    const secrets = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateSecretFile(dataDir)));
    expect(new Set(secrets.map((s) => Buffer.from(s).toString('hex'))).size).toBe(1);
    expect(await readdir(dataDir)).toEqual(['auth-secret']);
  });

  it('refuses a secret file other users can read, and one too short to be a secret', async () => {
    const path = join(dataDir, 'auth-secret');
    await writeFile(path, 'x'.repeat(64), { mode: 0o644 });
    await chmod(path, 0o644);
    await expect(loadOrCreateSecretFile(dataDir)).rejects.toThrow(`${path} can be read by other users (mode 644); run chmod 600 on it`);
    await writeFile(path, 'short', { mode: 0o600 });
    await chmod(path, 0o600);
    await expect(loadOrCreateSecretFile(dataDir)).rejects.toThrow('holds no usable secret');
  });

  it('signs the tokens `npm run token` mints, which the service then accepts, across restarts', async () => {
    const config = loadAppConfig({ DATA_DIR: dataDir });
    const request = args([
      '--sub',
      'person-tony',
      '--name',
      'Tony Fitzgerald',
      '--roles',
      'officer,scrutiny',
      '--ttl',
      '1h',
      '--create-secret',
    ]);
    const token = await mintToken(config, request);
    const restarted = TokenVerifier.fromConfig(loadAppConfig({ DATA_DIR: dataDir }));
    expect(await restarted.verify(token)).toEqual({ id: 'person-tony', name: 'Tony Fitzgerald', roles: ['officer', 'scrutiny'] });
    await rm(join(dataDir, 'auth-secret'));
    const withNewSecret = TokenVerifier.fromConfig(loadAppConfig({ DATA_DIR: dataDir }));
    await expect(withNewSecret.verify(token)).rejects.toEqual(new AuthenticationError('bad-signature'));
  });

  it('prefers AUTH_JWT_SECRET, touching no file', async () => {
    const config = loadAppConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: 'a-development-secret-of-32-characters-or-more' });
    const token = await mintToken(config, args(['--sub', 'p9']));
    expect(await TokenVerifier.fromConfig(config).verify(token)).toEqual({ id: 'p9', name: 'p9', roles: [] });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('given no AUTH_JWT_SECRET and no secret file, then the token tool is refused one unless it asks to make it; the server makes it', async () => {
    const config = loadAppConfig({ DATA_DIR: dataDir });
    await expect(resolveHs256Secret(config, { create: false })).rejects.toThrow(NoHs256SecretError);
    await expect(mintWithSource(config, args(['--sub', 'p1']))).rejects.toThrow(
      `No secret to sign with: AUTH_JWT_SECRET is unset and ${dataDir}/auth-secret does not exist`,
    );
    expect(await readdir(dataDir)).toEqual([]);
    const made = await resolveHs256Secret(config, { create: true });
    expect({ source: made.source, created: made.created }).toEqual({ source: `the secret in ${dataDir}/auth-secret`, created: true });
    const again = await resolveHs256Secret(config, { create: false });
    expect({ source: again.source, created: again.created, same: Buffer.from(again.bytes).equals(Buffer.from(made.bytes)) }).toEqual({
      source: `the secret in ${dataDir}/auth-secret`,
      created: false,
      same: true,
    });
  });

  it('given a verifier made for the server, when it is prepared, then the data folder secret exists before any token arrives', async () => {
    await TokenVerifier.fromConfig(loadAppConfig({ DATA_DIR: dataDir })).prepare();
    expect(await readdir(dataDir)).toEqual(['auth-secret']);
  });

  it('mints nothing in production, where only the identity provider issues tokens', async () => {
    const config = loadAppConfig({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.example/keys',
      AUTH_ISSUER: 'https://idp.example',
      AUTH_AUDIENCE: 'a',
    });
    await expect(mintToken(config, args(['--sub', 'p1']))).rejects.toThrow(MintingRefusedError);
  });

  it('given OIDC is configured outside production, then an HS256 token signed with the data folder secret is refused, and none is minted', async () => {
    const oidc = { AUTH_JWKS_URL: 'https://idp.example/keys', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'a' };
    const token = await mintToken(loadAppConfig({ DATA_DIR: dataDir }), args(['--sub', 'p1', '--roles', 'admin', '--create-secret']));
    const config = loadAppConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, ...oidc });
    await expect(TokenVerifier.fromConfig(config).verify(token)).rejects.toEqual(new AuthenticationError('algorithm-not-accepted'));
    await expect(mintToken(config, args(['--sub', 'p1']))).rejects.toThrow(
      'With AUTH_JWKS_URL set the service accepts only tokens from the identity provider (AUTH_ISSUER); none can be minted here',
    );
  });

  it('mints up to the maximum token lifetime (12 h by default), and refuses a longer --ttl', async () => {
    const config = loadAppConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: 'a-development-secret-of-32-characters-or-more' });
    const longest = await mintToken(config, args(['--sub', 'p1', '--ttl', '12h']));
    expect(await TokenVerifier.fromConfig(config).verify(longest)).toMatchObject({ id: 'p1' });
    for (const ttl of ['13h', '721m', '2d', '999999d']) {
      await expect(mintToken(config, args(['--sub', 'p1', '--ttl', ttl]))).rejects.toThrow(
        `--ttl ${ttl} is longer than the service accepts (AUTH_MAX_TOKEN_LIFETIME, 12 h)`,
      );
    }
    const shorter = loadAppConfig({
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: 'a-development-secret-of-32-characters-or-more',
      AUTH_MAX_TOKEN_LIFETIME: '1h',
    });
    await expect(mintToken(shorter, args(['--sub', 'p1']))).rejects.toThrow(
      '--ttl 8h is longer than the service accepts (AUTH_MAX_TOKEN_LIFETIME, 1 h)',
    );
  });
});

describe('npm run token arguments', () => {
  it('reads --sub, --name, --roles and --ttl, defaulting to 8 hours', () => {
    expect(args(['--sub', 'p1', '--name', 'Pat Officer', '--roles', 'officer, admin'])).toEqual({
      sub: 'p1',
      name: 'Pat Officer',
      roles: ['officer', 'admin'],
      ttl: '8h',
      createSecret: false,
    });
  });

  it('reads --create-secret, and answers help for --help or -h whatever else is given', () => {
    expect(args(['--sub', 'p1', '--create-secret'])).toMatchObject({ sub: 'p1', createSecret: true });
    expect(parseMintTokenArgs(['--help'])).toBe('help');
    expect(parseMintTokenArgs(['-h', '--sub', 'p1'])).toBe('help');
  });

  it.each([
    [[], '--sub <personId> is required'],
    [['--sub', 'p1', '--roles', 'officer,king'], 'unknown role(s) king; roles are officer, scrutiny, monitoring, member, admin'],
    [['--sub', 'p1', '--ttl', 'forever'], '--ttl must look like 90s, 30m, 8h or 7d; got "forever"'],
    [['--sub', 'p1', '--colour', 'red'], "Unknown option '--colour'"],
  ])('refuses %j', (argv, message) => {
    expect(() => args(argv)).toThrow(message);
  });
});
