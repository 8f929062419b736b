/** How a refusal maps onto HTTP later: not-found → 404, forbidden → 403, conflict → 409, invalid → 422. */
export type DomainErrorKind = 'not-found' | 'forbidden' | 'conflict' | 'invalid';

export class DomainError extends Error {
  constructor(
    /** kebab-case name of the rule that refused; becomes the problem `type`. */
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, 'not-found', message, details);
    this.name = 'NotFoundError';
  }
}

/** The caller may send this command, but not with these values (an officer dating a report in the past). */
export class ForbiddenError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, 'forbidden', message, details);
    this.name = 'ForbiddenError';
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, 'conflict', message, details);
    this.name = 'ConflictError';
  }
}

export class InvalidError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, 'invalid', message, details);
    this.name = 'InvalidError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

export const notFound = (code: string, message: string, details?: Record<string, unknown>): NotFoundError =>
  new NotFoundError(code, message, details);

export const forbidden = (code: string, message: string, details?: Record<string, unknown>): ForbiddenError =>
  new ForbiddenError(code, message, details);

export const conflict = (code: string, message: string, details?: Record<string, unknown>): ConflictError =>
  new ConflictError(code, message, details);

export const invalid = (code: string, message: string, details?: Record<string, unknown>): InvalidError =>
  new InvalidError(code, message, details);

/** Reached only when a caller casts an unknown command past the type system. */
export const unknownCommand = (command: unknown): never => {
  const type = (command as { type?: unknown } | null)?.type;
  throw invalid('command-unknown', `Unknown command ${String(type)}`, { type });
};
