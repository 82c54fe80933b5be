// `npm run skill` runs the CLI under tsx, which compiles with esbuild's keepNames: code that reached the
// sandbox through Function.prototype.toString then carried `__name(…)` calls the sandbox does not define.
// These run the CLI as that real process, not through vitest's transform.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { realFixtures } from '../test/fixtures/paths';

const ROOT = process.cwd();
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface SkillReport {
  skill: string;
  ok: boolean;
  value: unknown;
  error?: string;
}

async function skillUnderTsx(args: string[]): Promise<{ exitCode: number; report: SkillReport; stderr: string }> {
  const run = promisify(execFile)(TSX, ['cli/main.ts', 'skill', ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  const { stdout, stderr } = await run.catch((error: { code?: number; stdout?: string; stderr?: string }) => {
    throw new Error(`the CLI exited with ${error.code}: ${error.stderr ?? ''}${error.stdout ?? ''}`);
  });
  return { exitCode: run.child.exitCode ?? 0, report: JSON.parse(stdout) as SkillReport, stderr };
}

describe('the skill command under tsx, as a process', () => {
  it('summarises a real article with doc-tldr', async () => {
    const page = `${realFixtures}/articles/ietf-1/source.html`;
    const { exitCode, report, stderr } = await skillUnderTsx(['doc-tldr', page, '--url', 'https://www.ietf.org/blog/example/', '--timeout', '20000']);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(report).toMatchObject({ skill: 'doc-tldr', ok: true });
    expect((report.value as { sentences: string[] }).sentences.length).toBeGreaterThan(0);
  });

  it('finds the changes on a dashboard with metric-change', async () => {
    const page = join(ROOT, 'test/fixtures/dashboard/grafana-like.html');
    const { exitCode, report, stderr } = await skillUnderTsx(['metric-change', page, '--url', 'https://grafana.example.com/d/checkout', '--timeout', '20000']);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(report).toMatchObject({ skill: 'metric-change', ok: true, value: { seriesCount: 2 } });
  });
});
