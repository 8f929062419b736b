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
    exceptionFactory: (errors: ValidationError[]) => {
      const flat = flattenValidationErrors(errors);
      return new RequestValidationError(flat, summaryOf(flat));
    },
  });
}

/** The detail names what to fix: the first few messages, then how many more the errors list holds. */
const SUMMARISED = 3;

/**
 * Nested errors become dotted paths: parts → 0 → label is `parts.0.label`. One message per field: the first rule,
 * in the order the DTO writes them, that the value breaks (class-validator stops at the last-written one, which for
 * a number sent as a name is its length, not its type). A field left out (or null) is only "<field> is required":
 * the rules about its type and length say nothing useful about a value that is not there. A field the DTO
 * does not declare (whitelist) is present, so it keeps its own message.
 */
export function flattenValidationErrors(errors: readonly ValidationError[]): FieldError[] {
  const flat: FieldError[] = [];
  const pending: { error: ValidationError; parent: string }[] = errors.map((error) => ({ error, parent: '' }));
  while (pending.length > 0 && flat.length < MAX_FIELD_ERRORS) {
    const { error, parent } = pending.shift()!;
    const field = [parent, error.property].filter((part) => part !== undefined && part !== '').join('.') || '(body)';
    const messages = Object.values(error.constraints ?? {}).map(String);
    // Decorators apply bottom-up, so the constraints are listed last-written first.
    if (messages.length > 0) flat.push({ field, message: isMissing(error) ? requiredMessage(error, field, messages) : messages.at(-1)! });
    for (const child of error.children ?? []) pending.push({ error: child, parent: field === '(body)' ? '' : field });
  }
  return flat.slice(0, MAX_FIELD_ERRORS);
}

/** A DTO may say more about a missing field (what to send instead); otherwise "<field> is required". */
function requiredMessage(error: ValidationError, field: string, messages: readonly string[]): string {
  return messages.find((message) => message.startsWith(`${error.property} is required`)) ?? `${field} is required`;
}

function isMissing(error: ValidationError): boolean {
  return (error.value === undefined || error.value === null) && !('whitelistValidation' in (error.constraints ?? {}));
}

export function summaryOf(errors: readonly FieldError[]): string {
  if (errors.length === 0) return 'The request is not valid';
  const shown = errors.slice(0, SUMMARISED).map((error) => error.message);
  const more = errors.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? ` (and ${more} more; see errors)` : ''}`;
}
