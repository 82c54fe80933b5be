// The contract between capture's orchestrator (lib/capture/index.ts) and the per-site adapters.
import type { Facts, PageData, PageKind, PendingDiffFile } from '../context/types';

export interface CaptureEnvironment {
  /** Hosts treated as GitHub besides github.com (GitHub Enterprise), lower-case host names (with port if any). */
  githubHosts: string[];
  /** Same-origin fetch of text (the pull request's `.diff`); absent in the CLI, where the DOM fallback is used. */
  fetchText?: (url: string) => Promise<string>;
  /**
   * Gives the page a turn in the middle of long work (parsing a huge diff). The content script times it,
   * so the page's own work done meanwhile is not counted as capture's. Defaults to a message-port task.
   */
  yieldToPage?: () => Promise<void>;
}

export interface AdapterOutput {
  title: string;
  facts: Facts;
  data: PageData;
  /** Headings, file paths or panels in the viewport now, when the adapter knows better than the generic rule. */
  focus?: string[];
  /** Parts the adapter had to cut to stay inside its limits. */
  cut?: string[];
  /** A pull request's `.diff` files, redacted with the rest and parsed into `data.files` by finishReading. */
  pendingDiff?: PendingDiffFile[];
}

export interface Adapter {
  id: string;
  kinds: PageKind[];
  capture(document: Document, url: URL, kind: PageKind, environment: CaptureEnvironment): Promise<AdapterOutput>;
}
