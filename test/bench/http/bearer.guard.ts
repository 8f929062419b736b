import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { BENCH_AUTHORIZATION } from './bench-requests.js';

/** Express and Fastify requests both carry Node's lower-cased header map. */
interface WithHeaders {
  readonly headers: Record<string, string | string[] | undefined>;
}

/** Stands in for the api's token check without its cryptography, which costs the same on either adapter. */
@Injectable()
export class BearerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    // Thrown rather than returning false so that, as in the api, a missing token is a 401 and not a 403.
    if (context.switchToHttp().getRequest<WithHeaders>().headers.authorization !== BENCH_AUTHORIZATION)
      throw new UnauthorizedException('A bearer token is required');
    return true;
  }
}
