import { send, type Outcome } from '../support/http-client.js';
import { API } from '../support/world.js';
import type { FuzzCase } from './fuzz-requests.js';

/**
 * A few clients that send their bodies slowly, in pieces seconds apart (chunked, so the server cannot know the
 * length up front): well-formed, oversized, malformed. Each must still get a proper answer.
 */
export async function slowBodies(port: number, authorization: string, actionId: string): Promise<[FuzzCase, Outcome][]> {
  const progress = `${API}/actions/${actionId}/progress`;
  const headers = { Authorization: authorization, 'Content-Type': 'application/json' };
  const bodies: [string, string, { pieces: number; gapMs: number }][] = [
    [progress, JSON.stringify({ note: 'Typed very slowly', rag: 'amber' }), { pieces: 20, gapMs: 150 }],
    [progress, JSON.stringify({ note: 'n'.repeat(3_900), rag: 'green' }), { pieces: 12, gapMs: 250 }],
    [progress, JSON.stringify({ note: 'x'.repeat(300 * 1024) }), { pieces: 12, gapMs: 200 }],
    [progress, '{"note": "never closed', { pieces: 8, gapMs: 300 }],
    [`${API}/committees`, JSON.stringify({ name: 'Slow Committee \u202e\ud83d\ude00', kind: 'other' }), { pieces: 30, gapMs: 100 }],
    [progress, `${'['.repeat(20_000)}${']'.repeat(20_000)}`, { pieces: 10, gapMs: 200 }],
  ];
  return Promise.all(
    bodies.map(async ([path, body, trickle], n): Promise<[FuzzCase, Outcome]> => {
      const fuzz: FuzzCase = { index: -1 - n, category: 'slow-body', request: { method: 'POST', path, headers, body, trickle } };
      return [fuzz, await send(port, fuzz.request, 30_000)];
    }),
  );
}
