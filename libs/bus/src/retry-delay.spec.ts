import { retryDelayMs } from './retry-delay';
import { Semaphore } from './semaphore';

describe('retry delay', () => {
  it('doubles with each attempt up to the maximum', () => {
    const noJitter = () => 0.5;
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, 100, 1_000, noJitter))).toEqual([
      100, 200, 400, 800, 1_000,
    ]);
  });

  it('spreads retries by at most 20% either way but never past the maximum', () => {
    expect(retryDelayMs(1, 1_000, 60_000, () => 0)).toBe(800);
    expect(retryDelayMs(1, 1_000, 60_000, () => 1)).toBe(1_200);
    expect(retryDelayMs(20, 1_000, 5_000, () => 1)).toBe(5_000);
  });
});

describe('semaphore', () => {
  it('lets at most `size` holders run and wakes waiters in order', async () => {
    const semaphore = new Semaphore(2);
    const order: string[] = [];
    await semaphore.acquire();
    await semaphore.acquire();
    const third = semaphore.acquire().then(() => order.push('third'));
    const fourth = semaphore.acquire().then(() => order.push('fourth'));
    await Promise.resolve();
    expect(order).toEqual([]);
    semaphore.release();
    await third;
    semaphore.release();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
  });
});
