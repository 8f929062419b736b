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
  // A client that sent HEAD reads no body: one would be taken for garbage after the answer.
  const head = Buffer.isBuffer(error.rawPacket) && error.rawPacket.toString('latin1', 0, 5) === 'HEAD ';
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'X-Content-Type-Options: nosniff',
      'Cache-Control: no-store',
      'Connection: close',
      '',
      head ? '' : body,
    ].join('\r\n'),
  );
}
