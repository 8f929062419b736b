import type { ConsolePerson } from '../console-gateway.js';

/** What the OpenID Connect sign-in needs from the application. */
export interface SignInGateway {
  /**
   * The person an ID token names, with the roles it grants, by the API's own rules for its tokens (the person
   * claim, the roles claim); undefined when the directory has nobody with that identity.
   */
  personSignedIn(idTokenClaims: Readonly<Record<string, unknown>>): Promise<ConsolePerson | undefined>;
}
