// The helper prelude's core, as JavaScript source evaluated inside QuickJS before every script. It is a
// function expression: the runner calls it with the input JSON and a `compileHelpers(group)` host
// function, and keeps the returned hooks; the script can reach neither. The core defines `page`,
// `context` and `console`; a helper group (prelude-helpers-source.ts) is compiled the first time a
// script reads one of its globals, because compiling every helper took most of a warm run.
// Globals are declared in prelude-globals.d.ts.
import { HELPER_GROUPS } from './prelude-helpers-source';

/** File name the prelude is compiled under, so stack traces can tell it from the script. */
export const PRELUDE_FILE_NAME = 'prelude.js';

/** File name a helper group is compiled under. */
export function helperFileName(group: string): string {
  return `prelude-${group}.js`;
}

const groupOfGlobal = Object.fromEntries(Object.entries(HELPER_GROUPS).flatMap(([name, group]) => group.globals.map((global) => [global, name])));

export const PRELUDE_SOURCE = String.raw`(function installPrelude(inputJson, compileHelpers) {
  'use strict';
  const root = globalThis;
  const stringify = JSON.stringify;
  const defineProperty = Object.defineProperty;
  const objectKeys = Object.keys;
  const hasOwn = Object.prototype.hasOwnProperty;
  const isArray = Array.isArray;
  const freeze = Object.freeze;
  const createObject = Object.create;

  const input = JSON.parse(inputJson);
  const pageData = input.page;
  const maxLogLines = input.limits.logLines;
  const maxLogLineChars = input.limits.logLineChars;
  const logs = [];
  let logLinesCut = 0;
  const views = [];

  function defineGlobal(name, value) {
    // Configurable, so a script may declare its own 'page' or 'sum' at top level.
    defineProperty(root, name, { value: value, writable: true, enumerable: false, configurable: true });
  }

  function describeType(value) {
    return value === null ? 'null' : isArray(value) ? 'array' : typeof value;
  }

  function listOf(values, where) {
    if (isArray(values)) return values;
    if (values !== null && values !== undefined && typeof values !== 'string' && typeof values[Symbol.iterator] === 'function') {
      return Array.from(values);
    }
    throw new TypeError(where + ' expects an array, got ' + describeType(values));
  }

  // ─── Helpers, compiled on first use ───────────────────────────────────────

  const groupOfGlobal = ${JSON.stringify(groupOfGlobal)};
  const shared = freeze({
    pageData: pageData,
    views: views,
    listOf: listOf,
    describeType: describeType,
    stringify: stringify,
    defineProperty: defineProperty,
    objectKeys: objectKeys,
    hasOwn: hasOwn,
    isArray: isArray,
  });
  const compiledGroups = createObject(null);

  function helperGroup(name) {
    let group = compiledGroups[name];
    if (group === undefined) {
      group = compileHelpers(name)(shared);
      compiledGroups[name] = group;
    }
    return group;
  }

  function defineLazyGlobal(name, group) {
    // Reading the global compiles its group and turns it into a plain value; assigning replaces it,
    // as it would an ordinary global.
    defineProperty(root, name, {
      get: function () {
        const value = helperGroup(group)[name];
        defineGlobal(name, value);
        return value;
      },
      set: function (value) {
        defineGlobal(name, value);
      },
      enumerable: false,
      configurable: true,
    });
  }

  // ─── Console ───────────────────────────────────────────────────────────────

  function formatArgument(value) {
    if (typeof value === 'string') return value;
    if (value === undefined) return 'undefined';
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'boolean') return String(value);
    if (typeof value === 'function') return '[Function ' + (value.name || 'anonymous') + ']';
    if (value instanceof Error) return value.name + ': ' + value.message;
    try {
      const text = stringify(value);
      return text === undefined ? String(value) : text;
    } catch (error) {
      // Cyclic or BigInt-holding objects are still worth a line.
      return String(value);
    }
  }

  function record(prefix, values) {
    if (logs.length >= maxLogLines) {
      logLinesCut++;
      return;
    }
    const parts = [];
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
    log: (...values) => record('', values),
    info: (...values) => record('', values),
    debug: (...values) => record('', values),
    warn: (...values) => record('[warn] ', values),
    error: (...values) => record('[error] ', values),
  });
  const lazyGlobals = objectKeys(groupOfGlobal);
  for (let index = 0; index < lazyGlobals.length; index++) defineLazyGlobal(lazyGlobals[index], groupOfGlobal[lazyGlobals[index]]);

  // The envelope is written by hand: JSON.stringify of an object or array consults toJSON, which a script
  // can add to Object.prototype or Array.prototype and so reshape the logs. Strings have no toJSON lookup.
  function stringsJson(lines) {
    let text = '[';
    for (let index = 0; index < lines.length; index++) text += (index === 0 ? '' : ',') + stringify(String(lines[index]));
    return text + ']';
  }

  function viewsJson() {
    let text = '[';
    let written = 0;
    for (let index = 0; index < views.length; index++) {
      let json;
      try {
        json = stringify(views[index]);
      } catch (error) {
        // A view the script filled with something unserialisable is dropped, not the whole output.
        json = undefined;
      }
      text += (written++ === 0 ? '' : ',') + (typeof json === 'string' ? json : 'null');
    }
    return text + ']';
  }

  return {
    serialise: (value) => stringify(value),
    collect: () => '{"views":' + viewsJson() + ',"logs":' + stringsJson(logs) + ',"logLinesCut":' + (logLinesCut | 0) + '}',
  };
})`;
