// Runs a command as a user types it in a terminal at the repository root, for the tests of the README's
// commands: a child process, its exit code, and what it printed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Ran {
  code: number | null;
  /** What the program printed, without npm's `> tandem@… script` banner. */
  stdout: string;
  stderr: string;
}

/** The environment of a user with no provider configured, so nothing a command does can reach the network. */
export function providerFreeEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'TANDEM_MODEL']) delete environment[name];
  return { ...environment, ...extra };
}

function withoutNpmBanner(stdout: string): string {
  return stdout.replace(/^\s*(> [^\n]*\n)+\n?/, '');
}

export function runCommand(command: string, args: string[], options: { environment?: NodeJS.ProcessEnv; killAfterMs: number }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: options.environment ?? providerFreeEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    // A command that hangs is a failure to report with its output, not a bare test timeout.
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: withoutNpmBanner(stdout), stderr });
    });
  });
}

/** Exit code and output, for the message of a failed expectation. */
export function describeRun(ran: Ran): string {
  return `exit ${String(ran.code)}\n--- stdout\n${ran.stdout.slice(-3000)}\n--- stderr\n${ran.stderr.slice(-3000)}`;
}
