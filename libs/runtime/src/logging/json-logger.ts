import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/app-config.js';
import { pinoOptions } from './pino-options.js';

const FROM_NEST: Record<NestLogLevel, LogLevel> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'verbose',
};
const MOST_VERBOSE_FIRST: readonly LogLevel[] = ['verbose', 'debug', 'info', 'warn', 'error', 'fatal'];

export type LogWriter = (line: string) => void;

export interface JsonLoggerOptions {
  readonly level?: LogLevel;
  /** Where lines go, without their newline; stdout unless a test captures them. */
  readonly write?: LogWriter;
  /** The ids of the request being served, if any: an app with requests says how to find them. */
  readonly requestIds?: () => RequestIds | undefined;
}

export interface RequestIds {
  readonly correlationId: string;
  readonly requestId: string;
}

/**
 * The application logger: pino behind Nest's LoggerService (nestjs-pino's peer range stops at Nest 11), one JSON
 * object per line with the request's ids when there is a request.
 */
export class JsonLogger implements LoggerService {
  private readonly pino: Logger<'verbose'>;
  private readonly requestIds: () => RequestIds | undefined;

  constructor(options: JsonLoggerOptions = {}) {
    this.requestIds = options.requestIds ?? (() => undefined);
    const write = options.write;
    const destination: DestinationStream | undefined = write && { write: (line) => write(line.endsWith('\n') ? line.slice(0, -1) : line) };
    // pino's own stdout destination writes synchronously, so a line logged just before process.exit is not lost.
    this.pino = destination ? pino(pinoOptions(options.level ?? 'info'), destination) : pino(pinoOptions(options.level ?? 'info'));
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
    const wanted = new Set(levels.map((level) => FROM_NEST[level]));
    this.pino.level = MOST_VERBOSE_FIRST.find((level) => wanted.has(level)) ?? 'silent';
  }

  isEnabled(level: LogLevel): boolean {
    return this.pino.isLevelEnabled(level);
  }

  /** Nest passes (message, context) or (message, stack, context); an object message adds its fields. */
  private emit(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const stack = rest.find((p): p is string => typeof p === 'string' && p.includes('\n'));
    const request = this.requestIds();
    const fields =
      typeof message === 'object' && message !== null && !(message instanceof Error)
        ? (message as Record<string, unknown>)
        : { message: message instanceof Error ? message.message : String(message) };
    this.pino[level]({
      ...(context ? { context } : {}),
      ...(request ? { correlationId: request.correlationId, requestId: request.requestId } : {}),
      ...fields,
      ...(stack ? { stack } : {}),
      ...(message instanceof Error && message.stack ? { stack: message.stack } : {}),
    });
  }
}
