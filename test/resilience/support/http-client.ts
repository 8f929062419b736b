import { Agent, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';

/** Every request of the suite is bounded by this: an answer later than this counts as a hang. */
export const REQUEST_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export interface HttpRequest {
  readonly method: string;
  /** Already encoded: path and query as they go on the request line. */
  readonly path: string;
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: string | Buffer;
  /** Sends the body in this many pieces, this far apart (a slow client). */
  readonly trickle?: { readonly pieces: number; readonly gapMs: number };
}

export interface Answer {
  readonly kind: 'answer';
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly ms: number;
}

export interface NoAnswer {
  readonly kind: 'no-answer';
  readonly error: string;
  readonly timedOut: boolean;
  readonly ms: number;
}

export type Outcome = Answer | NoAnswer;

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** One request to a service on 127.0.0.1; never throws: a refused connection or a timeout is a NoAnswer. */
export function send(port: number, req: HttpRequest, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const fail = (error: unknown, timedOut = false) =>
      settle({ kind: 'no-answer', error: error instanceof Error ? error.message : String(error), timedOut, ms: Date.now() - started });
    let outgoing: ReturnType<typeof request>;
    try {
      outgoing = request({
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.path,
        headers: { ...framing(req), ...req.headers },
        agent,
      });
    } catch (error) {
      // Node refused to put this on the wire (an invalid header or path): a fault of the test's request.
      throw new Error(`the client could not send ${req.method} ${req.path.slice(0, 80)}`, { cause: error });
    }
    const timer = setTimeout(() => {
      fail(new Error(`no answer within ${timeoutMs} ms`), true);
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on('error', (error) => fail(error));
    outgoing.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
      });
      res.on('error', (error) => fail(error));
      res.on('end', () =>
        settle({
          kind: 'answer',
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
          ms: Date.now() - started,
        }),
      );
    });
    void writeBody(outgoing, req).catch((error: unknown) => fail(error));
  });
}

/** Node frames a GET or DELETE body only when told how: without this its bytes would read as the next request. */
function framing(req: HttpRequest): OutgoingHttpHeaders {
  if (req.body === undefined) return {};
  return req.trickle ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': Buffer.byteLength(req.body) };
}

async function writeBody(outgoing: ReturnType<typeof request>, req: HttpRequest): Promise<void> {
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
  if (!body) return void outgoing.end();
  if (!req.trickle) return void outgoing.end(body);
  const size = Math.ceil(body.length / req.trickle.pieces);
  for (let offset = 0; offset < body.length; offset += size) {
    if (outgoing.destroyed) return;
    outgoing.write(body.subarray(offset, offset + size));
    await new Promise((resolve) => setTimeout(resolve, req.trickle?.gapMs));
  }
  outgoing.end();
}

/** JSON of an answer, or undefined when it is not JSON. */
export function jsonOf<T = Record<string, unknown>>(answer: Answer): T | undefined {
  try {
    return JSON.parse(answer.text) as T;
  } catch {
    return undefined;
  }
}

export const contentTypeOf = (answer: Answer): string => String(answer.headers['content-type'] ?? '');
export const isProblem = (answer: Answer): boolean => /^application\/problem\+json/.test(contentTypeOf(answer));

/** Forgets idle keep-alive sockets (after a service was killed, they point at nothing). */
export function dropIdleConnections(): void {
  for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
}

export function closeHttpClient(): void {
  agent.destroy();
}
