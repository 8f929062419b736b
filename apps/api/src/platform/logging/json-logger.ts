import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import type { LogLevel } from '../../config/app-config.js';
import { currentRequestContext } from '../request-context.js';

const SEVERITY: Record<LogLevel, number> = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, verbose: 5 };
const FROM_NEST: Record<NestLogLevel, LogLevel> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'verbose' };

export type LogWriter = (line: string) => void;

export interface JsonLoggerOptions {
  readonly level?: LogLevel;
  /** Where lines go; stdout unless a test captures them. */
  readonly write?: LogWriter;
}

/** The application logger: one JSON object per line, with the request's ids when there is a request. */
export class JsonLogger implements LoggerService {
  private threshold: number;
  private readonly write: LogWriter;

  constructor(options: JsonLoggerOptions = {}) {
    this.threshold = SEVERITY[options.level ?? 'info'];
    this.write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.emit('info', message, params);
  }
  info(message: unknown, ...params: unknown[]): void {
    this.emit('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.emit('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.emit('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.emit('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.emit('fatal', message, params);
  }

  setLogLevels(levels: NestLogLevel[]): void {
    const mapped = levels.map((level) => SEVERITY[FROM_NEST[level]]);
    this.threshold = mapped.length > 0 ? Math.max(...mapped) : -1;
  }

  isEnabled(level: LogLevel): boolean {
    return SEVERITY[level] <= this.threshold;
  }

  /** Nest passes (message, context) or (message, stack, context); an object message adds its fields. */
  private emit(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.isEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const stack = rest.find((p): p is string => typeof p === 'string' && p.includes('\n'));
    const request = currentRequestContext();
    const fields = typeof message === 'object' && message !== null && !(message instanceof Error)
      ? (message as Record<string, unknown>)
      : { message: message instanceof Error ? message.message : String(message) };
    const entry = {
      level,
      time: new Date().toISOString(),
      ...(context ? { context } : {}),
      ...(request ? { correlationId: request.correlationId, requestId: request.requestId } : {}),
      ...fields,
      ...(stack ? { stack } : {}),
      ...(message instanceof Error && message.stack ? { stack: message.stack } : {}),
    };
    this.write(JSON.stringify(entry, bigintAsText));
  }
}

function bigintAsText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
