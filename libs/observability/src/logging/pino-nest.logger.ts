import { Inject, Injectable, type LogLevel as NestLogLevel, type LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { LOGGER } from '../observability.constants';

// Nest's levels from the most to the least verbose, with the pino level each one writes at.
const NEST_TO_PINO: ReadonlyArray<[NestLogLevel, Level]> = [
  ['verbose', 'trace'],
  ['debug', 'debug'],
  ['log', 'info'],
  ['warn', 'warn'],
  ['error', 'error'],
  ['fatal', 'fatal'],
];

// Same test as Nest's ConsoleLogger, so a stack passed as a string is recognised the way Nest means it.
const STACK = /\n[ \t]+at .+:\d+:\d+/;

interface ParsedCall {
  fields: Record<string, unknown>;
  message: string | undefined;
}

/**
 * Nest's LoggerService on top of the platform's pino logger, so that the framework's own lines (startup,
 * route mapping, unhandled exceptions) are JSON with the same fields as everything else. Accepts the
 * calling conventions of Nest's ConsoleLogger: a trailing string is the context, and for error and fatal
 * a string that looks like a stack trace is the stack.
 */
@Injectable()
export class PinoNestLogger implements LoggerService {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('info', parse(message, optionalParams, false));
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', parse(message, optionalParams, true));
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', parse(message, optionalParams, false));
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', parse(message, optionalParams, false));
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('trace', parse(message, optionalParams, false));
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', parse(message, optionalParams, true));
  }

  /** Nest passes the levels to keep; pino has a threshold, so the most verbose one kept becomes it. */
  setLogLevels(levels: NestLogLevel[]): void {
    const kept = NEST_TO_PINO.find(([nest]) => levels.includes(nest));
    this.logger.level = kept ? kept[1] : 'silent';
  }

  private write(level: Level, { fields, message }: ParsedCall): void {
    if (!this.logger.isLevelEnabled(level)) return;
    if (message === undefined) this.logger[level](fields);
    else this.logger[level](fields, message);
  }
}

function parse(message: unknown, optionalParams: unknown[], mayHaveStack: boolean): ParsedCall {
  const params = [...optionalParams];
  const fields: Record<string, unknown> = {};
  // Nest's Logger appends its context last, after an `undefined` stack for error() without one.
  if (
    params.length > 0 &&
    typeof params[params.length - 1] === 'string' &&
    !isStack(params[params.length - 1])
  ) {
    fields.context = params.pop();
  }
  if (mayHaveStack && params.length > 0) {
    const last = params[params.length - 1];
    if (last === undefined) params.pop();
    else if (isStack(last)) fields.stack = params.pop();
  }
  let text: string | undefined;
  if (message instanceof Error) {
    fields.err = message;
    text = message.message;
  } else if (typeof message === 'string') {
    text = message;
  } else if (typeof message === 'object' && message !== null) {
    fields.data = message;
  } else if (message !== undefined) {
    text = primitiveText(message);
  }
  const extra: unknown[] = [];
  for (const param of params) {
    if (param instanceof Error && fields.err === undefined) fields.err = param;
    else if (isPlainObject(param)) Object.assign(fields, param);
    else if (param !== undefined) extra.push(param);
  }
  if (extra.length > 0) fields.params = extra;
  return { fields, message: text };
}

function primitiveText(value: unknown): string {
  switch (typeof value) {
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[function ${value.name}]`;
    case 'string':
    case 'object':
    case 'undefined':
      return '';
  }
}

function isStack(value: unknown): value is string {
  return typeof value === 'string' && STACK.test(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
