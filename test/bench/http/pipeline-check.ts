import type { BenchServer } from './bench-server.js';
import { BENCH_AUTHORIZATION, ENTRIES_PATH, VALID_ENTRY } from './bench-requests.js';

interface Probe {
  readonly label: string;
  readonly expected: number;
  readonly init: RequestInit;
}

const json = { 'content-type': 'application/json' };

/** One request per pipeline stage, so that a run shows each adapter really validates, guards and filters. */
const PROBES: readonly Probe[] = [
  {
    label: 'valid POST',
    expected: 201,
    init: { method: 'POST', headers: { ...json, authorization: BENCH_AUTHORIZATION }, body: JSON.stringify(VALID_ENTRY) },
  },
  {
    label: 'unknown field',
    expected: 400,
    init: {
      method: 'POST',
      headers: { ...json, authorization: BENCH_AUTHORIZATION },
      body: JSON.stringify({ ...VALID_ENTRY, admin: true }),
    },
  },
  { label: 'no token', expected: 401, init: { method: 'POST', headers: json, body: JSON.stringify(VALID_ENTRY) } },
  { label: 'GET page', expected: 200, init: { headers: { authorization: BENCH_AUTHORIZATION } } },
];

export interface PipelineCheck {
  readonly line: string;
  readonly ok: boolean;
}

export async function checkPipeline(server: BenchServer): Promise<PipelineCheck> {
  const parts: string[] = [];
  let ok = true;
  for (const probe of PROBES) {
    const response = await fetch(`${server.baseUrl}${ENTRIES_PATH}`, probe.init);
    const body = await response.text();
    // The interceptor times successful handlers only: a guard's refusal or a pipe's rejection never reaches it.
    const timed = probe.expected >= 300 || response.headers.has('server-timing');
    const matched = response.status === probe.expected && timed;
    ok &&= matched;
    parts.push(
      `${probe.label} ${response.status}${matched ? '' : ` (expected ${probe.expected}${timed ? '' : ', no Server-Timing'})`}` +
        (probe.expected === 200 || probe.expected === 400 ? ` ${body.length} B ${response.headers.get('content-type') ?? ''}` : ''),
    );
  }
  return { line: `${server.adapter}: ${parts.join('; ')}`, ok };
}
