// Streamed text comes a few characters per event; passing each one on (a message between extension
// contexts, a render) cost more than the model took to write them. Text that follows other text within
// an interval is joined into one delta; text after a pause, and every other event, goes on at once.
import type { AgentEvent } from '../agent/events';

export class TextDeltaCoalescer {
  private buffered = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastEmitted = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly emit: (event: AgentEvent) => void,
    private readonly intervalMs = 16,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(event: AgentEvent): void {
    if (event.type !== 'text-delta') {
      this.flush();
      this.emit(event);
      return;
    }
    if (this.buffered === '' && this.now() - this.lastEmitted >= this.intervalMs) {
      this.lastEmitted = this.now();
      this.emit(event);
      return;
    }
    this.buffered += event.text;
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Passes on any text still held (before another event, and when the run ends). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffered === '') return;
    const text = this.buffered;
    this.buffered = '';
    this.lastEmitted = this.now();
    this.emit({ type: 'text-delta', text });
  }
}
