import { ValidationPipe, type ValidationError } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';
import type { FieldError } from '../problems/problem.js';
import { RequestValidationError } from './request-validation.error.js';

/** Enough to fix a request; a huge array of bad items must not produce a huge answer. */
const MAX_FIELD_ERRORS = 100;

/**
 * The one global pipe. The validator and transformer packages are passed in rather than loaded by Nest,
 * so the DTOs' decorators and the pipe share one metadata store even under ESM loaders that duplicate modules.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validatorPackage: classValidator,
    transformerPackage: classTransformer,
    exceptionFactory: (errors: ValidationError[]) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}

/** Nested errors become dotted paths: parts → 0 → label is `parts.0.label`. */
export function flattenValidationErrors(errors: readonly ValidationError[]): FieldError[] {
  const flat: FieldError[] = [];
  const pending: { error: ValidationError; parent: string }[] = errors.map((error) => ({ error, parent: '' }));
  while (pending.length > 0 && flat.length < MAX_FIELD_ERRORS) {
    const { error, parent } = pending.shift()!;
    const field = [parent, error.property].filter((part) => part !== undefined && part !== '').join('.');
    for (const message of Object.values(error.constraints ?? {})) {
      flat.push({ field: field || '(body)', message: String(message) });
    }
    for (const child of error.children ?? []) pending.push({ error: child, parent: field });
  }
  return flat.slice(0, MAX_FIELD_ERRORS);
}
