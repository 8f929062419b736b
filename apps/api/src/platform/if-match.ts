import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ProblemException } from './problems/problem.js';

const CONDITIONAL = Symbol('conditionalRequest');
const ENTITY_TAG = /^(?:W\/)?"(\d{1,15})"$|^(\d{1,15})$/;

type Conditional = { [CONDITIONAL]?: boolean };

/**
 * The stream version a command is conditional on: `If-Match: "3"` (also W/"3" and bare 3) → 3;
 * undefined without If-Match. Marks the request so a ConcurrencyError answers 412 rather than 409.
 */
export function expectedVersionFrom(req: IncomingMessage): number | undefined {
  const header = req.headers['if-match'];
  if (header === undefined) return undefined;
  const match = ENTITY_TAG.exec(header.trim());
  const digits = match?.[1] ?? match?.[2];
  if (digits === undefined) {
    throw ProblemException.of(400, 'invalid-if-match', 'If-Match must be one entity tag holding a version, like "3"');
  }
  (req as Conditional)[CONDITIONAL] = true;
  return Number(digits);
}

export function wasConditional(req: object): boolean {
  return (req as Conditional)[CONDITIONAL] === true;
}

/** The ETag value for a resource at this version: `"3"`. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/** `@IfMatchVersion() expected: number | undefined` in a controller method. */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  expectedVersionFrom(context.switchToHttp().getRequest<IncomingMessage>()),
);
