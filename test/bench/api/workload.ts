import { randomUUID } from 'node:crypto';
import type { AutocannonRequest, RequestContext, RequestStep } from 'autocannon';
import { API, newActionBody, officerAuthorization, STAFF_AUTHORIZATION, type World } from './seed.js';

export const COMMAND_KINDS = ['create', 'progress', 'chase', 'complete'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** Shares of the traffic; a completion with nothing left to complete is sent as a create. */
export const MIX: Readonly<Record<CommandKind, number>> = { create: 0.25, progress: 0.35, chase: 0.2, complete: 0.2 };

/** What the parent sends the load client (JSON over IPC). */
export interface LoadPlan {
  readonly label: string;
  readonly baseUrl: string;
  readonly connections: number;
  readonly durationSec: number;
  readonly maxRequests: number;
  readonly world: World;
  /** Pre-created actions for progress reports and chases. */
  readonly actionPool: readonly string[];
}

export interface KindSummary {
  readonly kind: CommandKind;
  readonly ok: number;
  /** status code -> count, non-2xx only */
  readonly failures: Record<string, number>;
  readonly latenciesMs: number[];
}

function pickKind(): CommandKind {
  let roll = Math.random();
  for (const kind of COMMAND_KINDS) {
    roll -= MIX[kind];
    if (roll < 0) return kind;
  }
  return 'create';
}

const randomOf = (ids: readonly string[]): string => ids[Math.floor(Math.random() * ids.length)] ?? '';

/**
 * One autocannon request step that picks a command at random each time. Actions created in this run queue
 * up for completion, and each is completed at most once; progress and chases go to the pre-created pool.
 */
export class MixedWorkload {
  private readonly completable: string[] = [];
  private readonly byKind = new Map<CommandKind, { ok: number; failures: Record<string, number>; latenciesMs: number[] }>(
    COMMAND_KINDS.map((k) => [k, { ok: 0, failures: {}, latenciesMs: [] }]),
  );
  private created = 0;
  /** The kind of the response autocannon just parsed: its 'response' event (with the latency) follows synchronously. */
  private lastKind: CommandKind | undefined;

  constructor(private readonly plan: LoadPlan) {}

  step(): RequestStep {
    return {
      setupRequest: (request, context) => this.setup(request, context),
      onResponse: (status, body, context) => this.onResponse(status, body, context),
    };
  }

  /** Pairs autocannon's measured response time with the kind recorded by onResponse just before. */
  recordLatency(ms: number): void {
    if (this.lastKind) this.tally(this.lastKind).latenciesMs.push(ms);
    this.lastKind = undefined;
  }

  summaries(): KindSummary[] {
    return COMMAND_KINDS.map((kind) => ({ kind, ...this.tally(kind) }));
  }

  private setup(request: AutocannonRequest, context: RequestContext): AutocannonRequest {
    const { world, actionPool } = this.plan;
    let kind = pickKind();
    const toComplete = kind === 'complete' ? this.completable.shift() : undefined;
    if (kind === 'complete' && toComplete === undefined) kind = 'create';
    context.kind = kind;
    const officer = officerAuthorization(world.personId);
    switch (kind) {
      case 'create': {
        const id = randomUUID();
        context.actionId = id;
        return this.post(request, '/actions', newActionBody(world, id, this.created++), STAFF_AUTHORIZATION);
      }
      case 'progress':
        return this.post(
          request,
          `/actions/${randomOf(actionPool)}/progress`,
          { note: 'Figures collated for Q3; awaiting agency data', rag: 'amber' },
          officer,
        );
      case 'chase':
        return this.post(
          request,
          `/actions/${randomOf(actionPool)}/chase`,
          { note: 'Reminder: due at the February meeting' },
          STAFF_AUTHORIZATION,
        );
      case 'complete':
        return this.post(request, `/actions/${toComplete}/completion`, { outcome: 'Final metrics circulated to members' }, officer);
      default: {
        const _exhaustive: never = kind;
        throw new Error(`unknown kind ${String(_exhaustive)}`);
      }
    }
  }

  private post(request: AutocannonRequest, path: string, body: object, authorization: string): AutocannonRequest {
    request.method = 'POST';
    request.path = `${API}${path}`;
    request.headers = { 'content-type': 'application/json', authorization };
    request.body = JSON.stringify(body);
    return request;
  }

  private onResponse(status: number, body: string, context: RequestContext): void {
    const kind = context.kind as CommandKind;
    this.lastKind = kind;
    const tally = this.tally(kind);
    if (status >= 200 && status < 300) {
      tally.ok++;
      if (kind === 'create') this.completable.push(context.actionId as string);
      return;
    }
    tally.failures[String(status)] = (tally.failures[String(status)] ?? 0) + 1;
    if (status >= 500) process.stderr.write(`[load ${this.plan.label}] ${kind} answered ${status}: ${body.slice(0, 300)}\n`);
  }

  private tally(kind: CommandKind) {
    const found = this.byKind.get(kind);
    if (!found) throw new Error(`no tally for ${kind}`);
    return found;
  }
}
