// Bundles bench/sandbox-cold-start.ts to plain JavaScript, so a fresh Node process measures the sandbox
// rather than tsx transpiling TypeScript on the fly (the extension ships a bundle too).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('..', import.meta.url);
/** Inside the repository, so the external packages below resolve from its node_modules. */
const OUT_DIR = new URL('node_modules/.cache/tandem-bench/', ROOT);

let built: Promise<string> | undefined;

async function bundle(): Promise<string> {
  // Emptied first: chunk names carry content hashes, and stale chunks would pile up.
  await rm(OUT_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: fileURLToPath(ROOT),
    entryPoints: [{ in: 'bench/sandbox-cold-start.ts', out: 'sandbox-cold-start' }],
    outdir: fileURLToPath(OUT_DIR),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // The script's dynamic import of the sandbox becomes a chunk of its own, so it is timed as a module load.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The QuickJS variants locate their .wasm next to their own files (import.meta.url), so they are
    // loaded from node_modules; quickjs-emscripten's core and everything of ours is in the bundle.
    external: ['@jitl/*'],
    logLevel: 'warning',
  });
  return fileURLToPath(new URL('sandbox-cold-start.mjs', OUT_DIR));
}

/** The path of the bundled cold-start script, built once per process. */
export function bundledColdStartScript(): Promise<string> {
  built ??= bundle();
  return built;
}
