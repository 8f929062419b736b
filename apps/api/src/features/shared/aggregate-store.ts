import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { fold, type Decider } from '#domain';
import { ConcurrencyError, DuplicateEventIdError, type AppendResult, type EventStore } from '#event-store';
import { EVENT_STORE } from '../../platform/index.js';
import { eventMetadataOf, type Caller } from '../../platform/caller.js';
import { currentRequestContext } from '../../platform/request-context.js';
import { derivedId } from '../../platform/idempotency/derived-ids.js';
import { ActiontrailMetrics } from '../../platform/metrics/actiontrail-metrics.js';
import type { IdempotentRequest } from '../../platform/idempotency/idempotency.store.js';
import { afterIdempotentAppend } from './append-fault.js';
import { Clock } from './clock.js';
import { domainEventsOf } from './domain-events.js';
import { FoldedStateCache } from './folded-state-cache.js';
import type { CommandOutcome } from './command-outcome.js';
import { KeyedSerializer } from './keyed-serializer.js';

type DomainEventShape = { readonly type: string; readonly data: object };
type StreamRef = { readonly id: string; readonly streamId: string };

export interface Loaded<S> {
  readonly state: S;
  readonly version: number;
}

export interface ExecuteOptions {
  /** Who sent the command: named on every event appended, and with an Idempotency-Key, where event ids derive from. */
  readonly caller: Caller;
  /** From If-Match: the command applies only at this version (412 otherwise), and is never retried. */
  readonly expectedVersion?: number | undefined;
}

/** A command decided on a stale state is decided again on the fresh one, a few times, unless it was conditional. */
const RETRIES_ON_CONFLICT = 8;

/**
 * Load a stream, decide, append at the version that was read: the one write path of every command.
 * The `build` callback receives the current state and `now`, looks up the facts other streams hold,
 * and returns the domain command.
 */
@Injectable()
export class AggregateStore {
  private readonly perStream = new KeyedSerializer();
  private readonly folded = new FoldedStateCache();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    @Optional() private readonly metrics?: ActiontrailMetrics,
  ) {}

  async load<C, E extends DomainEventShape, S>(decider: Decider<C, E, S>, streamId: string, asOf?: Date): Promise<Loaded<S>> {
    if (!asOf) return this.caughtUp(decider, streamId, 'once per request');
    const events = await this.store.readStream(streamId, { asOf });
    return { state: fold(decider, domainEventsOf<E>(events)), version: events.at(-1)?.streamVersion ?? 0 };
  }

  /**
   * The stream as it stands: the state kept for it, if any, with only the events stored after it read and folded in.
   * Facts looked up `once per request`: a stream already brought up to date in this request (the guard's ownership
   * check, then the handler's) is taken as kept, so the request decides on one view of it. A command's own stream
   * after a conflict is always read.
   */
  private async caughtUp<C, E extends DomainEventShape, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    reading: 'once per request' | 'now',
  ): Promise<Loaded<S>> {
    const kept = this.folded.get<S>(streamId, decider);
    const request = currentRequestContext();
    // The store knows the stream is at the kept version only when nothing else can write to it: no read needed.
    const current =
      kept &&
      reading === 'once per request' &&
      (request?.streamsRead?.has(streamId) || this.store.knownStreamVersion(streamId) === kept.version);
    const loaded = current ? { state: kept.state, version: kept.version } : await this.readPast(decider, streamId, kept);
    if (request) (request.streamsRead ??= new Set()).add(streamId);
    return loaded;
  }

  /** The kept state, if any, with only the events stored after it read and folded in. */
  private async readPast<C, E extends DomainEventShape, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    kept: Loaded<S> | undefined,
  ): Promise<Loaded<S>> {
    const from = kept?.version ?? 0;
    const events = await this.store.readStream(streamId, { fromVersion: from + 1 });
    const state = domainEventsOf<E>(events).reduce((folded, event) => decider.evolve(folded, event), kept?.state ?? decider.initialState());
    const version = events.at(-1)?.streamVersion ?? from;
    if (version > from) this.folded.remember(streamId, { decider, state, version });
    return { state, version };
  }

  /** Commands on one stream from this process run one after another; see KeyedSerializer. */
  execute<C, E extends DomainEventShape, S>(
    decider: Decider<C, E, S>,
    stream: StreamRef,
    build: (state: S, now: string) => NoInfer<C> | Promise<NoInfer<C>>,
    options: ExecuteOptions,
  ): Promise<CommandOutcome> {
    return this.perStream.run(stream.streamId, () => this.decideAndAppend(decider, stream, build, options));
  }

  private async decideAndAppend<C, E extends DomainEventShape, S>(
    decider: Decider<C, E, S>,
    stream: StreamRef,
    build: (state: S, now: string) => NoInfer<C> | Promise<NoInfer<C>>,
    options: ExecuteOptions,
  ): Promise<CommandOutcome> {
    const conditional = options.expectedVersion !== undefined;
    const idempotent = options.caller.idempotentRequest;
    const eventId = (index: number) => (idempotent ? derivedId(idempotent, 'event', stream.streamId, index) : randomUUID());
    for (let attempt = 0; ; attempt++) {
      // Before deciding: the stream may have moved on since a first run landed, and deciding again would apply twice.
      const landed = idempotent && (await this.landedBefore(stream, idempotent));
      if (landed) return landed;
      // The kept state is decided on unread only first time round: the append below is conditional on its version.
      // A stream this process keeps nothing of is taken as new (a create), so it is appended to only if it has no events.
      const kept =
        attempt === 0 ? (this.folded.get<S>(stream.streamId, decider) ?? { state: decider.initialState(), version: 0 }) : undefined;
      const usable = kept && (!conditional || kept.version === options.expectedVersion);
      const { state, version } = usable ? kept : await this.caughtUp(decider, stream.streamId, 'now');
      if (conditional && options.expectedVersion !== version) {
        throw new ConcurrencyError(stream.streamId, options.expectedVersion as number, version);
      }
      let events: readonly E[];
      try {
        events = decider.decide(await build(state, this.clock.now().toISOString()), state);
      } catch (refusal) {
        // A refusal appends nothing, so no conditional append checks the kept state it came from: another process
        // may have moved the stream on (reopened a completed action). Only a refusal of the stream as read stands.
        if (usable) continue;
        throw refusal;
      }
      // A decider answers no events for a command already in effect (an idempotent no-op): nothing to append. On a
      // kept state no append has checked, that proves nothing (a newer event may undo it): decide again on the stream.
      if (events.length === 0 && usable) continue;
      if (events.length === 0) return { id: stream.id, version, position: await this.store.headPosition() };
      const metadata = eventMetadataOf(options.caller);
      try {
        const result = await this.store.appendToStream(
          stream.streamId,
          events.map((event, index) => ({ eventId: eventId(index), type: event.type, data: { ...event.data }, metadata })),
          { expectedVersion: version === 0 ? 'no_stream' : version },
        );
        this.metrics?.eventsAppended(events.map((event) => event.type));
        this.keepAppended(decider, stream.streamId, { state, version }, events, result);
        if (idempotent) await afterIdempotentAppend();
        return { id: stream.id, version: result.nextExpectedVersion, position: result.lastPosition };
      } catch (error) {
        // Another run of the same request (a claim taken over) wrote these ids first: the next look finds its result.
        if (idempotent && error instanceof DuplicateEventIdError && attempt < RETRIES_ON_CONFLICT) continue;
        if (!(error instanceof ConcurrencyError) || conditional || attempt >= RETRIES_ON_CONFLICT) throw error;
      }
    }
  }

  /**
   * The state after this append, folded here rather than read back: the events as the store keeps them (JSON),
   * on the state they were decided on. Not when the store answered a replay of an earlier append, which may
   * have landed elsewhere in the stream.
   */
  private keepAppended<C, E extends DomainEventShape, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    decidedOn: Loaded<S>,
    events: readonly E[],
    result: AppendResult,
  ): void {
    if (result.idempotentReplay || result.nextExpectedVersion !== decidedOn.version + events.length) return;
    const stored = events.map((event) => ({ type: event.type, data: JSON.parse(JSON.stringify(event.data)) as object }) as E);
    const state = stored.reduce((folded, event) => decider.evolve(folded, event), decidedOn.state);
    this.folded.remember(streamId, { decider, state, version: result.nextExpectedVersion });
  }

  /** What an earlier run of this request appended to the stream, answered as that run answered; undefined if nothing. */
  private async landedBefore(stream: StreamRef, request: IdempotentRequest): Promise<CommandOutcome | undefined> {
    const first = await this.store.findEvent(derivedId(request, 'event', stream.streamId, 0));
    if (!first) return undefined;
    const following = await this.store.readStream(stream.streamId, { fromVersion: first.streamVersion });
    let last = first;
    for (const [index, event] of following.entries()) {
      if (event.eventId.toLowerCase() !== derivedId(request, 'event', stream.streamId, index)) break;
      last = event;
    }
    return { id: stream.id, version: last.streamVersion, position: last.globalPosition };
  }
}
