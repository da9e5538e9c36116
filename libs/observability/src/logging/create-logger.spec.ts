import { ROOT_CONTEXT, context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { runWithContext } from '../context/request-context';
import { createLogger } from './create-logger';

function capture() {
  const raw: string[] = [];
  const logger = createLogger({
    service: 'guard',
    level: 'trace',
    instanceId: 'guard-1',
    destination: { write: (line: string) => void raw.push(line) },
  });
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, raw, lines };
}

describe('createLogger', () => {
  const manager = new AsyncLocalStorageContextManager();

  beforeAll(() => context.setGlobalContextManager(manager.enable()));
  afterAll(() => {
    context.disable();
  });

  it('writes one JSON line with service, instance, ISO time, level label and message', () => {
    const { logger, lines } = capture();
    logger.info({ count: 3 }, 'started');
    const [line] = lines();
    expect(line).toMatchObject({
      service: 'guard',
      instance: 'guard-1',
      level: 'info',
      msg: 'started',
      count: 3,
    });
    expect(line.time).toEqual(new Date(line.time as string).toISOString());
    expect(line).not.toHaveProperty('pid');
    expect(line).not.toHaveProperty('hostname');
  });

  it('respects the level', () => {
    const raw: string[] = [];
    const logger = createLogger({
      service: 's',
      level: 'warn',
      instanceId: 'i',
      destination: { write: (line: string) => void raw.push(line) },
    });
    logger.info('hidden');
    logger.warn('shown');
    expect(raw).toHaveLength(1);
  });

  it('adds correlation and causation ids of the current request context to every line', () => {
    const { logger, lines } = capture();
    runWithContext(
      { correlationId: 'corr-1', causationId: 'msg-0', messageId: 'msg-1', subject: 'a.b' },
      () => logger.info('inside'),
    );
    logger.info('outside');
    const [inside, outside] = lines();
    expect(inside).toMatchObject({
      correlation_id: 'corr-1',
      causation_id: 'msg-0',
      message_id: 'msg-1',
      subject: 'a.b',
    });
    expect(outside).not.toHaveProperty('correlation_id');
  });

  it('adds trace_id and span_id of the active span', () => {
    const { logger, lines } = capture();
    const spanContext = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    };
    context.with(trace.setSpanContext(ROOT_CONTEXT, spanContext), () => logger.info('traced'));
    logger.info('untraced');
    const [traced, untraced] = lines();
    expect(traced).toMatchObject({ trace_id: spanContext.traceId, span_id: spanContext.spanId });
    expect(untraced).not.toHaveProperty('trace_id');
  });

  it('never writes the password of a DATABASE_URL, in fields or in the message', () => {
    const { logger, raw } = capture();
    const url = 'postgresql://rampart:Sup3rS3cret@db.internal:5432/rampart';
    logger.info({ DATABASE_URL: url, config: { database: { url } } }, `connecting to ${url}`);
    logger.info('connecting to %s', url);
    const output = raw.join('');
    expect(output).not.toContain('Sup3rS3cret');
    expect(output).toContain('postgresql://rampart:***@db.internal:5432/rampart');
  });

  it('never writes an Authorization header', () => {
    const { logger, raw, lines } = capture();
    logger.info({ headers: { authorization: 'Bearer abc.def.ghi-123456', accept: 'json' } }, 'request');
    logger.info({ req: { headers: { Authorization: 'Basic dXNlcjpwYXNz' } } }, 'request');
    logger.warn('upstream said: Authorization: Bearer sk-live-abcdefghijklmnopqrstu');
    const output = raw.join('');
    expect(output).not.toContain('abc.def.ghi');
    expect(output).not.toContain('dXNlcjpwYXNz');
    expect(output).not.toContain('abcdefghijklmnopqrstu');
    expect(lines()[0]).toMatchObject({ headers: { authorization: '[REDACTED]', accept: 'json' } });
  });

  it('never writes a token nested deep in an object', () => {
    const { logger, raw } = capture();
    logger.info({
      job: { payload: { integrations: [{ slack: { botToken: 'xoxb-1234567890-abcdefghij' } }] } },
    });
    logger.info({ a: { b: { c: { d: { e: { token: 'plain-opaque-value' } } } } } }, 'deep');
    const output = raw.join('');
    expect(output).not.toContain('1234567890-abcdefghij');
    expect(output).not.toContain('plain-opaque-value');
  });

  it('keeps token counts, which are data on an LLM platform and not secrets', () => {
    const { logger, lines } = capture();
    logger.info({ prompt_tokens: 120, max_tokens: 512 }, 'completion');
    expect(lines()[0]).toMatchObject({ prompt_tokens: 120, max_tokens: 512 });
  });

  it('serialises errors with their stack and masks credentials in them', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('cannot reach redis://:hunter22@cache:6379'), {
      code: 'ECONNREFUSED',
    });
    logger.error(error);
    logger.error({ err: error }, 'explicit');
    const [first, second] = lines();
    expect(first).toMatchObject({ level: 'error', msg: 'cannot reach redis://:***@cache:6379' });
    expect(first.err).toMatchObject({ type: 'Error', code: 'ECONNREFUSED' });
    expect(String((first.err as { stack: string }).stack)).toContain('at ');
    expect(JSON.stringify([first, second])).not.toContain('hunter22');
    expect(second).toMatchObject({
      msg: 'explicit',
      err: { message: 'cannot reach redis://:***@cache:6379' },
    });
  });

  it('masks secrets in child logger bindings', () => {
    const { logger, raw } = capture();
    logger.child({ url: 'nats://svc:natspw99@nats:4222', apiKey: 'k' }).info('child');
    expect(raw.join('')).not.toMatch(/natspw99|"apiKey":"k"/);
  });
});
