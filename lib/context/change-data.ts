// The page data that carries a diff in `files` (a pull request, a commit, a compare view): what the
// `.diff` parsing, the sandbox's diff helpers and the change skills work on.
import type { ChangeData, PageData } from './types';

export function hasDiff(data: PageData): data is ChangeData {
  return data.type === 'pull' || data.type === 'commit' || data.type === 'compare';
}
