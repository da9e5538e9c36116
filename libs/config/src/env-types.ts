import { z } from 'zod';

/** Reusable environment variable types; each error message says what was expected. */

export function urlWithProtocols(protocols: readonly string[], example: string) {
  return z.string().superRefine((value, ctx) => {
    for (const part of value.split(',')) {
      let url: URL;
      try {
        url = new URL(part.trim());
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: `expected a URL such as ${example}, got "${redactUrl(part)}"`,
        });
        return;
      }
      if (!protocols.includes(url.protocol.replace(/:$/, ''))) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a ${protocols.join(' or ')} URL such as ${example}, got "${redactUrl(part)}"`,
        });
      }
    }
  });
}

export function port() {
  return z.coerce
    .number({ message: 'expected a port number' })
    .int('expected a whole number')
    .min(1, 'expected a port between 1 and 65535')
    .max(65535, 'expected a port between 1 and 65535');
}

export function positiveInt(max = Number.MAX_SAFE_INTEGER) {
  return z.coerce
    .number({ message: 'expected a number' })
    .int('expected a whole number')
    .min(0, 'expected zero or more')
    .max(max, `expected at most ${max}`);
}

export function boolean() {
  return z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .transform((value) => value === 'true' || value === '1' || value === 'yes');
}

/** Masks the password of a URL so it can be printed in errors and start-up logs. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    for (const key of [...url.searchParams.keys()]) {
      if (/pass|secret|token|key/i.test(key)) url.searchParams.set(key, '***');
    }
    return url.toString();
  } catch {
    return value.replace(/\/\/([^:/@]+):[^@]+@/, '//$1:***@');
  }
}
