import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSkillFile } from './skill-file';
import { PAGE_KINDS } from './validate';

describe('skill files', () => {
  it('reads the header of the repository’s example', () => {
    const text = readFileSync(new URL('../../.tandem/skills/changed-without-tests.js', import.meta.url), 'utf8');
    const parsed = parseSkillFile(text, '.tandem/skills/changed-without-tests.js');
    expect(parsed.ok && { ...parsed.value, code: parsed.value.code.length > 0 }).toEqual({
      name: 'Modules changed without their tests',
      description: 'Which lib/ and components/ modules this pull request changes while their tests stay as they were',
      kinds: ['github.pull', 'github.pull.files'],
      urlPattern: '',
      offer: 'card',
      code: true,
      enabled: true,
    });
  });

  it('a bare script is an on-demand skill for every page, named after its file', () => {
    const parsed = parseSkillFile('return context.title', 'skills/page_title.js');
    expect(parsed).toEqual({ ok: true, value: { name: 'page title', description: '', kinds: [...PAGE_KINDS], urlPattern: '', offer: 'on-demand', code: 'return context.title', enabled: true } });
  });

  it('the header stops at the first line that is not a known key; a bad value is named with the file', () => {
    const parsed = parseSkillFile('// name: A\n// note: not a key\n// offer: card\nreturn 1', 'a.js');
    expect(parsed.ok && parsed.value.offer).toBe('on-demand');
    const bad = parseSkillFile('// kinds: github.pull, gitlab.mr\nreturn 1', 'b.js');
    expect(bad.ok ? [] : bad.problems).toEqual([expect.stringMatching(/^b\.js: unknown page kind "gitlab\.mr"/)]);
  });
});
