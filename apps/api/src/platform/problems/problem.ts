import { HttpException } from '@nestjs/common';

export const PROBLEM_TYPE_BASE = 'https://actiontrail.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** An RFC 9457 body; extension members sit beside the standard ones. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export interface Problem {
  readonly status: number;
  /** kebab-case; the last segment of the problem type. */
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Throw this from HTTP code for an answer the client caused, with a problem type of your choosing. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem.detail, problem.status);
    this.name = 'ProblemException';
  }

  static of(status: number, code: string, detail: string, errors?: readonly FieldError[]): ProblemException {
    return new ProblemException({ status, code, detail, ...(errors ? { errors } : {}) });
  }
}

export function problemType(code: string): string {
  return `${PROBLEM_TYPE_BASE}${code}`;
}

/** 'idempotency-key-reused' → 'Idempotency key reused': a stable title per type. */
export function titleFor(code: string): string {
  const words = code.replace(/-/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function problemBody(problem: Problem): ProblemBody {
  return {
    ...problem.extensions,
    type: problemType(problem.code),
    title: titleFor(problem.code),
    status: problem.status,
    detail: problem.detail,
    ...(problem.errors && problem.errors.length > 0 ? { errors: problem.errors } : {}),
  };
}
