import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA, RouteParamtypes } from '@nestjs/common/internal';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { AccessRule } from '../auth/access-decision.js';
import { accessRuleFor, type MetadataTarget } from '../auth/authorization.guard.js';
import { ANSWERS_ETAG, readsIfMatch } from '../if-match.js';
import { UuidParamPipe } from '../validation/uuid-param.js';
import { SENDS, type SentCommands } from './sends.js';

/** What a route's own declarations say it does; the OpenAPI document is completed from these. */
export interface RouteFacts {
  /** `<Controller>_<method>`, as the document's operationId (see openapi.ts). */
  readonly operationId: string;
  readonly access: AccessRule;
  /** Takes @IfMatchVersion(): a malformed If-Match is 400, a moved version 412. */
  readonly readsIfMatch: boolean;
  /** Declares @AnswersETag(): its answer carries ETag, the version of what it answers. */
  readonly answersETag: boolean;
  readonly hasBody: boolean;
  /** Path parameters checked by UuidParam, with the record each names (its not-found problem type). */
  readonly uuidParams: readonly { readonly name: string; readonly record: string }[];
  /** Declared by @Sends(): the domain commands it sends and the refusals its handler adds; undefined on a query. */
  readonly sends: SentCommands | undefined;
}

interface RouteArg {
  readonly index: number;
  readonly data?: unknown;
  readonly pipes?: readonly unknown[];
  readonly factory?: unknown;
}

/** Every route of every controller the application registered. */
export function routeFactsOf(app: INestApplication): Map<string, RouteFacts> {
  const reflector = new Reflector();
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      for (const methodName of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[methodName];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const operationId = `${controller.name}_${methodName}`;
        facts.set(operationId, factsOf(operationId, reflector, controller, methodName, handler as MetadataTarget));
      }
    }
  }
  return facts;
}

function factsOf(
  operationId: string,
  reflector: Reflector,
  controller: Type<unknown>,
  methodName: string,
  handler: MetadataTarget,
): RouteFacts {
  const args = Object.entries((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as Record<string, RouteArg>);
  const ofType = (type: RouteParamtypes) => args.filter(([key]) => key.split(':')[0] === String(type)).map(([, arg]) => arg);
  const uuidParams = ofType(RouteParamtypes.PARAM).flatMap((arg) => {
    const pipe = (arg.pipes ?? []).find((candidate) => candidate instanceof UuidParamPipe);
    return pipe && typeof arg.data === 'string' ? [{ name: arg.data, record: pipe.recordNamedBy(arg.data) }] : [];
  });
  return {
    operationId,
    access: accessRuleFor(reflector, [handler, controller]),
    readsIfMatch: args.some(([, arg]) => readsIfMatch(arg.factory)),
    answersETag: reflector.get<boolean | undefined>(ANSWERS_ETAG, handler) === true,
    hasBody: ofType(RouteParamtypes.BODY).length > 0,
    uuidParams,
    sends: reflector.get<SentCommands | undefined>(SENDS, handler),
  };
}
