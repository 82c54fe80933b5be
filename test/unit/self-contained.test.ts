// A clone of the repository alone must run its tests: nothing may read data from beside the clone,
// as the team folder beside the checkout did (CI had it beside the checkout, so its absence went unseen).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realFixtures } from '../fixtures/paths';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const THIS_FILE = 'test/unit/self-contained.test.ts';
// Built from pieces so that this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\./', 'shared\\b', '|', '/work/', 'shared\\b'].join(''));

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the repository is self-contained', () => {
  it('no tracked file reads or points to a folder beside the clone', () => {
    // The saved pages are third-party data kept byte for byte: what they contain is not ours to point anywhere.
    const ours = trackedFiles().filter((file) => file !== THIS_FILE && !file.startsWith('test/fixtures/real/') && file !== 'package-lock.json');
    expect(ours.length).toBeGreaterThan(100);
    const offenders = ours.flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        return []; // listed but deleted in the work tree
      }
      return text.split('\n').flatMap((line, index) => (OUTSIDE.test(line) ? [`${file}:${index + 1}: ${line.trim().slice(0, 120)}`] : []));
    });
    expect(offenders).toEqual([]);
  });

  it('lists every file under test/fixtures/real in its README with where it came from', () => {
    const readme = readFileSync(join(realFixtures, 'README.md'), 'utf8');
    const files = filesUnder(realFixtures).map((path) => relative(realFixtures, path)).filter((file) => file !== 'README.md');
    expect(files.length).toBeGreaterThan(50);
    // A file counts as listed by its own path or by its folder's (the article folders hold three files each).
    const unlisted = files.filter((file) => !readme.includes(`\`${file}\``) && !readme.includes(`\`${file.slice(0, file.lastIndexOf('/') + 1)}\``));
    expect(unlisted).toEqual([]);
  });

  it('lists only files that are there', () => {
    const readme = readFileSync(join(realFixtures, 'README.md'), 'utf8');
    const folders = readdirSync(realFixtures).filter((entry) => statSync(join(realFixtures, entry)).isDirectory());
    const named = [...readme.matchAll(/`([\w.-]+\/[^`<>\s]*)`/g)].map((match) => match[1] as string).filter((path) => folders.includes(path.split('/')[0] as string));
    expect(named.length).toBeGreaterThan(30);
    const missing = named.filter((path) => {
      try {
        statSync(join(realFixtures, path));
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });
});
