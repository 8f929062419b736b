import type { LoggerService } from '@nestjs/common';
import { loadAppConfig } from '#runtime';
import { announceAuthentication } from '../../src/platform/auth/startup-hint.js';

const announced = (env: Record<string, string>): string[] => {
  const lines: string[] = [];
  const logger = { log: (message: { message: string }) => lines.push(message.message) } as unknown as LoggerService;
  announceAuthentication(logger, loadAppConfig(env));
  return lines;
};

describe('the start-up line naming the tokens accepted', () => {
  it('given OIDC outside production, then it names the issuer only and offers no HS256 minting', () => {
    const lines = announced({
      NODE_ENV: 'development',
      AUTH_JWKS_URL: 'https://idp.example/keys',
      AUTH_ISSUER: 'https://idp.example',
      AUTH_AUDIENCE: 'a',
    });
    expect(lines).toEqual(['Accepting RS256/ES256 tokens from https://idp.example for a (keys: https://idp.example/keys)']);
  });

  it('given a development secret, then it says HS256 tokens are accepted and how to mint one', () => {
    expect(announced({ AUTH_JWT_SECRET: 'a-development-secret-of-32-characters-or-more' })[0]).toMatch(
      /^Accepting HS256 tokens signed with AUTH_JWT_SECRET; mint one with: npm run token/,
    );
  });
});
