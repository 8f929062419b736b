import { Module } from '@nestjs/common';
import { CONSOLE_GATEWAY } from '#console';
import { ReadModelsModule } from '../read-models/read-models.module.js';
import { ApiAuditGateway } from './api-audit-gateway.js';
import { ApiConsoleGateway } from './api-console-gateway.js';
import { ApiScrutinyGateway, consoleGatewayOf } from './api-scrutiny-gateway.js';

/** The web console's access to the application: the api's buses and route rules (see ApiConsoleGateway). */
@Module({
  imports: [ReadModelsModule],
  providers: [
    ApiConsoleGateway,
    ApiScrutinyGateway,
    ApiAuditGateway,
    { provide: CONSOLE_GATEWAY, useFactory: consoleGatewayOf, inject: [ApiConsoleGateway, ApiScrutinyGateway] },
  ],
  exports: [CONSOLE_GATEWAY],
})
export class ConsoleGatewayModule {}
