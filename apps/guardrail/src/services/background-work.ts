/**
 * Work a check starts after it has replied (publishing its decision, remembering the conversation's risk,
 * shadow evaluation): tracked so that a graceful shutdown waits for it instead of dropping it.
 */
export class BackgroundWork {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly onError: (error: unknown, what: string) => void) {}

  run(what: string, work: () => Promise<unknown>): void {
    const task = work()
      .catch((error: unknown) => this.onError(error, what))
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  get size(): number {
    return this.pending.size;
  }

  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
