import { Injectable, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '#domain';
import type { CommandResult, ConsoleCaller } from '#console';
import type { Caller } from '../platform/caller.js';
import type { AccessDecision } from '../platform/auth/access-decision.js';
import { flattenValidationErrors } from '../platform/validation/validation.pipe.js';
import type { CommandOutcome } from '../features/shared/command-outcome.js';
import { ProjectionPositions } from '../read-models/projection-positions.js';
import { READ_YOUR_WRITES_TIMEOUT_MS } from '../read-models/projection-view.interceptor.js';
import { actorOf, refusalOf, resultOfRefused } from './console-answers.js';
import { RouteAccess } from './route-access.js';

/**
 * An API route, by its controller and handler, whose access rule and DTO a console form goes through; `actionId`
 * names the action an officer's ownership rule is checked against.
 */
export type Route = readonly [controller: Type<object>, handler: string, actionId?: string];

/** A console command as its API route would run it: the route's access rule, its DTO's validation, the command. */
@Injectable()
export class RouteCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly access: RouteAccess,
    private readonly positions: ProjectionPositions,
  ) {}

  /**
   * The route's access rule, then its DTO validation (none without a DTO: a route without a body), then the
   * command; answers once the read models show it.
   */
  run<Dto extends object>(
    caller: ConsoleCaller,
    route: Route,
    dto: Type<Dto> | undefined,
    input: object,
    command: (body: Dto, caller: Caller) => object,
  ): Promise<CommandResult> {
    return this.execute(caller, route, dto, input, command, resultOfRefused);
  }

  /** As `run`, but a domain rule about one field of the body answers on that field (400), as a step form shows it. */
  runStep<Dto extends object>(
    caller: ConsoleCaller,
    route: Route,
    dto: Type<Dto>,
    input: object,
    command: (body: Dto, caller: Caller) => object,
  ): Promise<CommandResult> {
    return this.execute(caller, route, dto, input, command, (error) => fieldProblemOf(error) ?? resultOfRefused(error));
  }

  private async execute<Dto extends object>(
    caller: ConsoleCaller,
    route: Route,
    dto: Type<Dto> | undefined,
    input: object,
    command: (body: Dto, caller: Caller) => object,
    answerRefused: (error: unknown) => CommandResult,
  ): Promise<CommandResult> {
    const refusal = refusalOf(await this.decide(route, caller));
    if (refusal) return refusal;
    const body = dto ? plainToInstance(dto, input) : (input as Dto);
    if (dto) {
      const problems = await validate(body, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
      if (problems.length > 0) return { kind: 'invalid', errors: flattenValidationErrors(problems) };
    }
    let outcome: CommandOutcome;
    try {
      outcome = await this.commands.execute(
        command(body, { actor: actorOf(caller), correlationId: caller.correlationId, requestId: caller.requestId }),
      );
    } catch (error) {
      return answerRefused(error);
    }
    await this.positions.waitFor(outcome.position, READ_YOUR_WRITES_TIMEOUT_MS);
    return { kind: 'done', version: outcome.version };
  }

  decide([controller, handler, actionId]: Route, caller: ConsoleCaller): Promise<AccessDecision> {
    return this.access.decide(controller, handler, actorOf(caller), actionId);
  }

  async allowed(route: Route, caller: ConsoleCaller): Promise<boolean> {
    return (await this.decide(route, caller)).kind === 'allow';
  }
}

/**
 * A domain rule about one field of the body (a day after today, or before the step it follows) is said on that field
 * (400), as the route's own validation would be; the form maps the body's field to its input.
 */
function fieldProblemOf(error: unknown): CommandResult | undefined {
  if (!(error instanceof DomainError) || error.kind !== 'invalid') return undefined;
  const field = error.details?.['field'];
  return typeof field === 'string' ? { kind: 'invalid', errors: [{ field, message: error.message }] } : undefined;
}

/** Leaves out what the form left blank, as an API client would. */
export function defined<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== '')) as T;
}
