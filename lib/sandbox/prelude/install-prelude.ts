// The helper prelude's core, evaluated inside QuickJS before every script (built into script text by
// scripts/build-sandbox-scripts.ts). The runner calls `installPrelude` with the input JSON and a
// `compileHelpers(group)` host function and keeps the returned hooks; the script can reach neither.
// It defines `page`, `context` and `console`; a helper group is compiled the first time a script reads
// one of its globals, because compiling every helper took most of a warm run. The globals a script sees
// are declared in ../prelude-globals.d.ts.
import { HELPER_GROUP_GLOBALS, type PreludeShared } from './helper-groups';

type HelperGroup = Record<string, unknown>;

export interface PreludeHooks {
  serialise: (value: unknown) => string | undefined;
  collect: () => string;
}

interface SandboxInput {
  page: unknown;
  context: unknown;
  limits: { logLines: number; logLineChars: number };
}

export function installPrelude(inputJson: string, compileHelpers: (group: string) => (shared: PreludeShared) => HelperGroup): PreludeHooks {
  const root = globalThis;
  const stringify = JSON.stringify;
  const defineProperty = Object.defineProperty;
  const objectKeys = Object.keys;
  const hasOwn = Object.prototype.hasOwnProperty;
  const isArray = Array.isArray;
  const freeze = Object.freeze;
  const createObject = Object.create as (prototype: null) => Record<string, HelperGroup | undefined>;

  const input = JSON.parse(inputJson) as SandboxInput;
  const pageData = input.page;
  const maxLogLines = input.limits.logLines;
  const maxLogLineChars = input.limits.logLineChars;
  const logs: string[] = [];
  let logLinesCut = 0;
  const views: unknown[] = [];

  function defineGlobal(name: string, value: unknown): void {
    // Configurable, so a script may declare its own 'page' or 'sum' at top level.
    defineProperty(root, name, { value, writable: true, enumerable: false, configurable: true });
  }

  function describeType(value: unknown): string {
    return value === null ? 'null' : isArray(value) ? 'array' : typeof value;
  }

  function listOf(values: unknown, where: string): readonly unknown[] {
    if (isArray(values)) return values;
    if (values !== null && values !== undefined && typeof values !== 'string' && typeof (values as Iterable<unknown>)[Symbol.iterator] === 'function') {
      return Array.from(values as Iterable<unknown>);
    }
    throw new TypeError(where + ' expects an array, got ' + describeType(values));
  }

  // ─── Helpers, compiled on first use ───────────────────────────────────────

  const shared: PreludeShared = freeze({ pageData, views, listOf, describeType, stringify, defineProperty, objectKeys, hasOwn, isArray });
  const compiledGroups = createObject(null);

  function helperGroup(name: string): HelperGroup {
    let group = compiledGroups[name];
    if (group === undefined) {
      group = compileHelpers(name)(shared);
      compiledGroups[name] = group;
    }
    return group;
  }

  function defineLazyGlobal(name: string, group: string): void {
    // Reading the global compiles its group and turns it into a plain value; assigning replaces it,
    // as it would an ordinary global.
    defineProperty(root, name, {
      get: function () {
        const value = helperGroup(group)[name];
        defineGlobal(name, value);
        return value;
      },
      set: function (value: unknown) {
        defineGlobal(name, value);
      },
      enumerable: false,
      configurable: true,
    });
  }

  // ─── Console ───────────────────────────────────────────────────────────────

  function formatArgument(value: unknown): string {
    if (typeof value === 'string') return value;
    if (value === undefined) return 'undefined';
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'boolean') return String(value);
    if (typeof value === 'function') return '[Function ' + (value.name || 'anonymous') + ']';
    if (value instanceof Error) return value.name + ': ' + value.message;
    try {
      const text = stringify(value) as string | undefined;
      return text === undefined ? String(value) : text;
    } catch {
      // Cyclic or BigInt-holding objects are still worth a line.
      return String(value);
    }
  }

  function record(prefix: string, values: readonly unknown[]): void {
    if (logs.length >= maxLogLines) {
      logLinesCut++;
      return;
    }
    const parts: string[] = [];
    for (let index = 0; index < values.length; index++) parts.push(formatArgument(values[index]));
    let line = prefix + parts.join(' ');
    if (line.length > maxLogLineChars) {
      line = line.slice(0, maxLogLineChars) + '… (' + (line.length - maxLogLineChars) + ' more characters)';
    }
    logs.push(line);
  }

  defineGlobal('page', pageData);
  defineGlobal('context', input.context);
  defineGlobal('console', {
    log: (...values: unknown[]) => record('', values),
    info: (...values: unknown[]) => record('', values),
    debug: (...values: unknown[]) => record('', values),
    warn: (...values: unknown[]) => record('[warn] ', values),
    error: (...values: unknown[]) => record('[error] ', values),
  });
  const groupNames = objectKeys(HELPER_GROUP_GLOBALS) as (keyof typeof HELPER_GROUP_GLOBALS)[];
  for (let groupIndex = 0; groupIndex < groupNames.length; groupIndex++) {
    const group = groupNames[groupIndex]!;
    const globals: readonly string[] = HELPER_GROUP_GLOBALS[group];
    for (let index = 0; index < globals.length; index++) defineLazyGlobal(globals[index]!, group);
  }

  // The envelope is written by hand: JSON.stringify of an object or array consults toJSON, which a script
  // can add to Object.prototype or Array.prototype and so reshape the logs. Strings have no toJSON lookup.
  function stringsJson(lines: readonly string[]): string {
    let text = '[';
    for (let index = 0; index < lines.length; index++) text += (index === 0 ? '' : ',') + stringify(String(lines[index]));
    return text + ']';
  }

  function viewsJson(): string {
    let text = '[';
    let written = 0;
    for (let index = 0; index < views.length; index++) {
      let json: string | undefined;
      try {
        json = stringify(views[index]) as string | undefined;
      } catch {
        // A view the script filled with something unserialisable is dropped, not the whole output.
        json = undefined;
      }
      text += (written++ === 0 ? '' : ',') + (typeof json === 'string' ? json : 'null');
    }
    return text + ']';
  }

  return {
    serialise: (value) => stringify(value) as string | undefined,
    collect: () => '{"views":' + viewsJson() + ',"logs":' + stringsJson(logs) + ',"logLinesCut":' + (logLinesCut | 0) + '}',
  };
}
