import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentEvent } from '../agent/events';
import { TextDeltaCoalescer } from './text-delta-coalescer';

afterEach(() => {
  vi.useRealTimers();
});

describe('TextDeltaCoalescer', () => {
  it('passes the first text on at once, joins what follows within the interval, and keeps the order', () => {
    vi.useFakeTimers();
    let clock = 0;
    const emitted: AgentEvent[] = [];
    const coalescer = new TextDeltaCoalescer((event) => emitted.push(event), 16, () => clock);
    coalescer.push({ type: 'text-delta', text: 'Hel' });
    coalescer.push({ type: 'text-delta', text: 'lo ' });
    coalescer.push({ type: 'text-delta', text: 'wor' });
    expect(emitted).toEqual([{ type: 'text-delta', text: 'Hel' }]);
    clock = 16;
    vi.advanceTimersByTime(16);
    expect(emitted.at(-1)).toEqual({ type: 'text-delta', text: 'lo wor' });
    coalescer.push({ type: 'text-delta', text: 'ld' });
    coalescer.push({ type: 'run-end', text: 'Hello world', steps: 1 });
    expect(emitted.slice(2)).toEqual([{ type: 'text-delta', text: 'ld' }, { type: 'run-end', text: 'Hello world', steps: 1 }]);
    expect(emitted.filter((event) => event.type === 'text-delta').map((event) => (event.type === 'text-delta' ? event.text : '')).join('')).toBe('Hello world');
  });

  it('passes text after a pause on at once', () => {
    let clock = 0;
    const emitted: AgentEvent[] = [];
    const coalescer = new TextDeltaCoalescer((event) => emitted.push(event), 16, () => clock);
    coalescer.push({ type: 'text-delta', text: 'a' });
    clock = 100;
    coalescer.push({ type: 'text-delta', text: 'b' });
    expect(emitted).toEqual([{ type: 'text-delta', text: 'a' }, { type: 'text-delta', text: 'b' }]);
  });
});
