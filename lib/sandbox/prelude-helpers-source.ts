// The prelude's helper functions, one group per source. A group is compiled inside QuickJS the first
// time a script reads one of its globals (see prelude-source.ts), so a run pays only for the helpers it
// uses. Each source is a function expression: called with the prelude's shared internals, it returns
// the group's globals by name.

export interface HelperGroup {
  /** The globals the group defines; reading any of them compiles the whole group. */
  globals: readonly string[];
  source: string;
}

/** sum, mean and median over lists that may hold numeric strings and blanks. */
const statistics: HelperGroup = {
  globals: ['sum', 'mean', 'median'],
  source: String.raw`(function statisticsHelpers(shared) {
  'use strict';
  const listOf = shared.listOf;

  function numbersOf(values, where) {
    const list = listOf(values, where);
    const numbers = [];
    for (let index = 0; index < list.length; index++) {
      const item = list[index];
      if (item === null || item === undefined || item === '' || typeof item === 'boolean') continue;
      const number = typeof item === 'number' ? item : Number(item);
      if (number === number) numbers.push(number);
    }
    return numbers;
  }

  function total(numbers) {
    let result = 0;
    for (let index = 0; index < numbers.length; index++) result += numbers[index];
    return result;
  }

  function sum(values) {
    return total(numbersOf(values, 'sum'));
  }

  function mean(values) {
    const numbers = numbersOf(values, 'mean');
    return numbers.length === 0 ? NaN : total(numbers) / numbers.length;
  }

  function median(values) {
    const numbers = numbersOf(values, 'median').slice().sort((left, right) => left - right);
    if (numbers.length === 0) return NaN;
    const middle = numbers.length >> 1;
    return numbers.length % 2 === 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
  }

  return { sum: sum, mean: mean, median: median };
})`,
};

/** groupBy, sortBy and topN. */
const ordering: HelperGroup = {
  globals: ['groupBy', 'sortBy', 'topN'],
  source: String.raw`(function orderingHelpers(shared) {
  'use strict';
  const listOf = shared.listOf;
  const describeType = shared.describeType;
  const defineProperty = shared.defineProperty;
  const hasOwn = shared.hasOwn;

  function keyReader(key, where) {
    if (typeof key === 'function') return key;
    if (typeof key === 'string' || typeof key === 'number' || typeof key === 'symbol') {
      return (item) => (item === null || item === undefined ? undefined : item[key]);
    }
    throw new TypeError(where + ' expects a property name or a function as its key, got ' + describeType(key));
  }

  function groupBy(items, key) {
    const list = listOf(items, 'groupBy');
    const read = keyReader(key, 'groupBy');
    const groups = {};
    for (let index = 0; index < list.length; index++) {
      const name = String(read(list[index]));
      // defineProperty keeps a '__proto__' key an own property instead of changing the prototype.
      if (!hasOwn.call(groups, name)) defineProperty(groups, name, { value: [], writable: true, enumerable: true, configurable: true });
      groups[name].push(list[index]);
    }
    return groups;
  }

  function isMissing(value) {
    return value === null || value === undefined || (typeof value === 'number' && value !== value);
  }

  function asNumber(value) {
    if (typeof value === 'number') return value;
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value instanceof Date) return value.getTime();
    if (typeof value === 'string' && value.trim() !== '') {
      const number = Number(value);
      if (number === number) return number;
    }
    return undefined;
  }

  function compareKeys(left, right) {
    const leftNumber = asNumber(left);
    const rightNumber = asNumber(right);
    if (leftNumber !== undefined && rightNumber !== undefined) {
      const difference = leftNumber - rightNumber;
      return difference === difference ? difference : 0;
    }
    const leftText = String(left);
    const rightText = String(right);
    return leftText < rightText ? -1 : leftText > rightText ? 1 : 0;
  }

  function sortBy(items, key, order) {
    const list = listOf(items, 'sortBy');
    const read = keyReader(key, 'sortBy');
    if (order !== undefined && order !== 'asc' && order !== 'desc') {
      throw new TypeError("sortBy: order must be 'asc' or 'desc', got " + String(order));
    }
    const direction = order === 'desc' ? -1 : 1;
    const decorated = [];
    for (let index = 0; index < list.length; index++) decorated.push({ item: list[index], key: read(list[index]), index: index });
    decorated.sort((left, right) => {
      const leftMissing = isMissing(left.key);
      const rightMissing = isMissing(right.key);
      // Missing keys go last in either order.
      if (leftMissing || rightMissing) return leftMissing && rightMissing ? left.index - right.index : leftMissing ? 1 : -1;
      const difference = compareKeys(left.key, right.key) * direction;
      return difference !== 0 ? difference : left.index - right.index;
    });
    return decorated.map((entry) => entry.item);
  }

  function topN(items, count, key) {
    if (typeof count !== 'number' || count !== count) throw new TypeError('topN expects a number as its count, got ' + describeType(count));
    return sortBy(items, key, 'desc').slice(0, Math.max(0, Math.floor(count)));
  }

  return { groupBy: groupBy, sortBy: sortBy, topN: topN };
})`,
};

/** The changed files and lines of a pull request's diff. */
const diff: HelperGroup = {
  globals: ['files', 'hunks', 'addedLines', 'removedLines'],
  source: String.raw`(function diffHelpers(shared) {
  'use strict';
  const pageData = shared.pageData;
  const isArray = shared.isArray;
  const describeType = shared.describeType;

  function files() {
    if (pageData === null || typeof pageData !== 'object' || !isArray(pageData.files)) return [];
    if (pageData.type !== undefined && pageData.type !== 'pull') return [];
    return pageData.files;
  }

  function hunks(path) {
    const list = files();
    for (let index = 0; index < list.length; index++) {
      const file = list[index];
      if (file && file.path === path) return isArray(file.hunks) ? file.hunks : [];
    }
    return [];
  }

  const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

  function hunkStarts(hunk) {
    const match = HUNK_HEADER.exec(String(hunk.header || ''));
    if (match) return [Number(match[1]), Number(match[2])];
    return [typeof hunk.oldStart === 'number' ? hunk.oldStart : 1, typeof hunk.newStart === 'number' ? hunk.newStart : 1];
  }

  function matcher(pattern, where) {
    if (pattern === undefined || pattern === null) return () => true;
    if (pattern instanceof RegExp) {
      return (text) => {
        // A global or sticky RegExp keeps lastIndex between tests; each line starts afresh.
        pattern.lastIndex = 0;
        return pattern.test(text);
      };
    }
    if (typeof pattern === 'string') return (text) => text.indexOf(pattern) !== -1;
    throw new TypeError(where + ' expects a RegExp or a string as its pattern, got ' + describeType(pattern));
  }

  function changedLines(marker, pattern, path, where) {
    const matches = matcher(pattern, where);
    if (path !== undefined && path !== null && typeof path !== 'string') {
      throw new TypeError(where + ' expects a file path string, got ' + describeType(path));
    }
    const result = [];
    const list = files();
    for (let fileIndex = 0; fileIndex < list.length; fileIndex++) {
      const file = list[fileIndex];
      if (!file || (path !== undefined && path !== null && file.path !== path)) continue;
      const fileHunks = isArray(file.hunks) ? file.hunks : [];
      for (let hunkIndex = 0; hunkIndex < fileHunks.length; hunkIndex++) {
        const hunk = fileHunks[hunkIndex];
        if (!hunk || typeof hunk !== 'object') continue;
        const starts = hunkStarts(hunk);
        let oldLine = starts[0];
        let newLine = starts[1];
        const lines = isArray(hunk.lines) ? hunk.lines : [];
        for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
          const line = String(lines[lineIndex]);
          const first = line.charAt(0);
          if (first === '\\') continue; // "\ No newline at end of file" belongs to neither side
          if (first === '+') {
            if (marker === '+' && matches(line.slice(1))) result.push({ path: file.path, line: newLine, text: line.slice(1) });
            newLine++;
          } else if (first === '-') {
            if (marker === '-' && matches(line.slice(1))) result.push({ path: file.path, line: oldLine, text: line.slice(1) });
            oldLine++;
          } else {
            oldLine++;
            newLine++;
          }
        }
      }
    }
    return result;
  }

  function addedLines(pattern, path) {
    return changedLines('+', pattern, path, 'addedLines');
  }

  function removedLines(pattern, path) {
    return changedLines('-', pattern, path, 'removedLines');
  }

  return { files: files, hunks: hunks, addedLines: addedLines, removedLines: removedLines };
})`,
};

/** The `view` object: tables, markdown and charts collected for the panel. */
const views: HelperGroup = {
  globals: ['view'],
  source: String.raw`(function viewHelpers(shared) {
  'use strict';
  const listOf = shared.listOf;
  const describeType = shared.describeType;
  const stringify = shared.stringify;
  const objectKeys = shared.objectKeys;
  const isArray = shared.isArray;
  const views = shared.views;

  function cellOf(value) {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return isFinite(value) ? value : String(value);
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (value instanceof Date) return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (typeof value === 'object') {
      try {
        const text = stringify(value);
        return text === undefined ? String(value) : text;
      } catch (error) {
        // Cyclic or BigInt-holding objects still get a readable cell.
        return String(value);
      }
    }
    return String(value);
  }

  function columnsOf(list) {
    const columns = [];
    const seen = Object.create(null);
    let width = 0;
    for (let index = 0; index < list.length; index++) {
      const row = list[index];
      if (isArray(row)) width = Math.max(width, row.length);
      else if (row !== null && typeof row === 'object') {
        const keys = objectKeys(row);
        for (let keyIndex = 0; keyIndex < keys.length; keyIndex++) {
          if (seen[keys[keyIndex]] === true) continue;
          seen[keys[keyIndex]] = true;
          columns.push(keys[keyIndex]);
        }
      } else width = Math.max(width, 1);
    }
    if (columns.length === 0) for (let column = 1; column <= width; column++) columns.push('column ' + column);
    return columns;
  }

  function table(rows, options) {
    const list = listOf(rows, 'view.table');
    const settings = options || {};
    const columns = settings.columns === undefined || settings.columns === null
      ? columnsOf(list)
      : listOf(settings.columns, 'view.table (options.columns)').map(String);
    const tableRows = list.map((row) => {
      if (isArray(row)) return columns.map((_, index) => cellOf(row[index]));
      if (row !== null && typeof row === 'object') return columns.map((column) => cellOf(row[column]));
      return columns.map((_, index) => (index === 0 ? cellOf(row) : null));
    });
    const result = { type: 'table', columns: columns, rows: tableRows };
    if (settings.title !== undefined && settings.title !== null) result.title = String(settings.title);
    views.push(result);
  }

  function markdown(text) {
    if (text === undefined || text === null) throw new TypeError('view.markdown expects a string, got ' + describeType(text));
    views.push({ type: 'markdown', text: String(text) });
  }

  function chartSeries(entry, index) {
    if (entry === null || typeof entry !== 'object' || isArray(entry)) {
      throw new TypeError('view.chart: series ' + (index + 1) + ' must be an object like { name, values }');
    }
    const name = entry.name === undefined || entry.name === null ? 'series ' + (index + 1) : String(entry.name);
    const values = listOf(entry.values, 'view.chart (values of "' + name + '")').map((value, position) => {
      const number = typeof value === 'number' ? value : value === null || value === undefined || value === '' ? NaN : Number(value);
      if (!isFinite(number)) {
        throw new TypeError('view.chart: series "' + name + '" has a value that is not a finite number at index ' + position + ' (' + String(value) + ')');
      }
      return number;
    });
    const series = { name: name, values: values };
    if (entry.labels !== undefined && entry.labels !== null) series.labels = listOf(entry.labels, 'view.chart (labels)').map(String);
    return series;
  }

  function chart(series, options) {
    const list = isArray(series) ? series : [series];
    if (list.length === 0) throw new TypeError('view.chart expects at least one series');
    const settings = options || {};
    const result = { type: 'chart', series: list.map(chartSeries) };
    if (settings.title !== undefined && settings.title !== null) result.title = String(settings.title);
    if (settings.marks !== undefined && settings.marks !== null) {
      result.marks = listOf(settings.marks, 'view.chart (options.marks)').map(Number).filter((mark) => isFinite(mark));
    }
    views.push(result);
  }

  return { view: { table: table, markdown: markdown, chart: chart } };
})`,
};

export const HELPER_GROUPS: Readonly<Record<string, HelperGroup>> = Object.freeze({ statistics, ordering, diff, views });
