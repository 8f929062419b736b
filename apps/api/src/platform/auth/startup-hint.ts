import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from '#runtime';
import { describeHs256Secret } from './hs256-secret.js';
import { MINT_TOKEN_USAGE } from './mint-token.js';

/** Says at start-up which tokens the service accepts, and in development how to mint one. */
export function announceAuthentication(logger: LoggerService, config: AppConfig): void {
  const { auth } = config;
  if (auth.jwksUrl) {
    logger.log(
      { message: `Accepting RS256/ES256 tokens from ${auth.issuer} for ${auth.audience} (keys: ${auth.jwksUrl})` },
      'Authentication',
    );
  }
  if (!config.isProduction && !auth.jwksUrl) {
    const secret = describeHs256Secret(auth, config.dataDir);
    logger.log({ message: `Accepting HS256 tokens signed with ${secret}; mint one with: ${MINT_TOKEN_USAGE}` }, 'Authentication');
  }
}
