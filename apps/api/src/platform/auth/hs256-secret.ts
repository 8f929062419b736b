import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const SECRET_FILE_NAME = 'auth-secret';
const MIN_SECRET_LENGTH = 32;
const encoder = new TextEncoder();

export function secretBytes(secret: string): Uint8Array {
  return encoder.encode(secret);
}

/** The HS256 secret and where it came from, said without the secret itself. */
export interface Hs256Secret {
  readonly bytes: Uint8Array;
  /** `AUTH_JWT_SECRET`, or `the secret in ./data/auth-secret`. */
  readonly source: string;
  /** This call made the data folder's secret. */
  readonly created: boolean;
}

/** Neither AUTH_JWT_SECRET nor the data folder's secret exists, and making one was not asked for. */
export class NoHs256SecretError extends Error {
  constructor(readonly path: string) {
    super(
      `No secret to sign with: AUTH_JWT_SECRET is unset and ${path} does not exist, so the server has not made one on this DATA_DIR yet. ` +
        'Start the server once on this DATA_DIR (it makes the file), set AUTH_JWT_SECRET to the secret the server uses, ' +
        `or pass --create-secret to make ${path} now (a server started later on this DATA_DIR will use it)`,
    );
    this.name = 'NoHs256SecretError';
  }
}

export function secretFilePathOf(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}/${SECRET_FILE_NAME}`;
}

export function describeHs256Secret(auth: { readonly jwtSecret: string | undefined }, dataDir: string): string {
  return auth.jwtSecret ? 'AUTH_JWT_SECRET' : `the secret in ${secretFilePathOf(dataDir)}`;
}

/**
 * The one answer, for the server and `npm run token` alike, to which secret HS256 tokens are signed with:
 * AUTH_JWT_SECRET, else the data folder's. The server makes the folder's secret when it is missing; the token
 * tool only when told to, since a secret the server never reads would sign tokens it refuses.
 */
export async function resolveHs256Secret(
  config: { readonly dataDir: string; readonly auth: { readonly jwtSecret: string | undefined } },
  options: { readonly create: boolean },
): Promise<Hs256Secret> {
  const source = describeHs256Secret(config.auth, config.dataDir);
  if (config.auth.jwtSecret) return { bytes: secretBytes(config.auth.jwtSecret), source, created: false };
  const path = secretFilePathOf(config.dataDir);
  const existing = await readSecretFile(path);
  if (existing) return { bytes: existing, source, created: false };
  if (!options.create) throw new NoHs256SecretError(path);
  return { bytes: await loadOrCreateSecretFile(config.dataDir), source, created: true };
}

/**
 * The embedded default's HS256 secret: DATA_DIR/auth-secret, made once (random, mode 0600) and reused, so
 * tokens minted by `npm run token` stay valid across restarts. Written to a private temporary file first
 * and published with link(), which never replaces: when two processes race, both end up with the same secret.
 */
export async function loadOrCreateSecretFile(dataDir: string): Promise<Uint8Array> {
  const path = join(dataDir, SECRET_FILE_NAME);
  const existing = await readSecretFile(path);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  const temporary = join(dataDir, `.${SECRET_FILE_NAME}.${randomUUID()}`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(`${randomBytes(48).toString('base64url')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, path);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  const created = await readSecretFile(path);
  if (!created) throw new Error(`${path} vanished right after it was created`);
  return created;
}

async function readSecretFile(path: string): Promise<Uint8Array | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  const mode = (await stat(path)).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(`${path} can be read by other users (mode ${mode.toString(8)}); run chmod 600 on it`);
  }
  const secret = text.trim();
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`${path} holds no usable secret; delete it and a new one will be made`);
  return secretBytes(secret);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
