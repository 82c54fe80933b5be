import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../../test/fake-llm/server';
import type { CliIO } from '../command';
import { askWithEnvironment, parseAskArguments, providerFromEnvironment, type StreamingCliIO } from './ask';

function recordingIo(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

const page = 'test/fixtures/github/pr-files-react.html';
const url = 'https://github.com/acme/widgets/pull/42/files';
const script = 'const paths = files().map((file) => file.path);\nconsole.log("files", paths.length);\nreturn paths;';

let server: FakeLlm | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('ask command', () => {
  it('prints the script the model ran, its result, and the streamed answer', async () => {
    server = await startFakeLlm({
      turns: [
        { toolCalls: [{ name: 'run_script', arguments: JSON.stringify({ code: script }) }] },
        { text: 'The pull request changes three files; src/upload.ts has the most edits.' },
      ],
    });
    const io = recordingIo();
    const code = await askWithEnvironment({ TANDEM_MODEL: 'fake-model', OPENAI_BASE_URL: server.url })([page, '--url', url, 'Which files change?'], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    const output = io.stdout.join('\n');
    expect(output).toContain(script);
    expect(output).toContain('"src/upload.ts"');
    expect(output).toMatch(/^log: files \d+$/m);
    expect(output).toMatch(/── result · \d+ ms ──/);
    expect(output.trimEnd().endsWith('The pull request changes three files; src/upload.ts has the most edits.')).toBe(true);
    // The script ran before the answer was written, and the answer is printed after it.
    expect(output.indexOf(script)).toBeLessThan(output.indexOf('The pull request changes'));

    const [first] = server.chatCalls();
    expect(first?.body?.model).toBe('fake-model');
    expect(JSON.stringify(first?.body?.messages)).toContain('Which files change?');
  });

  it('streams text through write when the terminal has it, and shows proposed actions unexecuted', async () => {
    server = await startFakeLlm({
      turns: [
        { toolCalls: [{ name: 'propose_action', arguments: JSON.stringify({ action: { type: 'copy', text: 'LGTM' }, why: 'a short approval' }) }] },
        { text: 'Here is a draft you can copy.' },
      ],
    });
    const written: string[] = [];
    const io: StreamingCliIO & { stdout: string[] } = { ...recordingIo(), write: (text) => written.push(text) };
    const code = await askWithEnvironment({ TANDEM_MODEL: 'fake-model', OPENAI_BASE_URL: server.url })([page, '--url', url, 'Draft', 'a', 'review'], io);
    expect(code).toBe(0);
    expect(written.length).toBeGreaterThan(1);
    expect(written.join('')).toBe('Here is a draft you can copy.');
    expect(io.stdout.join('\n')).toContain('Proposed (not executed): Copy 4 characters to the clipboard — a short approval');
    expect(JSON.stringify(server.chatCalls()[0]?.body?.messages)).toContain('Draft a review');
  });

  it('prints a proposal as the panel’s card does: the name the saved page gives the target, the note, warnings and refusals', async () => {
    const fill = { type: 'fill', selector: '#location', label: 'City, country', text: 'Lis\u200Bbon' };
    const click = { type: 'click', selector: '#post', label: 'Preview' };
    server = await startFakeLlm({
      turns: [
        { toolCalls: [{ name: 'propose_action', arguments: JSON.stringify({ action: fill, why: 'asked to move' }) }] },
        { toolCalls: [{ name: 'propose_action', arguments: JSON.stringify({ action: click, why: 'show the preview' }) }] },
        { text: 'Two proposals.' },
      ],
    });
    const io = recordingIo();
    const saved = 'test/fixtures/actions/save-on-change.html';
    const code = await askWithEnvironment({ TANDEM_MODEL: 'fake-model', OPENAI_BASE_URL: server.url })([saved, '--url', 'https://profile.example/settings', 'Move me'], io);
    expect(code).toBe(0);
    const output = io.stdout.join('\n');
    expect(output).toContain('Proposed (not executed): Fill “City, country” with 7 characters — asked to move');
    expect(output).toContain('  on the page: “Location”');
    expect(output).toContain('Lis⟨U+200B⟩bon');
    expect(output).toContain('  note: Only typed in: Tandem does not submit, press Enter or leave the field');
    expect(output).toContain('  warning: The page names this element “Location”, not “City, country” as proposed.');
    expect(output).toContain('  warning: The text contains 1 invisible character');
    expect(output).toContain('Proposed (not executed): Click “Preview” — show the preview');
    expect(output).toContain('  on the page: “Post”');
    expect(output).toContain('  refused on this page: The element at #post is named “Post”, not “Preview”.');
  });

  it('reads more of the saved page when the model asks for a section', async () => {
    server = await startFakeLlm({
      turns: [
        { toolCalls: [{ name: 'read_more', arguments: JSON.stringify({ section: 'src/upload.ts' }) }] },
        (call) => {
          const last = call.body?.messages?.at(-1);
          const read = last?.role === 'tool' ? String(last.content) : '';
          return { text: read.includes('not available') || !read.includes('upload') ? `read failed: ${read.slice(0, 80)}` : `Read ${read.length} characters.` };
        },
      ],
    });
    const io = recordingIo();
    const code = await askWithEnvironment({ TANDEM_MODEL: 'fake-model', OPENAI_BASE_URL: server.url })([page, '--url', url, 'What changed in upload?'], io);
    expect(code).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/Read \d+ characters\.$/);
  });

  it('exits 1 and names the fix when the server refuses the key', async () => {
    server = await startFakeLlm({ requireApiKey: 'right-key', fallback: { text: 'unused' } });
    const io = recordingIo();
    const code = await askWithEnvironment({ TANDEM_MODEL: 'fake-model', OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'wrong-key' })([page, '--url', url, 'Hi?'], io);
    expect(code).toBe(1);
    const errors = io.stderr.join('\n');
    expect(errors).toMatch(/^AuthError: /);
    expect(errors).toContain('Fix: The API key was refused: check OPENAI_API_KEY');
    expect(errors).not.toContain('Settings');
  });

  it('exits 2 with a clear message when TANDEM_MODEL is missing', async () => {
    const io = recordingIo();
    const code = await askWithEnvironment({ OPENAI_API_KEY: 'key' })([page, '--url', url, 'Hi?'], io);
    expect(code).toBe(2);
    expect(io.stderr[0]).toContain('TANDEM_MODEL is not set');
  });

  it('reads the provider from the environment with OpenAI as the default', () => {
    expect(providerFromEnvironment({ TANDEM_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'sk-test' })).toEqual({
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: 'sk-test',
    });
    expect(() => parseAskArguments([page, '--url', url])).toThrow(/question is missing/);
  });
});
