import type { LogLevel } from '#runtime';
import { JsonLogger } from '#runtime';
import { runInRequestContext } from '../../src/platform/request-context.js';
import { currentRequestIds } from '../../src/platform/logging/request-ids.js';

function capture(level: LogLevel = 'info') {
  const lines: string[] = [];
  const logger = new JsonLogger({ level, requestIds: currentRequestIds, write: (line) => lines.push(line) });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('the JSON logger (pino behind Nest)', () => {
  it('writes one line per entry with level, ISO time, context and message, and no pid or hostname', () => {
    const { logger, lines, entries } = capture();
    logger.log('started', 'Main');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(entries()[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      context: 'Main',
      message: 'started',
    });
  });

  it('keeps an object message as fields, and an error as its message and stack', () => {
    const { logger, entries } = capture();
    logger.warn({ message: 'slow', ms: 12, position: 2n ** 70n });
    logger.error(new Error('broke'), 'Boot');
    const [warned, failed] = entries();
    expect(warned).toEqual({ level: 'warn', time: expect.any(String), message: 'slow', ms: 12, position: '1180591620717411303424' });
    expect(failed).toMatchObject({ level: 'error', context: 'Boot', message: 'broke', stack: expect.stringContaining('Error: broke') });
  });

  it("takes Nest's (message, stack, context) form", () => {
    const { logger, entries } = capture();
    logger.error('failed', 'Error: x\n    at y', 'Nest');
    expect(entries()[0]).toMatchObject({ level: 'error', message: 'failed', stack: 'Error: x\n    at y', context: 'Nest' });
  });

  it("adds the request's ids inside a request", () => {
    const { logger, entries } = capture();
    runInRequestContext({ correlationId: 'c-1', requestId: 'r-1' } as Parameters<typeof runInRequestContext>[0], () =>
      logger.log('in a request'),
    );
    expect(entries()[0]).toMatchObject({ correlationId: 'c-1', requestId: 'r-1', message: 'in a request' });
  });

  it('logs only at or above its level, with verbose below debug', () => {
    const { logger, entries } = capture('debug');
    logger.verbose('too chatty');
    logger.debug('detail');
    logger.fatal('gone');
    expect(entries().map((e) => e.level)).toEqual(['debug', 'fatal']);
    expect(logger.isEnabled('verbose')).toBe(false);
    logger.setLogLevels(['error', 'verbose']);
    expect(logger.isEnabled('verbose')).toBe(true);
    logger.setLogLevels([]);
    expect(logger.isEnabled('fatal')).toBe(false);
  });

  it('never writes credentials or bodies passed as fields', () => {
    const { logger, lines } = capture();
    logger.log({ message: 'oops', authorization: 'Bearer abc.def.ghi', req: { headers: 'x', token: 'tok-1' }, body: { password: 'pw' } });
    expect(lines[0]).not.toMatch(/abc\.def\.ghi|tok-1|"pw"/);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ authorization: '[redacted]', body: '[redacted]', req: { token: '[redacted]' } });
  });
});
