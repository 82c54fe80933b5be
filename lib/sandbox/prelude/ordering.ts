// The ordering helper group: groupBy, sortBy and topN.
import type { HelperGroupGlobals, PreludeShared } from './helper-groups';

type KeyReader = (item: unknown) => unknown;

export function orderingHelpers(shared: PreludeShared): HelperGroupGlobals<'ordering'> {
  const listOf = shared.listOf;
  const describeType = shared.describeType;
  const defineProperty = shared.defineProperty;
  const hasOwn = shared.hasOwn;

  function keyReader(key: unknown, where: string): KeyReader {
    if (typeof key === 'function') return key as KeyReader;
    if (typeof key === 'string' || typeof key === 'number' || typeof key === 'symbol') {
      return (item) => (item === null || item === undefined ? undefined : (item as Record<PropertyKey, unknown>)[key]);
    }
    throw new TypeError(where + ' expects a property name or a function as its key, got ' + describeType(key));
  }

  function groupBy(items: unknown, key: unknown): Record<string, unknown[]> {
    const list = listOf(items, 'groupBy');
    const read = keyReader(key, 'groupBy');
    const groups: Record<string, unknown[]> = {};
    for (let index = 0; index < list.length; index++) {
      const name = String(read(list[index]));
      // defineProperty keeps a '__proto__' key an own property instead of changing the prototype.
      if (!hasOwn.call(groups, name)) defineProperty(groups, name, { value: [], writable: true, enumerable: true, configurable: true });
      groups[name]!.push(list[index]);
    }
    return groups;
  }

  function isMissing(value: unknown): boolean {
    return value === null || value === undefined || (typeof value === 'number' && value !== value);
  }

  function asNumber(value: unknown): number | undefined {
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

  function compareKeys(left: unknown, right: unknown): number {
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

  function sortBy(items: unknown, key: unknown, order?: unknown): unknown[] {
    const list = listOf(items, 'sortBy');
    const read = keyReader(key, 'sortBy');
    if (order !== undefined && order !== 'asc' && order !== 'desc') {
      throw new TypeError("sortBy: order must be 'asc' or 'desc', got " + String(order));
    }
    const direction = order === 'desc' ? -1 : 1;
    const decorated: { item: unknown; key: unknown; index: number }[] = [];
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

  function topN(items: unknown, count: unknown, key: unknown): unknown[] {
    if (typeof count !== 'number' || count !== count) throw new TypeError('topN expects a number as its count, got ' + describeType(count));
    return sortBy(items, key, 'desc').slice(0, Math.max(0, Math.floor(count)));
  }

  return { groupBy, sortBy, topN };
}
