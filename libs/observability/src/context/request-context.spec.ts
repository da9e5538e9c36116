import {
  currentContext,
  currentCorrelationId,
  isValidCorrelationId,
  newCorrelationId,
  runWithContext,
} from './request-context';

describe('request context', () => {
  it('is undefined outside runWithContext', () => {
    expect(currentContext()).toBeUndefined();
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('follows the work across awaits and timers started inside runWithContext', async () => {
    const seen = await runWithContext({ correlationId: 'c-1', causationId: 'm-0' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const afterTimer = currentContext();
      const inCallback = await new Promise((resolve) => setImmediate(() => resolve(currentCorrelationId())));
      return { afterTimer, inCallback };
    });
    expect(seen.afterTimer).toEqual({ correlationId: 'c-1', causationId: 'm-0' });
    expect(seen.inCallback).toBe('c-1');
  });

  it('keeps concurrent requests apart', async () => {
    const run = (id: string, delay: number) =>
      runWithContext({ correlationId: id }, async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        return currentCorrelationId();
      });
    await expect(Promise.all([run('a', 5), run('b', 1)])).resolves.toEqual(['a', 'b']);
  });

  it('restores the outer context when a nested one ends', () => {
    runWithContext({ correlationId: 'outer' }, () => {
      runWithContext({ correlationId: 'inner', causationId: 'outer-msg' }, () => {
        expect(currentCorrelationId()).toBe('inner');
      });
      expect(currentCorrelationId()).toBe('outer');
    });
  });

  it('returns what fn returns', () => {
    expect(runWithContext({ correlationId: 'x' }, () => 42)).toBe(42);
  });

  it('makes version 4 uuids as new correlation ids', () => {
    const id = newCorrelationId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newCorrelationId()).not.toBe(id);
  });

  it.each([
    ['a uuid', newCorrelationId(), true],
    ['dots, colons, dashes and underscores', 'req:web.1_a-b', true],
    ['128 characters', 'a'.repeat(128), true],
    ['129 characters', 'a'.repeat(129), false],
    ['an empty string', '', false],
    ['a space', 'a b', false],
    ['a newline (log forging)', 'abc\n{"level":"fatal"}', false],
    ['a slash', 'a/b', false],
    ['an array (repeated header)', ['a', 'b'], false],
    ['undefined', undefined, false],
  ])('accepts as correlation id %s: %s', (_label, value, valid) => {
    expect(isValidCorrelationId(value)).toBe(valid);
  });
});
