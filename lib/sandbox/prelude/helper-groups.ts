// The prelude's helper groups and the globals each defines. A group is compiled inside QuickJS the first
// time a script reads one of its globals, so a run pays only for the helpers it uses. Each group is the
// module of the same name in this folder, exporting `<group>Helpers(shared)`.

export const HELPER_GROUP_GLOBALS = {
  statistics: ['sum', 'mean', 'median'],
  ordering: ['groupBy', 'sortBy', 'topN'],
  diff: ['files', 'hunks', 'addedLines', 'removedLines'],
  views: ['view'],
} as const;

export type HelperGroupName = keyof typeof HELPER_GROUP_GLOBALS;

/** What a group's function returns: a value for each of its globals. */
export type HelperGroupGlobals<Group extends HelperGroupName> = Record<(typeof HELPER_GROUP_GLOBALS)[Group][number], unknown>;

/**
 * The prelude's internals a helper group may use. They are captured before the script runs, so a script
 * that replaces JSON.stringify or Object.defineProperty does not change what the helpers call.
 */
export interface PreludeShared {
  pageData: unknown;
  views: unknown[];
  listOf: (values: unknown, where: string) => readonly unknown[];
  describeType: (value: unknown) => string;
  stringify: typeof JSON.stringify;
  defineProperty: typeof Object.defineProperty;
  objectKeys: typeof Object.keys;
  hasOwn: typeof Object.prototype.hasOwnProperty;
  isArray: typeof Array.isArray;
}
