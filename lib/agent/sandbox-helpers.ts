// The prelude's helper globals as the agent names them: in the run_script description, and in telling a
// sandbox script from an example. Read from the prelude's own list, so a new helper is known here too.
import { HELPER_GROUP_GLOBALS } from '../sandbox/prelude/helper-groups';

const { views: namespaces, ...functionGroups } = HELPER_GROUP_GLOBALS;

/** Helpers a script calls: `sum(…)`, `files()`. */
export const helperFunctions: readonly string[] = Object.values(functionGroups).flat();

/** Helpers that hold functions: `view.table(…)`. */
export const helperNamespaces: readonly string[] = namespaces;
