export interface MicroBatcherOptions {
  /** The most items one batch takes; more go in the next. */
  maxItems: number;
  /** How long the first item waits for others; 0: only those added before the next turn of the event loop. */
  lingerMs: number;
  /**
   * Whether a batch that failed with `error` should be tried again item by item, so that one
   * item that cannot be done (a poison) fails alone. Errors that would fail every item alike
   * (the database unreachable) should not be: each item fails with them at once.
   */
  isolate?(error: unknown): boolean;
}

interface Pending<In, Out> {
  item: In;
  resolve(value: Out): void;
  reject(error: unknown): void;
}

/**
 * Gathers work that many callers ask for at about the same time (the checks that many jobs
 * record, the determinations they store) into batches done at once: one transaction, one
 * statement per kind of row, for all of them. `run` answers one result per item, in order.
 * Batches run one after the other; what is added meanwhile goes in the next, as soon as the
 * one running is done.
 */
export class MicroBatcher<In, Out> {
  private queued: Pending<In, Out>[] = [];
  private timer?: NodeJS.Timeout | NodeJS.Immediate;
  private running?: Promise<void>;

  constructor(
    private readonly run: (items: In[]) => Promise<Out[]>,
    private readonly options: MicroBatcherOptions,
  ) {}

  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.timer) return;
    if (this.queued.length >= this.options.maxItems) {
      this.flush();
    } else if (this.options.lingerMs > 0) {
      this.timer = setTimeout(() => this.flush(), this.options.lingerMs);
    } else {
      this.timer = setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    clearTimeout(this.timer as NodeJS.Timeout);
    clearImmediate(this.timer as NodeJS.Immediate);
    this.timer = undefined;
    const batch = this.queued.splice(0, this.options.maxItems);
    if (batch.length === 0) return;
    this.running = this.runBatch(batch).finally(() => {
      this.running = undefined;
      // What came meanwhile has waited as long as the batch took: it goes at once.
      if (this.queued.length > 0) this.flush();
    });
  }

  private async runBatch(batch: Pending<In, Out>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((pending) => pending.item));
      batch.forEach((pending, i) => pending.resolve(results[i]));
    } catch (error) {
      if (batch.length > 1 && this.options.isolate?.(error)) {
        for (const pending of batch) await this.runBatch([pending]);
        return;
      }
      for (const pending of batch) pending.reject(error);
    }
  }
}
