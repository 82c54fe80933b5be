import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../lib/context/types';
import type { CliIO } from '../command';
import { parseSuggestArguments, suggestCommand } from './suggest';

function recordingIo(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

const directory = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
const article = join(directory, 'article.html');
const paragraphs = Array.from({ length: 12 }, (_unused, index) =>
  `<p>Paragraph ${index} explains how the frobnicator turns widgets into gadgets, why the gadgets matter to the team, and what happens when the widget supply runs out in the middle of a release.</p>`,
).join('\n');
writeFileSync(
  article,
  `<html><head><title>Frobnicator guide</title></head><body><article><h1>Frobnicator guide</h1><h2>Install</h2>${paragraphs}
  <pre><code class="language-bash">npm install frobnicator</code></pre><h2>Use</h2>${paragraphs}
  <pre><code class="language-js">frobnicate(widgets)</code></pre></article></body></html>`,
);

describe('suggest command', () => {
  it('prints the cards for a saved article as JSON', async () => {
    const io = recordingIo();
    const code = await suggestCommand([article, '--url', 'https://docs.example.com/guide'], io);
    expect(code).toBe(0);
    expect(io.stderr).toEqual([]);
    const cards = JSON.parse(io.stdout.join('\n')) as Suggestion[];
    expect(cards.map((card) => card.rule)).toEqual(['docs-tldr', 'docs-code-samples']);
    expect(cards[1]?.why).toBe('The page has 2 code blocks (bash and js).');
  });

  it('puts the selection first when one is given, and honours --limit', async () => {
    const io = recordingIo();
    await suggestCommand([article, '--url', 'https://docs.example.com/guide', '--selection', 'widget supply', '--limit', '1'], io);
    const cards = JSON.parse(io.stdout.join('\n')) as Suggestion[];
    expect(cards).toHaveLength(1);
    expect(cards[0]?.run).toEqual({ ask: 'Explain the selected text.', quote: { of: 'selection', text: 'widget supply' } });
  });

  it('gives the same ids for two runs on the same page', async () => {
    const first = recordingIo();
    const second = recordingIo();
    await suggestCommand([article, '--url', 'https://docs.example.com/guide'], first);
    await suggestCommand([article, '--url', 'https://docs.example.com/guide#use'], second);
    const ids = (io: { stdout: string[] }) => (JSON.parse(io.stdout.join('\n')) as Suggestion[]).map((card) => card.id);
    expect(ids(second)).toEqual(ids(first));
  });

  it('exits 2 with the usage for bad arguments', async () => {
    for (const args of [[], [article], [article, '--url'], [article, '--url', 'not a url'], [article, '--url', 'https://x.example/', '--limit', '0'], [article, '--url', 'https://x.example/', '--frob']]) {
      const io = recordingIo();
      expect(await suggestCommand(args, io), args.join(' ')).toBe(2);
      expect(io.stdout).toEqual([]);
      expect(io.stderr.at(-1)).toMatch(/^usage: suggest <file.html> --url <page-url>/);
    }
  });

  it('exits 2 when the file cannot be read', async () => {
    const io = recordingIo();
    expect(await suggestCommand([join(directory, 'missing.html'), '--url', 'https://x.example/'], io)).toBe(2);
    expect(io.stderr[0]).toBe(`suggest: cannot read ${join(directory, 'missing.html')} (ENOENT)`);
  });

  it('collects repeated --github-host flags, lower-cased', () => {
    expect(parseSuggestArguments(['a.html', '--url', 'https://ghe.example/a/b/pull/1', '--github-host', 'GHE.example', '--github-host', 'git.corp:8443'])).toEqual({
      htmlPath: 'a.html',
      url: 'https://ghe.example/a/b/pull/1',
      githubHosts: ['ghe.example', 'git.corp:8443'],
      limit: 5,
    });
  });
});
