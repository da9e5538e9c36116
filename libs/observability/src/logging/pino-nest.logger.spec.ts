import { Logger } from '@nestjs/common';
import { createLogger } from './create-logger';
import { PinoNestLogger } from './pino-nest.logger';

function setup(level: 'trace' | 'info' = 'trace') {
  const raw: string[] = [];
  const pinoLogger = createLogger({
    service: 'svc',
    level,
    instanceId: 'svc-1',
    destination: { write: (line: string) => void raw.push(line) },
  });
  const nestLogger = new PinoNestLogger(pinoLogger);
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { pinoLogger, nestLogger, lines };
}

describe('PinoNestLogger', () => {
  it('maps each Nest method to the matching pino level', () => {
    const { nestLogger, lines } = setup();
    nestLogger.log('l');
    nestLogger.warn('w');
    nestLogger.error('e');
    nestLogger.debug('d');
    nestLogger.verbose('v');
    nestLogger.fatal('f');
    expect(lines().map((line) => [line.level, line.msg])).toEqual([
      ['info', 'l'],
      ['warn', 'w'],
      ['error', 'e'],
      ['debug', 'd'],
      ['trace', 'v'],
      ['fatal', 'f'],
    ]);
  });

  it("puts Nest's context argument in a context field", () => {
    const { nestLogger, lines } = setup();
    nestLogger.log('Mapped {/health/live, GET} route', 'RouterExplorer');
    expect(lines()[0]).toMatchObject({ msg: 'Mapped {/health/live, GET} route', context: 'RouterExplorer' });
  });

  it('takes a stack string and the context from error(message, stack, context)', () => {
    const { nestLogger, lines } = setup();
    const stack = new Error('boom').stack!;
    nestLogger.error('boom', stack, 'ExceptionsHandler');
    expect(lines()[0]).toMatchObject({ level: 'error', msg: 'boom', context: 'ExceptionsHandler', stack });
  });

  it('serialises an Error passed as the message with its stack, the way Nest logs unhandled exceptions', () => {
    const { nestLogger, lines } = setup();
    const error = new TypeError('cannot read x of undefined');
    nestLogger.error(error, undefined, 'ExceptionsHandler');
    const [line] = lines();
    expect(line).toMatchObject({ msg: 'cannot read x of undefined', context: 'ExceptionsHandler' });
    expect(line.err).toMatchObject({ type: 'TypeError', message: 'cannot read x of undefined' });
    expect(String((line.err as { stack: string }).stack)).toContain('pino-nest.logger.spec');
  });

  it("works behind Nest's own Logger class, which appends the context itself", () => {
    const { nestLogger, lines } = setup();
    Logger.overrideLogger(nestLogger);
    try {
      new Logger('Bootstrap').log('listening');
      new Logger('Bootstrap').error('failed');
    } finally {
      Logger.overrideLogger(false);
    }
    expect(lines()).toEqual([
      expect.objectContaining({ level: 'info', msg: 'listening', context: 'Bootstrap' }),
      expect.objectContaining({ level: 'error', msg: 'failed', context: 'Bootstrap' }),
    ]);
    expect(lines()[1]).not.toHaveProperty('stack');
  });

  it('merges plain-object parameters into the line and keeps a plain-object message under data', () => {
    const { nestLogger, lines } = setup();
    nestLogger.log('job done', { job_id: 'j1', attempts: 2 }, 'Worker');
    nestLogger.log({ event: 'started' }, 'Worker');
    expect(lines()[0]).toMatchObject({ msg: 'job done', job_id: 'j1', attempts: 2, context: 'Worker' });
    expect(lines()[1]).toMatchObject({ data: { event: 'started' }, context: 'Worker' });
  });

  it('masks secrets in what Nest logs', () => {
    const { nestLogger, lines } = setup();
    nestLogger.error(new Error('connect postgresql://u:pw-123@db/x failed'), undefined, 'Db');
    nestLogger.log('using redis://:redispw@cache:6379', 'Redis');
    expect(JSON.stringify(lines())).not.toMatch(/pw-123|redispw/);
  });

  it('turns setLogLevels into the threshold of the most verbose level kept', () => {
    const { pinoLogger, nestLogger } = setup('info');
    nestLogger.setLogLevels(['error', 'warn']);
    expect(pinoLogger.level).toBe('warn');
    nestLogger.setLogLevels(['log', 'debug', 'error']);
    expect(pinoLogger.level).toBe('debug');
    nestLogger.setLogLevels([]);
    expect(pinoLogger.level).toBe('silent');
  });
});
