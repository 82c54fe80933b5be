// The deadline and the stop signal of one run, polled by QuickJS's interrupt handler.

export type StopReason = 'timeout' | 'aborted';

export class RunClock {
  private deadline: number;
  private reason: StopReason | undefined;

  constructor(
    private readonly budgetMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.deadline = performance.now() + budgetMs;
  }

  /** The interrupt handler: true stops the VM with an uncatchable "interrupted" error. */
  readonly shouldInterrupt = (): boolean => {
    if (this.signal?.aborted) this.reason ??= 'aborted';
    else if (performance.now() > this.deadline) this.reason ??= 'timeout';
    return this.reason !== undefined;
  };

  /** Why the VM was interrupted since the last `restart`, if it was. */
  get stopReason(): StopReason | undefined {
    return this.reason;
  }

  /** A fresh budget for the next phase: the script's own, or `budgetMs` for the runner's work around it. */
  restart(budgetMs: number = this.budgetMs): void {
    this.reason = undefined;
    this.deadline = performance.now() + budgetMs;
  }
}
