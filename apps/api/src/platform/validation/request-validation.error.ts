import type { FieldError } from '../problems/problem.js';

/** A request that fails validation: answered 400 'validation-failed' with one entry per broken rule. */
export class RequestValidationError extends Error {
  constructor(
    readonly errors: readonly FieldError[],
    message = 'The request is not valid; see errors',
  ) {
    super(message);
    this.name = 'RequestValidationError';
  }
}
