// Loading the sandbox engine ahead of a likely run, from the places that know one may come soon.
import { isSandboxLoaded } from '../../lib/sandbox/quickjs-module';
import { preloadSandbox } from '../../lib/sandbox/run-script';

export const PRELOAD_MEASURE = 'tandem-sandbox-preload';

/** Starts loading and warming the engine; a failure is logged, and the run that needs it reports it. */
export function preloadSandboxQuietly(): void {
  const loading = !isSandboxLoaded();
  const started = performance.now();
  void preloadSandbox().then(
    () => {
      // The first load's cost, on the worker's timeline, where `npm run bench` and DevTools read it.
      if (loading) performance.measure(PRELOAD_MEASURE, { start: started, end: performance.now() });
    },
    (error: unknown) => console.warn('Tandem: the sandbox engine did not load', error),
  );
}
