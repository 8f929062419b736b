import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '#runtime';
import { APP_CONFIG } from '#runtime';
import { AuthorizationGuard } from './authorization.guard.js';
import { FailedAuthenticationLimiter } from './failed-auth-limiter.js';
import { PersonResolver } from './person-resolver.js';
import { TokenVerifier } from './token-verifier.js';

/** Token verification (used by the authentication middleware) and the global authorization guard. */
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const verifier = TokenVerifier.fromConfig(config);
        await verifier.prepare();
        return verifier;
      },
    },
    {
      provide: FailedAuthenticationLimiter,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new FailedAuthenticationLimiter(config.auth.failuresPerMinute),
    },
    PersonResolver,
    { provide: APP_GUARD, useClass: AuthorizationGuard },
  ],
  exports: [TokenVerifier, FailedAuthenticationLimiter, PersonResolver],
})
export class AuthModule {}
