// Loads the QuickJS WebAssembly module once and caches it. The variant is chosen here and only here,
// imported on its own: quickjs-emscripten's umbrella package would load three more variants' modules.
// When the .wasm has a URL (the extension), it is compiled once and every instance is made from that
// compiled module; under Node, Emscripten reads and compiles the file next to the package itself.
import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import { DEFAULT_LIMITS } from './limits';
import { sandboxWasmLocation } from './wasm-location';

const WASM_PAGE_BYTES = 64 * 1024;
/** The release build's memory import asks for at least 256 pages (16 MiB). */
const MINIMUM_PAGES = 256;
/** Static data and the 5 MiB C stack sit below the heap in the module's memory. */
const RESERVED_BYTES = 6 * 1024 * 1024;

/**
 * QuickJS's own memory limit counts allocations, not bytes, in the Emscripten build (its
 * malloc_usable_size is a stub returning 0), so it never stops a growing heap. The real cap is the
 * WebAssembly memory itself: its maximum makes malloc fail and QuickJS throw "out of memory".
 */
export function sandboxMemoryFor(memoryBytes: number): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: MINIMUM_PAGES, maximum: maximumPagesFor(memoryBytes) });
}

function maximumPagesFor(memoryBytes: number): number {
  return Math.max(MINIMUM_PAGES, Math.ceil((memoryBytes + RESERVED_BYTES) / WASM_PAGE_BYTES));
}

const memories = new WeakMap<QuickJSWASMModule, { memory: WebAssembly.Memory; maximumBytes: number }>();

let compiled: { location: string; module: Promise<WebAssembly.Module> } | undefined;

async function compileWasm(location: string): Promise<WebAssembly.Module> {
  const response = await fetch(location);
  if (!response.ok) throw new Error(`fetching ${location} gave HTTP ${response.status}`);
  // Streaming compiles while the bytes arrive, but only accepts the application/wasm type.
  if (response.headers.get('content-type')?.split(';')[0]?.trim() === 'application/wasm') return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * The compiled WebAssembly module at `location`, compiled on first use. A new instance (another memory
 * cap, or a fresh one after a discard) then costs an instantiation, not a second compile.
 */
function compiledWasm(location: string): Promise<WebAssembly.Module> {
  if (compiled?.location === location) return compiled.module;
  const entry = {
    location,
    module: compileWasm(location).catch((error: unknown) => {
      // A failed compile must not stick: the next load tries again.
      if (compiled === entry) compiled = undefined;
      throw error;
    }),
  };
  compiled = entry;
  return entry.module;
}

async function newSandboxModule(memoryBytes: number): Promise<QuickJSWASMModule> {
  const memory = sandboxMemoryFor(memoryBytes);
  // Set by the extension build before the first run; Node finds the .wasm next to the package.
  const wasmLocation = sandboxWasmLocation();
  const source = wasmLocation === undefined ? {} : { wasmModule: () => compiledWasm(wasmLocation) };
  const variant = newVariant(RELEASE_SYNC, { wasmMemory: () => Promise.resolve(memory), ...source });
  const module = await newQuickJSWASMModuleFromVariant(variant);
  const maximumBytes = maximumPagesFor(memoryBytes) * WASM_PAGE_BYTES;
  memories.set(module, { memory, maximumBytes });
  return module;
}

/** Slack for the allocation that failed: memory grows in 64 KiB pages, small requests fail near the top. */
const EXHAUSTED_SLACK_BYTES = 2 * 1024 * 1024;

/**
 * Whether the module's memory has grown to (nearly) its maximum. When QuickJS cannot even allocate
 * its "out of memory" error it throws `null`; this tells that case from a script throwing null.
 */
export function isSandboxMemoryExhausted(module: QuickJSWASMModule): boolean {
  const entry = memories.get(module);
  return entry !== undefined && entry.memory.buffer.byteLength + EXHAUSTED_SLACK_BYTES >= entry.maximumBytes;
}

let cached: { memoryBytes: number; module: Promise<QuickJSWASMModule> } | undefined;

/**
 * The shared QuickJS module whose heap is capped at `memoryBytes`. Loaded on first use; asking for
 * another cap replaces the cached module (the cap is fixed when the WebAssembly memory is created).
 */
export function loadSandbox(memoryBytes: number = DEFAULT_LIMITS.memoryBytes): Promise<QuickJSWASMModule> {
  if (cached?.memoryBytes === memoryBytes) return cached.module;
  const entry = {
    memoryBytes,
    module: newSandboxModule(memoryBytes).catch((error: unknown) => {
      // A failed load must not stick: the next run tries again.
      if (cached === entry) cached = undefined;
      throw error;
    }),
  };
  cached = entry;
  return entry.module;
}

/** Whether a module is loaded (or loading) for this memory cap: the next run is then warm. */
export function isSandboxLoaded(memoryBytes: number = DEFAULT_LIMITS.memoryBytes): boolean {
  return cached?.memoryBytes === memoryBytes;
}

const discarded = new WeakSet<QuickJSWASMModule>();

/**
 * Drops a module whose state is unknown (the host stack overflowed inside it), so the next run loads
 * a fresh one; a run that was already holding it asks again (see `isSandboxDiscarded`).
 */
export function discardSandbox(module: QuickJSWASMModule): void {
  discarded.add(module);
  cached = undefined;
}

export function isSandboxDiscarded(module: QuickJSWASMModule): boolean {
  return discarded.has(module);
}
