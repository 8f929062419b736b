import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RequestValidationError } from '../../../apps/api/src/platform/validation/request-validation.error.js';

/** Answers every error as a small problem body through the adapter host, as the api's filter does on Express. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const response: unknown = host.switchToHttp().getResponse();
    const status = statusOf(error);
    const body = {
      type: 'about:blank',
      title: HttpStatus[status] ?? 'Error',
      status,
      detail: error instanceof Error ? error.message : 'Unexpected error',
      ...(error instanceof RequestValidationError ? { errors: error.errors } : {}),
    };
    httpAdapter.setHeader(response, 'content-type', 'application/problem+json');
    httpAdapter.reply(response, body, status);
  }
}

function statusOf(error: unknown): number {
  if (error instanceof RequestValidationError) return HttpStatus.BAD_REQUEST;
  if (error instanceof HttpException) return error.getStatus();
  return HttpStatus.INTERNAL_SERVER_ERROR;
}
