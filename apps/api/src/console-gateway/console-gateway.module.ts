import { Module } from '@nestjs/common';
import { CONSOLE_GATEWAY } from '#console';
import { AuthModule } from '../platform/auth/auth.module.js';
import { ReadModelsModule } from '../read-models/read-models.module.js';
import { ApiAccountGateway } from './api-account-gateway.js';
import { ApiAuditGateway } from './api-audit-gateway.js';
import { ApiConsoleGateway } from './api-console-gateway.js';
import { ApiCycleStepsGateway } from './api-cycle-steps-gateway.js';
import { ApiMetricsGateway } from './api-metrics-gateway.js';
import { ApiRecordingGateway } from './api-recording-gateway.js';
import { ApiScrutinyCycleGateway } from './api-scrutiny-cycle-gateway.js';
import { ApiSignInGateway } from './api-sign-in-gateway.js';
import { ApiScrutinyGateway, consoleGatewayOf } from './api-scrutiny-gateway.js';
import { ApiStaffGateway } from './api-staff-gateway.js';
import { RouteAccess } from './route-access.js';
import { RouteCommands } from './route-commands.js';

/** The web console's access to the application: the api's buses and route rules (see ApiConsoleGateway). */
@Module({
  imports: [ReadModelsModule, AuthModule],
  providers: [
    RouteAccess,
    RouteCommands,
    ApiConsoleGateway,
    ApiScrutinyGateway,
    ApiAuditGateway,
    ApiSignInGateway,
    ApiMetricsGateway,
    ApiStaffGateway,
    ApiRecordingGateway,
    ApiCycleStepsGateway,
    ApiScrutinyCycleGateway,
    ApiAccountGateway,
    {
      provide: CONSOLE_GATEWAY,
      useFactory: consoleGatewayOf,
      inject: [
        ApiConsoleGateway,
        ApiScrutinyGateway,
        ApiStaffGateway,
        ApiMetricsGateway,
        ApiRecordingGateway,
        ApiScrutinyCycleGateway,
        ApiAccountGateway,
      ],
    },
  ],
  exports: [CONSOLE_GATEWAY],
})
export class ConsoleGatewayModule {}
