import { streamIdFor } from '#domain';
import type { Outcome } from './http-client.js';
import type { LocalIdentityProvider, Person } from './identity-provider.js';
import { LoadReport } from './load-report.js';
import type { Random } from './random.js';
import { getAs, newActionBody, postCommand, STAFF, type CommandAck, type PostHolder, type World } from './world.js';

export interface TrackedAction {
  readonly id: string;
  readonly holder: PostHolder;
  /** The last version an answer told us; If-Match commands send it, and get 412 when it moved. */
  knownVersion: number;
  /** The position of the last acknowledged command on it: reads pass it as minPosition to read their writes. */
  knownPosition: number;
}

export interface LoadPlan {
  readonly idp: LocalIdentityProvider;
  readonly world: World;
  readonly random: Random;
  /** Where each request goes: read at every request, so a restarted or second api is picked up. */
  readonly ports: () => readonly number[];
  readonly concurrency: number;
  readonly maxRequests: number;
  readonly durationMs: number;
  /** Actions commands pick from; acknowledged new actions join until there are maxActions. */
  readonly actions: TrackedAction[];
  readonly maxActions: number;
  /** Share of progress reports sent with If-Match (412 when another writer got there first). */
  readonly conditionalShare?: number;
  /** Share of requests that read views rather than write. */
  readonly readShare?: number;
  /** Pause of a worker after a request that got no answer (the api is down). */
  readonly pauseAfterNoAnswerMs?: number;
  /** A steady rate: requests start on a fixed schedule rather than as fast as the workers can go. */
  readonly ratePerSecond?: number;
}

interface Step {
  readonly kind: string;
  readonly send: (port: number) => Promise<Outcome>;
  readonly streamId?: string;
  readonly what: string;
  readonly onAck?: (ack: CommandAck) => void;
}

/** The statuses a healthy api may answer this load: success, illegal transitions and lost races, If-Match misses. */
export const ORDINARY_STATUSES = [200, 201, 409, 412] as const;

/**
 * Bounded concurrent commands of the kinds officers and scrutiny staff send (new actions, progress, chases,
 * completion, sign-off, reopening, due dates) with a share of view reads, until the request budget or the
 * time is used up. Stops by itself; `stop()` ends it early.
 */
export class CommandLoad {
  readonly report = new LoadReport();
  private stopped = false;
  private created = 0;
  private scheduled = 0;

  constructor(private readonly plan: LoadPlan) {}

  stop(): void {
    this.stopped = true;
  }

  async run(): Promise<LoadReport> {
    const deadline = Date.now() + this.plan.durationMs;
    const more = () => !this.stopped && Date.now() < deadline && this.report.requests < this.plan.maxRequests;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: this.plan.concurrency }, async () => {
        while (more()) {
          await this.untilNextSlot(started);
          if (!more()) break;
          const ports = this.plan.ports();
          const step = this.nextStep();
          const sentAt = Date.now();
          const outcome = await step.send(this.plan.random.pick(ports));
          const ack = this.report.record(step.kind, step.what, sentAt, outcome, step.streamId);
          if (ack) step.onAck?.(ack);
          if (outcome.kind === 'no-answer') await new Promise((resolve) => setTimeout(resolve, this.plan.pauseAfterNoAnswerMs ?? 100));
        }
      }),
    );
    return this.report;
  }

  /** With a rate, each request waits for its slot on the schedule; a late worker starts at once (no catch-up burst beyond the slots missed). */
  private async untilNextSlot(started: number): Promise<void> {
    const rate = this.plan.ratePerSecond;
    if (!rate) return;
    const slotAt = started + (this.scheduled++ * 1_000) / rate;
    const wait = slotAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  private nextStep(): Step {
    const { random, actions, maxActions } = this.plan;
    const roll = random.next();
    if (actions.length === 0 || (actions.length < maxActions && roll < 0.15)) return this.assign();
    const action = random.pick(actions);
    const read = this.plan.readShare ?? 0;
    if (roll < read) return this.read(action);
    const write = (roll - read) / (1 - read);
    if (write < 0.35) return this.progress(action);
    if (write < 0.6)
      return this.command(action, 'chase', STAFF, random.chance(0.5) ? { note: `Chased at ${new Date().toISOString()}` } : {});
    if (write < 0.72)
      return this.command(action, 'completion', action.holder.officer, { outcome: 'Final metrics collated', evidence: 'Ref: 7' });
    if (write < 0.82) return this.command(action, 'sign-off', STAFF, { meetingId: this.plan.world.laterMeetingId, note: 'Accepted' });
    if (write < 0.93) return this.command(action, 'reopen', STAFF, { reason: 'The figures for agency rates were incomplete' });
    return this.command(action, 'due-date', STAFF, { dueDate: `2017-0${random.int(3, 9)}-1${random.int(0, 9)}`, reason: 'Replanned' });
  }

  private assign(): Step {
    const holder = this.plan.random.pick(this.plan.world.holders);
    const body = newActionBody(this.plan.world, holder, this.created++);
    const id = String(body.id);
    return {
      kind: 'assign',
      what: `POST /actions ${id}`,
      streamId: streamIdFor('action', id),
      send: (port) => postCommand(port, this.plan.idp, STAFF, '/actions', body),
      onAck: (ack) => {
        if (this.plan.actions.length < this.plan.maxActions)
          this.plan.actions.push({ id, holder, knownVersion: ack.version, knownPosition: ack.position });
      },
    };
  }

  private progress(action: TrackedAction): Step {
    const conditional = this.plan.random.chance(this.plan.conditionalShare ?? 0);
    const rag = this.plan.random.pick(['red', 'amber', 'green']);
    const headers: Record<string, string> = conditional ? { 'If-Match': `"${action.knownVersion}"` } : {};
    return this.command(
      action,
      conditional ? 'progress-if-match' : 'progress',
      action.holder.officer,
      { note: `Figures for ${rag} areas collated`, rag },
      headers,
    );
  }

  private command(action: TrackedAction, kind: string, as: Person, body: object, headers: Record<string, string> = {}): Step {
    const path = `/actions/${action.id}/${kind.replace('-if-match', '')}`;
    return {
      kind,
      what: `POST ${path}`,
      streamId: streamIdFor('action', action.id),
      send: (port) => postCommand(port, this.plan.idp, as, path, body, headers),
      onAck: (ack) => {
        action.knownVersion = Math.max(action.knownVersion, ack.version);
        action.knownPosition = Math.max(action.knownPosition, ack.position);
      },
    };
  }

  private read(action: TrackedAction): Step {
    const { random, idp } = this.plan;
    const path = random.pick([
      `/actions/${action.id}?minPosition=${action.knownPosition}`,
      `/posts/${action.holder.postId}/queue`,
      `/overdue?committeeId=${this.plan.world.committeeId}&asOf=2017-06-01`,
      `/committees/${this.plan.world.committeeId}/action-log?format=json`,
      `/meetings/${this.plan.world.meetingId}`,
    ]);
    return { kind: 'read', what: `GET ${path}`, send: (port) => getAs(port, idp, STAFF, path) };
  }
}

/**
 * Milliseconds from sending a chase until a view read with its position as minPosition answers, one at a
 * time on an otherwise idle system (a fresh action, so the chase is legal): how quickly the read side is
 * woken (LISTEN/NOTIFY) rather than left to poll.
 */
export async function readYourWritesDelays(port: number, idp: LocalIdentityProvider, world: World, count: number): Promise<number[]> {
  const failed = (what: string, outcome: Outcome) =>
    new Error(`freshness probe: ${what} gave ${outcome.kind === 'answer' ? `${outcome.status} ${outcome.text}` : outcome.error}`);
  const body = newActionBody(world, world.holders[0] as PostHolder, 0);
  const assigned = await postCommand(port, idp, STAFF, '/actions', body);
  if (assigned.kind !== 'answer' || assigned.status !== 201) throw failed('assigning', assigned);
  const delays: number[] = [];
  for (let n = 0; n < count; n++) {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const started = Date.now();
    const chased = await postCommand(port, idp, STAFF, `/actions/${String(body.id)}/chase`, { note: `freshness probe ${n}` });
    if (chased.kind !== 'answer' || chased.status !== 200) throw failed('chasing', chased);
    const { position } = JSON.parse(chased.text) as CommandAck;
    const read = await getAs(port, idp, STAFF, `/actions/${String(body.id)}?minPosition=${position}`);
    if (read.kind !== 'answer' || read.status !== 200) throw failed('reading', read);
    delays.push(Date.now() - started);
  }
  return delays;
}
