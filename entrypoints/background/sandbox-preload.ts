// Loading the sandbox engine ahead of a likely run, from the places that know one may come soon.
import { preloadSandbox } from '../../lib/sandbox/run-script';

/** Starts loading and warming the engine; a failure is logged, and the run that needs it reports it. */
export function preloadSandboxQuietly(): void {
  void preloadSandbox().catch((error: unknown) => console.warn('Tandem: the sandbox engine did not load', error));
}
