import type { SqlDatabase } from '#event-store';
import { loadAppConfig } from '#runtime';
import { ApiSignInGateway } from '../../src/console-gateway/api-sign-in-gateway.js';
import type { PersonResolver } from '../../src/platform/auth/person-resolver.js';

const OIDC = { AUTH_JWKS_URL: 'https://login.example/keys', AUTH_ISSUER: 'https://login.example/v2.0', AUTH_AUDIENCE: 'api://actiontrail' };

/** A directory of one person, p-olivia, registered with identity subject oid-olivia. */
function gateway(personClaim = 'oid'): ApiSignInGateway {
  const resolver = { personIdFor: async (subject: string) => (subject === 'oid-olivia' ? 'p-olivia' : subject) } as PersonResolver;
  const db = {
    query: async (_sql: string, params?: readonly unknown[]) => ({ rows: params?.[0] === 'p-olivia' ? [{}] : [] }),
  } as unknown as SqlDatabase;
  return new ApiSignInGateway(resolver, db, loadAppConfig({ ...OIDC, AUTH_PERSON_CLAIM: personClaim }));
}

describe("the console's sign-in by the API's token rules", () => {
  it('names the person registered with the AUTH_PERSON_CLAIM value, with the roles claim read as the API reads it', async () => {
    const person = await gateway().personSignedIn({
      sub: 'pairwise',
      oid: 'oid-olivia',
      name: 'Olivia Okafor',
      roles: 'Officer, monitoring, pilot',
    });
    expect(person).toEqual({ id: 'p-olivia', name: 'Olivia Okafor', roles: ['officer', 'monitoring'] });
  });

  it('names nobody when the directory has no such person, or the claim is missing', async () => {
    expect(await gateway().personSignedIn({ oid: 'oid-stranger', roles: ['admin'] })).toBeUndefined();
    expect(await gateway().personSignedIn({ sub: 'oid-olivia', roles: ['admin'] })).toBeUndefined();
    expect(await gateway('sub').personSignedIn({ sub: 'oid-olivia' })).toEqual({ id: 'p-olivia', name: 'oid-olivia', roles: [] });
  });
});
