// The resource limits of one sandbox run, and their defaults.

export interface SandboxLimits {
  /** Wall-clock deadline for the script, enforced through QuickJS's interrupt handler. */
  timeoutMs: number;
  /** Heap the script may use (page data included); at least 16 MiB is always available. */
  memoryBytes: number;
  /** QuickJS's own stack limit; recursion past it ends with a StackOverflow error. */
  stackBytes: number;
  /** Cap on value + views + logs, measured as UTF-8 JSON. */
  outputBytes: number;
  /** How many console lines are kept; later lines are counted, not stored. */
  logLines: number;
}

/**
 * stackBytes is 256 KiB rather than 512 KiB: measured in Node 20, QuickJS's check at 512 KiB never
 * fires before the host's own (V8) stack runs out, because each interpreted call costs far more
 * native stack than the C stack QuickJS counts. At 256 KiB plain recursion gets a clean error
 * (about 1,500 frames deep); the rare host overflow left over is still caught by the runner.
 */
export const DEFAULT_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  timeoutMs: 1000,
  memoryBytes: 32 * 1024 * 1024,
  stackBytes: 256 * 1024,
  outputBytes: 64 * 1024,
  logLines: 200,
});

/** Longest console line kept, in characters; longer ones are cut with a note. */
export const LOG_LINE_CHARS = 2000;

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The defaults with the given overrides; an override that is not a positive number is ignored. */
export function resolveLimits(overrides: Partial<SandboxLimits> = {}): SandboxLimits {
  return {
    timeoutMs: positiveOr(overrides.timeoutMs, DEFAULT_LIMITS.timeoutMs),
    memoryBytes: Math.floor(positiveOr(overrides.memoryBytes, DEFAULT_LIMITS.memoryBytes)),
    stackBytes: Math.floor(positiveOr(overrides.stackBytes, DEFAULT_LIMITS.stackBytes)),
    outputBytes: Math.floor(positiveOr(overrides.outputBytes, DEFAULT_LIMITS.outputBytes)),
    logLines: Math.floor(positiveOr(overrides.logLines, DEFAULT_LIMITS.logLines)),
  };
}
