import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BrokenLink, EventStore, ForeignEvent, VerifyProgress, VerifyResult } from '#event-store';
import { EVENT_STORE } from '../../platform/index.js';

export class BrokenLinkView implements BrokenLink {
  @ApiProperty() readonly streamId!: string;
  @ApiProperty() readonly streamVersion!: number;
  @ApiProperty({ type: String, nullable: true }) readonly eventId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) readonly globalPosition!: number | null;
  @ApiProperty({ enum: ['hash-mismatch', 'chain-broken', 'version-gap', 'stream-head-mismatch'] }) readonly reason!: BrokenLink['reason'];
}

export class ForeignEventView implements ForeignEvent {
  @ApiProperty() readonly streamId!: string;
  @ApiProperty() readonly streamVersion!: number;
  @ApiProperty() readonly eventId!: string;
  @ApiProperty() readonly globalPosition!: number;
  @ApiProperty() readonly type!: string;
}

export class ForeignEventsView {
  @ApiProperty() readonly count!: number;
  @ApiProperty({ type: ForeignEventView }) readonly first!: ForeignEventView;
}

export class VerifyResultView implements VerifyResult {
  @ApiProperty() readonly ok!: boolean;
  @ApiProperty() readonly checkedEvents!: number;
  @ApiProperty() readonly checkedStreams!: number;
  @ApiPropertyOptional({ type: BrokenLinkView, description: 'The first link that does not hold, when one does not' })
  readonly firstBroken?: BrokenLinkView;
  @ApiPropertyOptional({
    type: ForeignEventsView,
    description: 'KurrentDB: events the store did not write (no envelope), skipped by its readers and in no chain',
  })
  readonly foreignEvents?: ForeignEventsView;
}

export class VerifyEventStoreQuery extends Query<VerifyResult> {
  /** Called after each page of events checked, for callers that report progress on large stores. */
  constructor(readonly onProgress?: (progress: VerifyProgress) => void) {
    super();
  }
}

/** Recomputes every hash chain in the store itself, not the read model: the check must not trust a copy. */
@QueryHandler(VerifyEventStoreQuery)
export class VerifyEventStoreHandler implements IQueryHandler<VerifyEventStoreQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ onProgress }: VerifyEventStoreQuery): Promise<VerifyResult> {
    const { ok, checkedEvents, checkedStreams, firstBroken, foreignEvents } = await this.store.verify(onProgress);
    return { ok, checkedEvents, checkedStreams, ...(firstBroken ? { firstBroken } : {}), ...(foreignEvents ? { foreignEvents } : {}) };
  }
}
