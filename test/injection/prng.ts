// A small seeded PRNG (mulberry32): the suite's samples, secrets and fuzz inputs repeat run after run.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  integer(below: number): number;
  pick<T>(items: readonly T[]): T;
  string(length: number, alphabet?: string): string;
}

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
  const integer = (below: number) => Math.floor(next() * below);
  return {
    next,
    integer,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[integer(items.length)] as (typeof items)[number];
    },
    string: (length, alphabet = alphanumeric) => Array.from({ length }, () => alphabet[integer(alphabet.length)]).join(''),
  };
}
