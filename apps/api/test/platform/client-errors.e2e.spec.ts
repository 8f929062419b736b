import { connect } from 'node:net';
import type { SqlEventStore } from '#event-store';
import { openE2eStore } from '../support/e2e-store.js';
import { PROBLEM, startTestApp, type TestApp } from './support/test-app.js';

/** Writes raw bytes to the server and reads everything it answers until it closes the connection. */
function exchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(raw));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

/** As exchange, but the request in two packets, the second sent once the server has read the first. */
function exchangeInTwoPackets(port: number, first: string, second: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(first);
      setTimeout(() => socket.end(second), 100);
    });
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

const problemOf = (answer: string) => ({
  statusLine: answer.split('\r\n')[0],
  contentType: /^content-type: (.*)$/im.exec(answer)?.[1],
  body: JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>,
});

describe('malformed HTTP, which Node rejects before Fastify sees it, is answered as problem+json', () => {
  let store: SqlEventStore;
  let testApp: TestApp;
  let port: number;

  beforeAll(async () => {
    store = await openE2eStore();
    testApp = await startTestApp({ store });
    await testApp.app.listen(0, '127.0.0.1');
    port = (testApp.app.getHttpServer().address() as { port: number }).port;
  });

  afterAll(async () => {
    await testApp?.app.close();
    await store?.close();
  });

  it('answers 431 for headers over the limit', async () => {
    const answer = await exchange(port, `GET /health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'A'.repeat(20_000)}\r\n\r\n`);
    expect(problemOf(answer)).toMatchObject({
      statusLine: 'HTTP/1.1 431 Request Header Fields Too Large',
      contentType: 'application/problem+json; charset=utf-8',
      body: { type: `${PROBLEM}request-header-fields-too-large`, status: 431 },
    });
  });

  it('answers HEAD with the headers alone', async () => {
    const answer = await exchange(port, `HEAD /health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'p'.repeat(20_000)}\r\n\r\n`);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(answer.slice(answer.indexOf('\r\n\r\n') + 4)).toBe('');
  });

  it('answers HEAD with the headers alone when the headers over the limit arrive in a later packet', async () => {
    const answer = await exchangeInTwoPackets(port, 'HEAD /health HTTP/1.1\r\nHost: x\r\n', `X-Padding: ${'p'.repeat(20_000)}\r\n\r\n`);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(answer).toMatch(/^content-type: application\/problem\+json/im);
    expect(answer.slice(answer.indexOf('\r\n\r\n') + 4)).toBe('');
  });

  it('answers 400 for a request that is not HTTP', async () => {
    const answer = await exchange(port, 'HELLO THERE\r\n\r\n');
    expect(problemOf(answer)).toMatchObject({
      statusLine: 'HTTP/1.1 400 Bad Request',
      body: { type: `${PROBLEM}bad-request`, status: 400 },
    });
  });
});
