import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import {
  actionDecider,
  categoryOf,
  committeeDecider,
  meetingDecider,
  metricSnapshotDecider,
  recommendationDecider,
  decisionDecider,
  personDecider,
  postDecider,
  resolutionDecider,
  type Decider,
  type StreamCategory,
} from '#domain';
import type {
  AuditEntry,
  AuditGateway,
  AuditSearch,
  AuditSearchResult,
  ConsoleCaller,
  Read,
  RecordAsOf,
  StreamEntries,
  VerifyOutcome,
} from '#console';
import { decideAccess, type AccessDecision } from '../platform/auth/access-decision.js';
import { accessRuleFor } from '../platform/auth/authorization.guard.js';
import { isRole } from '../platform/auth/roles.js';
import { ProblemException } from '../platform/problems/problem.js';
import type { Actor } from '../platform/request-context.js';
import type { AuditEvent } from '../features/audit/audit-event.js';
import { AuditController } from '../features/audit/audit.controller.js';
import { SearchAuditEventsQuery, type AuditEventsPage } from '../features/audit/search-audit-events.query.js';
import { GetStreamHistoryQuery, type StreamHistory } from '../features/audit/stream-history.query.js';
import { VerifyEventStoreQuery } from '../features/audit/verify-event-store.query.js';
import { AggregateStore } from '../features/shared/aggregate-store.js';

const SEARCH_PAGE_SIZE = 50;
const HISTORY_PAGE_SIZE = 1000;

// The deciders are typed by their own commands and events; folding a stream needs only evolve and initialState.
type AnyDecider = Decider<unknown, { readonly type: string; readonly data: object }, { readonly exists: boolean }>;
const DECIDERS: Record<StreamCategory, AnyDecider> = {
  post: postDecider as unknown as AnyDecider,
  person: personDecider as unknown as AnyDecider,
  committee: committeeDecider as unknown as AnyDecider,
  meeting: meetingDecider as unknown as AnyDecider,
  resolution: resolutionDecider as unknown as AnyDecider,
  action: actionDecider as unknown as AnyDecider,
  metric: metricSnapshotDecider as unknown as AnyDecider,
  recommendation: recommendationDecider as unknown as AnyDecider,
  decision: decisionDecider as unknown as AnyDecider,
};

/** The audit pages' gateway: the AuditController's queries, behind that controller's own access rules. */
@Injectable()
export class ApiAuditGateway implements AuditGateway {
  constructor(
    private readonly queries: QueryBus,
    private readonly reflector: Reflector,
    private readonly aggregates: AggregateStore,
  ) {}

  async searchAudit(caller: ConsoleCaller, search: AuditSearch): Promise<AuditSearchResult> {
    const refusal = await this.refusal('events', caller);
    if (refusal) return refusal;
    let streamId = search.stream;
    if (streamId !== undefined) {
      const named = await this.streamNamed(streamId);
      if (named.kind === 'ambiguous') {
        return {
          kind: 'invalid',
          errors: [{ field: 'stream', message: `Records of several kinds have this id: enter one of ${named.streams.join(', ')}` }],
        };
      }
      // A record with no events yet has no stream: searching by its id finds nothing, as it should.
      streamId = named.streamId ?? streamId;
    }
    const page = await this.queries.execute<SearchAuditEventsQuery, AuditEventsPage>(
      new SearchAuditEventsQuery({
        streamId,
        actorId: search.actorId,
        type: search.type,
        from: search.from,
        to: search.to,
        after: search.after ?? '0',
        limit: SEARCH_PAGE_SIZE,
      }),
    );
    return { kind: 'ok', value: { events: page.events.map(entryOf), nextAfter: page.nextAfter } };
  }

  async streamEntries(
    caller: ConsoleCaller,
    streamOrRecordId: string,
  ): Promise<Read<StreamEntries> | { readonly kind: 'ambiguous'; readonly streams: readonly string[] }> {
    const refusal = await this.refusal('stream', caller);
    if (refusal) return refusal;
    const events: AuditEntry[] = [];
    let after = 0;
    let head: StreamHistory | undefined;
    for (;;) {
      let page: StreamHistory | undefined;
      try {
        page = await this.queries.execute<GetStreamHistoryQuery, StreamHistory | undefined>(
          new GetStreamHistoryQuery(streamOrRecordId, { after, limit: HISTORY_PAGE_SIZE }),
        );
      } catch (error) {
        const streams = ambiguousStreams(error);
        if (streams) return { kind: 'ambiguous', streams };
        throw error;
      }
      if (!page) return { kind: 'not-found' };
      head ??= page;
      events.push(...page.events.map(entryOf));
      if (page.nextAfter === null) break;
      after = page.nextAfter;
    }
    return { kind: 'ok', value: { streamId: head.streamId, version: head.version, events } };
  }

  async recordAsOf(caller: ConsoleCaller, streamId: string, asOf: string): Promise<Read<RecordAsOf>> {
    const refusal = await this.refusal('stream', caller);
    if (refusal) return refusal;
    const category = categoryOf(streamId);
    const decider = Object.hasOwn(DECIDERS, category) ? DECIDERS[category as StreamCategory] : undefined;
    if (!decider) return { kind: 'not-found' };
    const loaded = await this.aggregates.load(decider, streamId, new Date(asOf));
    if (!loaded.state.exists) return { kind: 'ok', value: { exists: false, streamId, asOf } };
    const { exists: _exists, ...record } = loaded.state as Record<string, unknown>;
    return { kind: 'ok', value: { exists: true, streamId, asOf, version: loaded.version, fields: fieldsOf(record) } };
  }

  async mayVerify(caller: ConsoleCaller): Promise<Read<true>> {
    return (await this.refusal('verify', caller)) ?? { kind: 'ok', value: true };
  }

  async verifyLog(caller: ConsoleCaller, onProgress?: (checkedEvents: number) => void): Promise<Read<VerifyOutcome>> {
    const refusal = await this.refusal('verify', caller);
    if (refusal) return refusal;
    const result = await this.queries.execute(
      new VerifyEventStoreQuery(onProgress ? ({ checkedEvents }) => onProgress(checkedEvents) : undefined),
    );
    const broken = result.firstBroken;
    return {
      kind: 'ok',
      value: {
        ok: result.ok,
        checkedEvents: result.checkedEvents,
        checkedStreams: result.checkedStreams,
        ...(broken
          ? {
              firstBroken: {
                streamId: broken.streamId,
                streamVersion: broken.streamVersion,
                globalPosition: broken.globalPosition,
                reason: broken.reason,
              },
            }
          : {}),
      },
    };
  }

  private async streamNamed(
    streamOrRecordId: string,
  ): Promise<{ kind: 'named'; streamId: string | undefined } | { kind: 'ambiguous'; streams: readonly string[] }> {
    try {
      const page = await this.queries.execute<GetStreamHistoryQuery, StreamHistory | undefined>(
        new GetStreamHistoryQuery(streamOrRecordId, { after: 0, limit: 1 }),
      );
      return { kind: 'named', streamId: page?.streamId };
    } catch (error) {
      const streams = ambiguousStreams(error);
      if (streams) return { kind: 'ambiguous', streams };
      throw error;
    }
  }

  private async refusal(route: keyof AuditController, caller: ConsoleCaller): Promise<{ kind: 'forbidden'; detail: string } | undefined> {
    const decision = await this.decide(route, actorOf(caller));
    switch (decision.kind) {
      case 'allow':
        return undefined;
      case 'not-found':
      case 'unauthenticated':
        return { kind: 'forbidden', detail: 'Only the monitoring officer and administrators may see the audit log.' };
      case 'forbidden':
        return { kind: 'forbidden', detail: decision.detail };
    }
  }

  private decide(route: keyof AuditController, actor: Actor): Promise<AccessDecision> {
    const method = (AuditController.prototype as unknown as Record<string, unknown>)[route];
    if (typeof method !== 'function') throw new Error(`AuditController has no route ${route}`);
    const rule = accessRuleFor(this.reflector, [method, AuditController]);
    // The audit routes name no action, so no post can own one.
    return decideAccess(rule, actor, () => Promise.resolve({ actionId: '', ownership: 'no-such-action' }));
  }
}

function actorOf({ person }: ConsoleCaller): Actor {
  return { id: person.id, name: person.name, roles: person.roles.filter(isRole) };
}

function entryOf(event: AuditEvent): AuditEntry {
  return {
    globalPosition: event.globalPosition,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    type: event.type,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor ? { id: event.actor.id, name: event.actor.name } : null,
    correlationId: event.correlationId,
  };
}

function ambiguousStreams(error: unknown): readonly string[] | undefined {
  if (!(error instanceof ProblemException) || error.problem.code !== 'stream-id-ambiguous') return undefined;
  const streams = error.problem.extensions?.['streams'];
  return Array.isArray(streams) ? streams.map(String) : [];
}

/** A record's fields as text: nested values by their path, a list of worded parts as its wording. */
function fieldsOf(record: Record<string, unknown>, prefix = ''): { name: string; value: string }[] {
  return Object.entries(record).flatMap(([key, value]) => {
    const name = prefix + key;
    if (value === undefined) return [];
    if (Array.isArray(value)) return [{ name, value: value.map(textOf).join('\n') }];
    if (value !== null && typeof value === 'object') return fieldsOf(value as Record<string, unknown>, `${name}.`);
    return [{ name, value: String(value) }];
  });
}

function textOf(item: unknown): string {
  if (item !== null && typeof item === 'object' && typeof (item as { text?: unknown }).text === 'string') {
    const { label, text } = item as { label?: unknown; text: string };
    return typeof label === 'string' && label !== '' ? `${label} ${text}` : text;
  }
  return typeof item === 'string' ? item : JSON.stringify(item);
}
