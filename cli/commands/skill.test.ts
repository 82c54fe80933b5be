import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../command';
import { parseSkillArguments, skillCommand, type SkillReport } from './skill';
import { realFixtures } from '../../test/fixtures/paths';

function recordingIo(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

const reactPage = `${realFixtures}/github/pr-files-facebook-react-15141.html`;
const reactUrl = 'https://github.com/facebook/react/pull/15141/files';

/** The page's own file headers and their "N additions & M deletions" labels, read with regular expressions, not the capture code. */
function filesOnPage(html: string): { paths: string[]; additions: number; deletions: number } {
  const paths = [...html.matchAll(/<div class="file-header[^"]*"[^>]*\sdata-path="([^"]+)"/g)].map((match) => match[1]!);
  let additions = 0;
  let deletions = 0;
  for (const [, label] of html.matchAll(/class="diffstat[^"]*" aria-label="([^"]+)"/g)) {
    additions += Number(/(\d+) additions?/.exec(label!)?.[1] ?? 0);
    deletions += Number(/(\d+) deletions?/.exec(label!)?.[1] ?? 0);
  }
  return { paths, additions, deletions };
}

describe('skill command', () => {
  it('runs pr-overview on a saved pull request and prints what it computed', async () => {
    const expected = filesOnPage(readFileSync(reactPage, 'utf8'));
    expect(expected.paths.length).toBeGreaterThan(10);
    const io = recordingIo();
    const code = await skillCommand(['pr-overview', reactPage, '--url', reactUrl, '--timeout', '20000'], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    const report = JSON.parse(io.stdout.join('\n')) as SkillReport;
    expect(report).toMatchObject({ skill: 'pr-overview', ok: true });
    expect(report.error).toBeUndefined();
    // The walk-through puts every file on the page in one group of its reading order, once.
    const value = report.value as { diffRead: boolean; groups: { role: string; files: string[] }[] };
    expect(value.diffRead).toBe(true);
    const grouped = value.groups.flatMap((group) => group.files);
    expect([...grouped].sort()).toEqual([...expected.paths].sort());
    const markdown = report.views.find((view) => view.type === 'markdown');
    expect(markdown && 'text' in markdown ? markdown.text : '').toContain(`(${expected.paths.length} files, +${expected.additions} −${expected.deletions})`);
    expect(report.ms).toBeGreaterThan(0);
  });

  it('exits 1 with the skill error when the skill fails on the page', async () => {
    const io = recordingIo();
    const code = await skillCommand(['doc-outline', reactPage, '--url', reactUrl, '--timeout', '20000'], io);
    expect(code).toBe(1);
    const report = JSON.parse(io.stdout.join('\n')) as SkillReport;
    expect(report.ok).toBe(false);
    expect(report.error).toContain('doc-outline needs a documentation page');
    expect(io.stderr.join('\n')).toContain('captured as github.pull.files');
  });

  it('exits 2 for an unknown skill, naming the ones for this kind of page', async () => {
    const io = recordingIo();
    const code = await skillCommand(['pr-summary', reactPage, '--url', reactUrl], io);
    expect(code).toBe(2);
    expect(io.stdout).toEqual([]);
    const message = io.stderr.join('\n');
    expect(message).toContain('no built-in skill "pr-summary"');
    expect(message).toContain('pr-overview');
    expect(message).not.toContain('doc-outline');
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [[], ['pr-overview'], ['pr-overview', reactPage], ['pr-overview', '/no/such/page.html', '--url', reactUrl]]) {
      const io = recordingIo();
      expect(await skillCommand(args, io)).toBe(2);
      expect(io.stderr.at(-1)).toMatch(/^usage: skill/);
    }
  });

  it('reads enterprise hosts and a timeout', () => {
    expect(parseSkillArguments(['pr-risk', 'page.html', '--url', 'http://127.0.0.1:8123/a/b/pull/1', '--github-host', 'GHE.local', '--timeout', '500'])).toEqual({
      skillId: 'pr-risk',
      htmlPath: 'page.html',
      url: 'http://127.0.0.1:8123/a/b/pull/1',
      githubHosts: ['ghe.local'],
      timeoutMs: 500,
    });
  });
});
