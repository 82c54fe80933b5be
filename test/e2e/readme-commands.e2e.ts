// The README "Developing" commands that need the built extension and Chromium, run as a user types them
// (`npm run <script> -- <args>` in a child process) and checked by exit code and the shape of their output.
// The other commands are in test/unit/readme-commands.test.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeRun, ROOT, runCommand, type Ran } from '../run-command';

const sampleCorpus = fileURLToPath(new URL('../fixtures/injection/sample-corpus.json', import.meta.url));

function npmRun(script: string, args: string[]): Promise<Ran> {
  return runCommand('npm', ['run', script, '--', ...args], { killAfterMs: 170_000 });
}

describe('README "Developing" commands that drive the built extension', { timeout: 180_000 }, () => {
  it('npm run test:injection runs a corpus through a page shape and ends with its summary line', async () => {
    const ran = await npmRun('test:injection', ['--corpus', sampleCorpus, '--shape', 'pull-description', '--concurrency', '1']);
    expect(ran.code, describeRun(ran)).toBe(0);
    expect(ran.stdout).toMatch(/^injection: 3 attacks from /m);
    expect(ran.stdout).toMatch(/^ {2}pull-description: attack reached the model on \d+\/3 pages$/m);
    expect(ran.stdout.trimEnd().split('\n').at(-1)).toMatch(/^injection: 3 pages, \d+ attempts, 0 unapproved actions, 0 leaks/);
  });

  it('npm run bench -- --only complete prints its rows and leaves bench/results.json alone', async () => {
    const results = readFileSync(`${ROOT}/bench/results.json`, 'utf8');
    const ran = await npmRun('bench', ['--only', 'complete']);
    expect(ran.code, describeRun(ran)).toBe(0);
    expect(ran.stdout).toMatch(/^name +│ +value +│ baseline/m);
    expect(ran.stdout).toMatch(/^files captured react-15141 .*│ pass$/m);
    expect(ran.stdout).toMatch(/^\d+ of \d+ targets met in \d+ s on v[\d.]+ \(only complete\); bench\/results\.json left as it was$/m);
    expect(readFileSync(`${ROOT}/bench/results.json`, 'utf8')).toBe(results);
  });

  it('bad arguments give a usage line and exit 2', async () => {
    const [injection, bench] = await Promise.all([npmRun('test:injection', ['--shapes', 'all']), npmRun('bench', ['--only', 'everything'])]);
    for (const ran of [injection, bench]) {
      expect(ran.code, describeRun(ran)).toBe(2);
      expect(ran.stderr).toMatch(/^usage: npm run /m);
    }
  });
});
