import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { codeForStatus } from '../problems/problem-mapping.js';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../problems/problem.js';

/** What Node itself would answer, by parser error code (see node's lib/_http_server.js). */
function statusFor(code: string | undefined): number {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return 431;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 413;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    default:
      return 400;
  }
}

const DETAILS: Readonly<Record<number, string>> = {
  431: 'The request line and headers are larger than this server accepts (16 KiB)',
  413: 'A chunk extension of the request body is too large',
  408: 'The request was not received in time',
  400: 'The request is not well-formed HTTP',
};

/**
 * Fastify's clientErrorHandler. Malformed HTTP (oversized headers, broken framing) never reaches a route: Node
 * would answer it with a bare status line. This answers the same status as application/problem+json, like every
 * other error.
 */
export function answerClientErrorAsProblem(error: Error & { readonly code?: string; readonly rawPacket?: unknown }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = statusFor(error.code);
  const body = JSON.stringify(problemBody({ status, code: codeForStatus(status), detail: DETAILS[status] ?? 'Bad request' }));
  const withBody = startsRequestOtherThanHead(error.rawPacket);
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
      `Content-Length: ${withBody ? Buffer.byteLength(body) : 0}`,
      'X-Content-Type-Options: nosniff',
      'Cache-Control: no-store',
      'Connection: close',
      '',
      withBody ? body : '',
    ].join('\r\n'),
  );
}

const REQUEST_LINE_START = /^([A-Z]{1,20}) /;

/**
 * A client that sent HEAD reads no body: one would be taken for garbage after the answer. The packet Node failed on
 * names the method only when the request line is in it; headers that overflow in a later packet leave the method
 * unknown, and then no body is sent either.
 */
function startsRequestOtherThanHead(rawPacket: unknown): boolean {
  if (!Buffer.isBuffer(rawPacket)) return false;
  const method = REQUEST_LINE_START.exec(rawPacket.toString('latin1', 0, 24))?.[1];
  return method !== undefined && method !== 'HEAD';
}
