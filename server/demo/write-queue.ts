// Keeps a couple of batch writes in flight while the next batch is generated: on a PostgreSQL server
// two inserts proceed in parallel and JavaScript generation overlaps database work (PGlite, with one
// connection, simply queues them). The first failure is rethrown after the writes in flight settle.
export class WriteQueue {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit = 2) {}

  /** Starts `write` once a slot is free. Throws an earlier write's failure instead of starting. */
  async push(write: () => Promise<void>): Promise<void> {
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    if (this.failure) {
      await this.drain();
      return;
    }
    const running: Promise<void> = write()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  /** Waits for every write; rethrows the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure.error;
  }
}
