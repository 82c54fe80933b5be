import { describe, expect, it } from 'vitest';
import { strayClosingBraceLine } from './stray-brace';

describe('strayClosingBraceLine', () => {
  it('finds the first brace that closes nothing, by line', () => {
    expect(strayClosingBraceLine('return 1;\n}')).toBe(2);
    expect(strayClosingBraceLine('if (a) {\n  b();\n}\n}\n}')).toBe(4);
  });

  it('ignores braces in strings, templates and comments, and balanced ones', () => {
    expect(strayClosingBraceLine('const a = { b: "}" };\n// }\n/* }\n} */\nconst t = `}\n${a}`;\nreturn a;')).toBeUndefined();
    expect(strayClosingBraceLine("const s = 'it\\'s }';\nreturn s;")).toBeUndefined();
  });

  it('counts lines inside multi-line comments and templates', () => {
    expect(strayClosingBraceLine('/*\n\n*/\n`\n`\n}')).toBe(6);
  });
});
