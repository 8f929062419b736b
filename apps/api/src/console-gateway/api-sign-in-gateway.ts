import { Inject, Injectable } from '@nestjs/common';
import type { JWTPayload } from 'jose';
import type { ConsolePerson, SignInGateway } from '#console';
import type { SqlDatabase } from '#event-store';
import { recordsTables } from '#projections';
import { APP_CONFIG, SQL_DATABASE, type AppConfig } from '#runtime';
import { AuthenticationError } from '../platform/auth/auth-errors.js';
import { PersonResolver } from '../platform/auth/person-resolver.js';
import { actorFromClaims } from '../platform/auth/token-claims.js';

const UNDEFINED_TABLE = '42P01';

/**
 * The console's OpenID Connect sign-in by the API's rules for its bearer tokens: the same claims reading
 * (actorFromClaims: AUTH_PERSON_CLAIM, name, roles) and the same person resolution (PersonResolver), so a person
 * has the same identity and roles in the console as with a token. Signed in only when the directory holds them.
 */
@Injectable()
export class ApiSignInGateway implements SignInGateway {
  constructor(
    private readonly resolver: PersonResolver,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async personSignedIn(idTokenClaims: Readonly<Record<string, unknown>>): Promise<ConsolePerson | undefined> {
    let actor;
    try {
      actor = actorFromClaims(idTokenClaims as JWTPayload, this.config.auth.personClaim);
    } catch (error) {
      if (error instanceof AuthenticationError) return undefined;
      throw error;
    }
    const personId = await this.resolver.personIdFor(actor.id);
    if (!(await this.isRegistered(personId))) return undefined;
    return { id: personId, name: actor.name, roles: actor.roles };
  }

  private async isRegistered(personId: string): Promise<boolean> {
    try {
      const { rows } = await this.db.query(`SELECT 1 FROM ${recordsTables.people.name} WHERE person_id = $1`, [personId]);
      return rows.length > 0;
    } catch (error) {
      if ((error as { code?: unknown }).code === UNDEFINED_TABLE) return false;
      throw error;
    }
  }
}
