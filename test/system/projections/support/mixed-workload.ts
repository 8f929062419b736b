import { randomUUID } from 'node:crypto';
import type { FeatureApp } from '../../../../apps/api/test/features/support/feature-app.js';
import { assignAction, seedMeetingWorld, type MeetingWorld } from '../../../../apps/api/test/features/support/seed-over-http.js';

export interface WorkloadOptions {
  readonly actions: number;
  readonly commands: number;
  readonly concurrency: number;
  readonly seed?: number;
}

export interface WorkloadResult {
  readonly world: MeetingWorld;
  readonly actionIds: readonly string[];
  /** Accepted commands by kind (2xx); refused ones (409 for an illegal transition) are counted apart. */
  readonly accepted: Readonly<Record<string, number>>;
  readonly refused: number;
}

/** A small deterministic generator, so a failing run can be replayed. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function runPool(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

type Command = { kind: string; path: string; body: object };

/**
 * Parallel commands of every kind over HTTP, as clients send them: progress, chases, due dates, reassignments,
 * completion, sign-off, reopening, withdrawal, metric snapshots and corrections, resolution corrections,
 * attendance and new items. Conflicts between parallel commands are part of the point.
 */
export async function runMixedWorkload(f: FeatureApp, options: WorkloadOptions): Promise<WorkloadResult> {
  const random = randomSource(options.seed ?? 20_170_116);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const world = await seedMeetingWorld(f);
  const actionIds: string[] = [];
  await runPool(options.actions, options.concurrency, async (n) => {
    actionIds.push(await assignAction(f, world, n % 3 === 0 ? { dueDate: undefined, dueMeetingId: world.laterMeetingId } : {}));
  });
  const snapshots: string[] = [];
  const accepted: Record<string, number> = {};
  let refused = 0;
  let itemNumber = 10;
  const commandFor = (n: number): Command => {
    const action = pick(actionIds);
    const roll = random();
    if (roll < 0.3)
      return {
        kind: 'progress',
        path: `/actions/${action}/progress`,
        body: { note: `update ${n}`, ...(n % 2 ? { rag: pick(['red', 'amber', 'green']) } : {}) },
      };
    if (roll < 0.5) return { kind: 'chase', path: `/actions/${action}/chase`, body: n % 2 ? { note: `chase ${n}` } : {} };
    if (roll < 0.56)
      return {
        kind: 'due-date',
        path: `/actions/${action}/due-date`,
        body: { dueDate: `2017-0${3 + (n % 6)}-1${n % 10}`, reason: `replanned ${n}` },
      };
    if (roll < 0.62)
      return {
        kind: 'reassignment',
        path: `/actions/${action}/reassignment`,
        body: { ownerPostId: pick([world.postId, world.otherPostId]), reason: `moved ${n}` },
      };
    if (roll < 0.69)
      return { kind: 'completion', path: `/actions/${action}/completion`, body: { outcome: `done ${n}`, evidence: 'Ref: 7' } };
    if (roll < 0.75)
      return { kind: 'sign-off', path: `/actions/${action}/sign-off`, body: { meetingId: world.laterMeetingId, note: `accepted ${n}` } };
    if (roll < 0.79) return { kind: 'reopen', path: `/actions/${action}/reopen`, body: { reason: `disputed ${n}` } };
    if (roll < 0.81) return { kind: 'withdrawal', path: `/actions/${action}/withdrawal`, body: { reason: `superseded ${n}` } };
    if (roll < 0.88 || snapshots.length === 0) {
      return {
        kind: 'metrics',
        path: '/metric-snapshots',
        body: {
          id: randomUUID(),
          subject: pick(['Adult Social Care', "Children's Services"]),
          asOf: `2017-01-${10 + (n % 19)}`,
          source: 'HR',
          actionId: action,
          values: [
            { metric: 'vacancy-rate', value: 20 + (n % 10), unit: '%' },
            { metric: 'agency-rate', value: 30 + (n % 7), unit: '%' },
          ],
        },
      };
    }
    if (roll < 0.93)
      return {
        kind: 'metric-correction',
        path: `/metric-snapshots/${pick(snapshots)}/corrections`,
        body: { values: [{ metric: 'vacancy-rate', value: n % 40, unit: '%' }], reason: `recount ${n}` },
      };
    if (roll < 0.96) {
      return {
        kind: 'resolution-correction',
        path: `/resolutions/${world.resolutionId}/corrections`,
        body: {
          parts: [
            { label: '(i)', text: `That the Report (Ref: 7) be noted (${n}).`, kind: 'noted' },
            { label: '(ii)', text: `Collate final metrics (${n})`, kind: 'instructed' },
          ],
          reason: `typo ${n}`,
        },
      };
    }
    if (roll < 0.98)
      return {
        kind: 'attendance',
        path: `/meetings/${world.meetingId}/attendance`,
        body: { attendees: [{ name: `Councillor ${n}`, role: 'member', status: pick(['present', 'apologies']) }] },
      };
    const narrative = n % 2 === 0 ? { narrative: `Members asked about item ${n}.` } : {};
    return {
      kind: 'item',
      path: `/meetings/${world.laterMeetingId}/items`,
      body: { number: String(itemNumber++), title: `Item ${n}`, ...narrative },
    };
  };
  await runPool(options.commands, options.concurrency, async (n) => {
    const command = commandFor(n);
    const res = await f.http().post(`/api/v1${command.path}`).send(command.body);
    if (res.status === 200 || res.status === 201) {
      accepted[command.kind] = (accepted[command.kind] ?? 0) + 1;
      if (command.kind === 'metrics') snapshots.push(res.body.id as string);
    } else if (res.status === 409) {
      refused++;
    } else {
      throw new Error(`${command.kind} ${command.path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
  });
  return { world, actionIds, accepted, refused };
}
