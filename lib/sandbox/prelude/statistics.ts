// The statistics helper group: sum, mean and median over lists that may hold numeric strings and blanks.
import type { HelperGroupGlobals, PreludeShared } from './helper-groups';

export function statisticsHelpers(shared: PreludeShared): HelperGroupGlobals<'statistics'> {
  const listOf = shared.listOf;

  function numbersOf(values: unknown, where: string): number[] {
    const list = listOf(values, where);
    const numbers: number[] = [];
    for (let index = 0; index < list.length; index++) {
      const item = list[index];
      if (item === null || item === undefined || item === '' || typeof item === 'boolean') continue;
      const number = typeof item === 'number' ? item : Number(item);
      if (number === number) numbers.push(number);
    }
    return numbers;
  }

  function total(numbers: readonly number[]): number {
    let result = 0;
    for (let index = 0; index < numbers.length; index++) result += numbers[index]!;
    return result;
  }

  function sum(values: unknown): number {
    return total(numbersOf(values, 'sum'));
  }

  function mean(values: unknown): number {
    const numbers = numbersOf(values, 'mean');
    return numbers.length === 0 ? NaN : total(numbers) / numbers.length;
  }

  function median(values: unknown): number {
    const numbers = numbersOf(values, 'median').slice().sort((left, right) => left - right);
    if (numbers.length === 0) return NaN;
    const middle = numbers.length >> 1;
    return numbers.length % 2 === 1 ? numbers[middle]! : (numbers[middle - 1]! + numbers[middle]!) / 2;
  }

  return { sum, mean, median };
}
