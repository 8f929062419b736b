import { pino } from 'pino';
import { pinoOptions } from './pino-options.js';

/** The last line of a process that failed to start, on stderr and written before it returns, since process.exit follows. */
export function logFatal(message: string, stack?: string): void {
  pino(pinoOptions('fatal'), pino.destination({ dest: 2, sync: true })).fatal(stack ? { message, stack } : { message });
}
