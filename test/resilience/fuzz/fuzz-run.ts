import { streamIdFor, type StreamCategory } from '#domain';
import { isProblem, jsonOf, send, type HttpRequest, type Outcome } from '../support/http-client.js';
import type { Acknowledged } from '../support/load-report.js';
import type { CommandAck } from '../support/world.js';
import type { FuzzCase } from './fuzz-requests.js';

export interface FuzzReport {
  requests: number;
  readonly byCategory: Record<string, number>;
  readonly byStatus: Record<string, number>;
  /** 503 projection-behind with Retry-After: a minPosition past the head, answered as the contract says. */
  contracted503: number;
  /** Breaches, each with what reproduces it: a 5xx, an error without problem+json, no answer. */
  readonly violations: string[];
  serverErrors: number;
  notProblem: number;
  noAnswer: number;
  /** Commands the fuzzer got accepted (2xx): they must be in the store like any other. */
  readonly acknowledged: Acknowledged[];
}

export const emptyFuzzReport = (): FuzzReport => ({
  requests: 0,
  byCategory: {},
  byStatus: {},
  contracted503: 0,
  violations: [],
  serverErrors: 0,
  notProblem: 0,
  noAnswer: 0,
  acknowledged: [],
});

const CATEGORY_OF_RESOURCE: Readonly<Record<string, StreamCategory>> = {
  actions: 'action',
  committees: 'committee',
  meetings: 'meeting',
  people: 'person',
  // /me/... commands act on the signed-in person's own stream (the calendar feed answers the person's id).
  me: 'person',
  posts: 'post',
  'metric-snapshots': 'metric',
  resolutions: 'resolution',
  recommendations: 'recommendation',
  decisions: 'decision',
};

/** The stream a command wrote to, from its path: /meetings/{id}/resolutions creates a resolution, the rest act on their first segment. */
export function streamOfCommand(path: string, id: string): string | undefined {
  const segments = path.split('?')[0]?.split('/').filter(Boolean).slice(2) ?? [];
  const category = segments[0] === 'meetings' && segments[2] === 'resolutions' ? 'resolution' : CATEGORY_OF_RESOURCE[segments[0] ?? ''];
  return category ? streamIdFor(category, id) : undefined;
}

const describe = (request: HttpRequest) => {
  const body =
    request.body === undefined
      ? ''
      : ` body ${JSON.stringify(String(request.body).slice(0, 160))}${String(request.body).length > 160 ? '…' : ''}`;
  return `${request.method} ${request.path.slice(0, 200)} headers ${JSON.stringify(request.headers ?? {}).slice(0, 300)}${body}`;
};

/** Checks one answer against the contract: nothing 5xx (bar a contracted 503), every error problem+json, always an answer. */
export function judge(report: FuzzReport, fuzz: FuzzCase, outcome: Outcome, seed: number): void {
  report.requests++;
  report.byCategory[fuzz.category] = (report.byCategory[fuzz.category] ?? 0) + 1;
  const where = `#${fuzz.index} (seed ${seed}) ${fuzz.category}: ${describe(fuzz.request)}`;
  if (outcome.kind === 'no-answer') {
    report.noAnswer++;
    report.byStatus['no-answer'] = (report.byStatus['no-answer'] ?? 0) + 1;
    report.violations.push(`${where} → no answer: ${outcome.error}`);
    return;
  }
  const { status } = outcome;
  report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
  const problem = isProblem(outcome);
  const type = problem && fuzz.request.method !== 'HEAD' ? String(jsonOf(outcome)?.type ?? '') : '';
  if (status === 503 && problem && type.endsWith('/projection-behind') && outcome.headers['retry-after'] !== undefined) {
    report.contracted503++;
  } else if (status >= 500) {
    report.serverErrors++;
    report.violations.push(`${where} → ${status} ${outcome.text.slice(0, 300)}`);
  }
  // PUT /committees/{id}/escalation is a command too: what it acknowledged must be in the store like a POST's.
  const command = fuzz.request.method === 'POST' || fuzz.request.method === 'PUT';
  if (command && (status === 200 || status === 201)) acknowledge(report, fuzz, outcome.text, where);
  if (status >= 400 && !problem) {
    report.notProblem++;
    report.violations.push(
      `${where} → ${status} with Content-Type ${String(outcome.headers['content-type'])}: ${outcome.text.slice(0, 120)}`,
    );
  }
}

function acknowledge(report: FuzzReport, fuzz: FuzzCase, text: string, where: string): void {
  let ack: CommandAck | undefined;
  try {
    ack = JSON.parse(text) as CommandAck;
  } catch {
    ack = undefined;
  }
  const streamId = ack && typeof ack.id === 'string' ? streamOfCommand(fuzz.request.path, ack.id) : undefined;
  if (!ack || !streamId || typeof ack.version !== 'number' || typeof ack.position !== 'number') {
    report.violations.push(`${where} → 2xx without { id, version, position } of a known stream: ${text.slice(0, 200)}`);
    return;
  }
  report.acknowledged.push({ kind: fuzz.category, streamId, id: ack.id, version: ack.version, position: ack.position, at: Date.now() });
}

/** Sends `count` cases, `concurrency` at a time; each case is built from its index, so any one can be replayed alone. */
export async function runFuzz(
  port: number,
  count: number,
  concurrency: number,
  caseAt: (index: number) => FuzzCase,
  seed: number,
): Promise<FuzzReport> {
  const report = emptyFuzzReport();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const fuzz = caseAt(next++);
        judge(report, fuzz, await send(port, fuzz.request), seed);
      }
    }),
  );
  return report;
}
