import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../command';
import type { PageContext } from '../../lib/context/types';

import { captureCommand, parseCaptureArguments } from './capture';
import { realFixtures } from '../../test/fixtures/paths';

function recordingIo(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

const directory = mkdtempSync(join(tmpdir(), 'capture-cli-'));
const emptyPage = join(directory, 'empty.html');
writeFileSync(emptyPage, '<html><body></body></html>');

describe('capture command', () => {
  it('prints the PageContext of a saved article as JSON', async () => {
    const io = recordingIo();
    const code = await captureCommand([`${realFixtures}/articles/v8-blog/source.html`, '--url', 'http://fakehost/test/page.html'], io);
    expect(code).toBe(0);
    const context = JSON.parse(io.stdout.join('\n')) as PageContext;
    expect(context.kind).toBe('docs');
    expect(context.title).toBe('standalone WebAssembly binaries using Emscripten · V8');
  });

  it('classifies a nearly empty page by --url, enterprise hosts included', async () => {
    const io = recordingIo();
    await captureCommand([emptyPage, '--url', 'http://127.0.0.1:8123/acme/app/issues/9', '--github-host', '127.0.0.1:8123'], io);
    const context = JSON.parse(io.stdout.join('\n')) as PageContext;
    expect(context.kind).toBe('github.issue');
    expect(context.data.type).toBe('issue');
    const generic = recordingIo();
    await captureCommand([emptyPage, '--url', 'http://127.0.0.1:8123/acme/app/issues/9'], generic);
    const unknownHost = JSON.parse(generic.stdout.join('\n')) as PageContext;
    expect(unknownHost.kind).toBe('generic');
    expect(unknownHost.facts.classifiedAs).toBeUndefined();
  });

  it('prints the budgeted prompt and its token count with --prompt', async () => {
    const io = recordingIo();
    const code = await captureCommand(['test/fixtures/dashboard/grafana-like.html', '--url', 'https://grafana.example.com/d/x', '--prompt', '--budget', '300'], io);
    expect(code).toBe(0);
    const lines = io.stdout.join('\n').split('\n');
    const last = lines.at(-1) ?? '';
    expect(last).toMatch(/^tokens: \d+$/);
    expect(Number(last.slice('tokens: '.length))).toBeLessThanOrEqual(300);
    expect(lines[0]).toBe('# Checkout service - Dashboards - Grafana');
    expect(lines).toContain('kind: dashboard');
  });

  it('captures a saved pull request (files tab) and fits its prompt in the budget', async () => {
    const io = recordingIo();
    const url = 'https://github.com/facebook/react/pull/15141/files';
    await captureCommand([`${realFixtures}/github/pr-files-facebook-react-15141.html`, '--url', url, '--prompt', '--budget', '1400'], io);
    const text = io.stdout.join('\n');
    expect(text).toContain('kind: github.pull.files');
    expect(text).toContain('packages/react/src/ReactElement.js');
    expect(Number(/tokens: (\d+)$/.exec(text)?.[1])).toBeLessThanOrEqual(1400);
  });

  it.each([
    [[], 'the HTML file is missing'],
    [['page.html'], '--url is required'],
    [['page.html', '--url', 'not a url'], '--url must be an absolute URL'],
    [['page.html', '--url', 'https://x.example/', '--budget', '-4'], '--budget must be a positive whole number'],
    [['page.html', '--url', 'https://x.example/', '--bogus'], 'unknown option --bogus'],
    [[join(directory, 'missing.html'), '--url', 'https://x.example/'], 'cannot read'],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const io = recordingIo();
    expect(await captureCommand(args, io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(message);
    expect(io.stderr.join('\n')).toContain('usage: capture');
    expect(io.stdout).toEqual([]);
  });

  it('parses repeated --github-host flags', () => {
    expect(parseCaptureArguments(['a.html', '--url', 'https://x.example/', '--github-host', 'GHE.example.com', '--github-host', 'h:1']).githubHosts).toEqual(['ghe.example.com', 'h:1']);
  });
});
