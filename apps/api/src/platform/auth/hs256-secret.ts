import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const SECRET_FILE_NAME = 'auth-secret';
const MIN_SECRET_LENGTH = 32;
const encoder = new TextEncoder();

export function secretBytes(secret: string): Uint8Array {
  return encoder.encode(secret);
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
