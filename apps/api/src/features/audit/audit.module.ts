import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { SearchAuditEventsHandler } from './search-audit-events.query.js';
import { GetStreamHistoryHandler } from './stream-history.query.js';
import { VerifyEventStoreHandler } from './verify-event-store.query.js';

@Module({
  controllers: [AuditController],
  providers: [SearchAuditEventsHandler, GetStreamHistoryHandler, VerifyEventStoreHandler],
})
export class AuditModule {}
