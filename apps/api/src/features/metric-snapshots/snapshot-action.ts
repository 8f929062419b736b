import { Inject, Injectable } from '@nestjs/common';
import { metricSnapshotDecider, type MetricSnapshotEvent } from '#domain';
import { fold } from '#domain';
import { streamIdFor } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '../../platform/index.js';
import type { SnapshotActionLookup } from '../../platform/auth/ownership-lookups.js';
import { domainEventsOf } from '../shared/domain-events.js';
import { isUuid } from '../shared/uuid.js';

/** The action a metric snapshot was collated for, folded from the snapshot's stream (the read models may lag). */
@Injectable()
export class SnapshotAction implements SnapshotActionLookup {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async actionOf(snapshotId: string): Promise<string | undefined | 'no-such-snapshot'> {
    if (!isUuid(snapshotId)) return 'no-such-snapshot';
    const snapshot = fold(
      metricSnapshotDecider,
      domainEventsOf<MetricSnapshotEvent>(await this.store.readStream(streamIdFor('metric', snapshotId))),
    );
    return snapshot.exists ? snapshot.actionId : 'no-such-snapshot';
  }
}
