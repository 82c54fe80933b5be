// What the options page shows about work in progress, shared by its store and its components.
import type { ConnectionTest } from '../../lib/agent/client';

export type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: number } | { state: 'failed'; message: string };

export type ConnectionState =
  | { state: 'idle' }
  | { state: 'testing' }
  | { state: 'done'; result: ConnectionTest; baseUrl: string }
  /** The test itself could not run (the background did not answer). */
  | { state: 'failed'; message: string };

/** Whether Tandem may read a host as you browse, or only while its panel is open. */
export type HostAccess = 'granted' | 'panel-only' | 'asking';

export interface HostNotice {
  host: string;
  text: string;
  tone: 'neutral' | 'success' | 'warning';
}
