interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface BatchCommitterOptions<T> {
  /** Writes a batch in one transaction; items of a batch that throws are retried one by one. */
  commit(batch: readonly T[]): Promise<void>;
  /** Most items in one commit. */
  maxBatch: number;
  /** Longest an item waits for others to share its commit. */
  maxWaitMs: number;
  /** Told when a batch failed and is being written item by item. */
  onBatchFailed?(error: unknown, size: number): void;
}

/**
 * Groups writes into batches, so a stream of small effects costs one transaction per batch instead of one
 * per item (a transaction costs the same handful of round trips whether it holds one row or a hundred).
 * Each `submit` settles after the commit that holds its item. A batch that fails is written again one item
 * per commit, so one bad item cannot fail the others that happened to share its batch.
 */
export class BatchCommitter<T> {
  private queue: Pending<T>[] = [];
  private timer?: NodeJS.Timeout;
  private writing?: Promise<void>;

  constructor(private readonly options: BatchCommitterOptions<T>) {}

  /** Resolves once the item is committed; rejects with the error of its own (single-item) commit. */
  submit(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.options.maxBatch) this.start();
      else this.timer ??= setTimeout(() => this.start(), this.options.maxWaitMs);
    });
  }

  private start(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // One batch at a time: what arrives meanwhile forms the next batch, written as soon as this one is.
    this.writing ??= this.drain().finally(() => (this.writing = undefined));
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      try {
        await this.options.commit(batch.map((p) => p.item));
        for (const pending of batch) pending.resolve();
      } catch (error) {
        if (batch.length === 1) {
          batch[0].reject(error);
          continue;
        }
        this.options.onBatchFailed?.(error, batch.length);
        for (const pending of batch) {
          await this.options.commit([pending.item]).then(pending.resolve, pending.reject);
        }
      }
    }
  }
}
