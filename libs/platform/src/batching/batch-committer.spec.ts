import { BatchCommitter } from './batch-committer';

describe('BatchCommitter', () => {
  it('commits items that arrive together in one batch and settles each after its commit', async () => {
    const commits: number[][] = [];
    const committer = new BatchCommitter<number>({
      commit: async (batch) => void commits.push([...batch]),
      maxBatch: 10,
      maxWaitMs: 5,
    });
    await Promise.all([1, 2, 3].map((n) => committer.submit(n)));
    expect(commits).toEqual([[1, 2, 3]]);
  });

  it('starts a commit as soon as a batch is full, without waiting', async () => {
    const commits: number[][] = [];
    const committer = new BatchCommitter<number>({
      commit: async (batch) => void commits.push([...batch]),
      maxBatch: 2,
      maxWaitMs: 60_000,
    });
    await Promise.all([1, 2, 3, 4].map((n) => committer.submit(n)));
    expect(commits).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('writes a failed batch item by item, so only the bad item fails', async () => {
    const failures: number[] = [];
    const committer = new BatchCommitter<number>({
      commit: async (batch) => {
        if (batch.includes(2)) throw new Error(`bad ${batch.join(',')}`);
      },
      maxBatch: 10,
      maxWaitMs: 1,
      onBatchFailed: (_error, size) => failures.push(size),
    });
    const results = await Promise.allSettled([1, 2, 3].map((n) => committer.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('bad 2'));
    expect(failures).toEqual([3]);
  });
});
