import { describe, expect, it } from 'vitest';
import { keyTextOf } from './key-literal';

describe('keyTextOf', () => {
  it('takes the wrapping of common languages off a literal', () => {
    expect(keyTextOf('"MIIEow\\n" +')).toEqual({ text: 'MIIEow', quoted: true, newline: true });
    expect(keyTextOf("'MIIEow',")).toEqual({ text: 'MIIEow', quoted: true, newline: false });
    expect(keyTextOf('+ "MIIEow\\r\\n"')).toEqual({ text: 'MIIEow', quoted: true, newline: true });
    expect(keyTextOf('b"MIIEow\\\\n" # comment')).toEqual({ text: 'MIIEow', quoted: true, newline: true });
    expect(keyTextOf('@"MIIEow\\n" .')).toEqual({ text: 'MIIEow', quoted: true, newline: true });
    expect(keyTextOf('MIIEow \\')).toEqual({ text: 'MIIEow', quoted: false, newline: false });
  });

  it('leaves a line whose literal sits inside other code as it is', () => {
    expect(keyTextOf('format = "pkcs8";').quoted).toBe(false);
    expect(keyTextOf('call("MIIEow", other)').text).toBe('call("MIIEow", other)');
  });

  it('reads hostile runs of backslashes, quotes and operators in linear time', () => {
    const started = Date.now();
    keyTextOf(`"${'\\'.repeat(200_000)}n"`);
    keyTextOf(`"x"${' +'.repeat(100_000)}y`);
    keyTextOf(`${'+'.repeat(200_000)}"x`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
