import { PassThrough, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ProblemException } from '../problems/problem.js';

const INFLATERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

type InflatedBody = PassThrough & { receivedEncodedLength: number };

/**
 * A Fastify preParsing hook: a body sent gzip, deflate or br compressed is inflated before the JSON parser reads it,
 * as Express's parser did. The body limit applies to the inflated bytes (so a small "zip bomb" is still 413); an
 * encoding it does not know is 415, and a body that does not inflate is 400.
 */
export function inflateEncodedBodies(
  req: { readonly headers: Record<string, string | string[] | undefined> },
  _reply: unknown,
  payload: Readable,
  done: (error: Error | null, body?: Readable) => void,
): void {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding === 'identity' || encoding === '') return done(null, payload);
  const inflater = INFLATERS[encoding];
  if (!inflater) {
    return done(
      ProblemException.of(415, 'unsupported-media-type', `Send the body uncompressed, or as gzip, deflate or br (got "${encoding}")`),
    );
  }
  const inflated = new PassThrough() as InflatedBody;
  // Fastify compares Content-Length with the bytes that arrived, not with the inflated ones.
  inflated.receivedEncodedLength = 0;
  const inflating = inflater();
  payload.on('data', (chunk: Buffer) => (inflated.receivedEncodedLength += chunk.length));
  payload.on('error', (error) => inflated.destroy(error));
  inflating.on('error', () =>
    inflated.destroy(ProblemException.of(400, 'malformed-json', `The request body does not inflate as ${encoding}`)),
  );
  payload.pipe(inflating).pipe(inflated);
  done(null, inflated);
}
