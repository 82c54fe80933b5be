// The commands of README.md's "Developing" table, run as a user types them: `npm run <script> -- <args>`
// in a child process, checked by exit code and the shape of what they print. In-process tests of the
// commands (cli/commands/*.test.ts) cannot see a broken npm script, a path that only resolves from one
// directory, or code that breaks under tsx. The commands that need the built extension and Chromium
// (`npm run bench`, `npm run test:injection`) are in test/e2e/readme-commands.e2e.ts.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { skills } from '../../lib/skills/index';
import { startFakeLlm, type FakeLlm } from '../fake-llm/server';
import { realFixtures } from '../fixtures/paths';
import { describeRun, providerFreeEnvironment, runCommand, type Ran } from '../run-command';

const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));

const reactPull = { file: `${realFixtures}/github/pr-files-facebook-react-15141.html`, url: 'https://github.com/facebook/react/pull/15141/files' };
// Small hand-made pages where the command, not the page, is under test: each run costs less CPU.
const smallPull = { file: `${fixtures}/github/pr-files-react.html`, url: 'https://github.com/acme/widgets/pull/42/files' };
const failingCheckPull = { file: `${fixtures}/github/pr-conversation-failing-check.html`, url: 'https://github.com/acme/widgets/pull/42' };
const actionsJob = { file: `${fixtures}/github/actions-job.html`, url: 'https://github.com/acme/widgets/actions/runs/1/job/2' };
const ietfArticle = { file: `${realFixtures}/articles/ietf-1/source.html`, url: 'https://tools.ietf.org/html/draft-dejong-remotestorage-04' };
const v8Article = { file: `${realFixtures}/articles/v8-blog/source.html`, url: 'https://v8.dev/blog/emscripten-standalone-wasm' };
const defuddleIssue = { file: `${realFixtures}/github/issue-kepano-defuddle-56.html`, url: 'https://github.com/kepano/defuddle/issues/56' };
const marzipanifyHome = { file: `${realFixtures}/github/repo-home-steventroughtonsmith-marzipanify.html`, url: 'https://github.com/steventroughtonsmith/marzipanify' };
const commitPage = { file: `${fixtures}/github/commit-excalidraw-2fa8000.html`, url: 'https://github.com/TingGeorge/excalidraw-github-extension-on-chrome/commit/2fa800062b33136871c6cd109d770279c9f88b4a' };
const reactBlob = { file: `${fixtures}/github/blob-react.html`, url: 'https://github.com/acme/widgets/blob/main/src/a.ts#L3-L5' };
const runLogTable = { file: `${fixtures}/dashboard/run-log-table.html`, url: 'https://grafana.example.com/d/runs' };

/** A fitting page for each built-in skill (lib/skills/index.ts). */
const skillPages: Record<string, { file: string; url: string }> = {
  'pr-overview': smallPull,
  'pr-risk': smallPull,
  'pr-checks': failingCheckPull,
  'review-draft': smallPull,
  'actions-log-errors': actionsJob,
  'doc-outline': ietfArticle,
  'doc-tldr': v8Article,
  'metric-change': runLogTable,
  'table-summary': runLogTable,
  'issue-summary': defuddleIssue,
  'repo-overview': marzipanifyHome,
  'change-overview': commitPage,
  'file-outline': reactBlob,
  'tree-overview': { file: `${fixtures}/github/tree-react.html`, url: 'https://github.com/acme/widgets/tree/main/src/upload' },
};

// Each run starts npm and tsx (about 2 s of CPU): three at a time keeps two cores busy without
// starving the test files that run beside this one.
const MAX_RUNNING = 3;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function run(command: string, args: string[], environment?: NodeJS.ProcessEnv): Promise<Ran> {
  return slot(() => runCommand(command, args, { environment, killAfterMs: 90_000 }));
}

/** `npm run <script> -- <args>`, as the README writes it. */
function npmRun(script: string, args: string[], environment?: NodeJS.ProcessEnv): Promise<Ran> {
  return run('npm', ['run', script, '--', ...args], environment);
}

describe.concurrent('README "Developing" commands, run as a user types them', { timeout: 240_000 }, () => {
  let llm: FakeLlm;

  beforeAll(async () => {
    llm = await startFakeLlm({
      turns: [
        { toolCalls: [{ name: 'run_script', arguments: JSON.stringify({ code: 'const paths = files().map((file) => file.path);\nconsole.log("files", paths.length);\nreturn paths;' }) }] },
        { text: 'Three files change; src/upload.ts has the most edits.' },
      ],
    });
  });

  afterAll(async () => {
    await llm.close();
  });

  it('npm run capture prints the PageContext of a saved page as JSON', async ({ expect }) => {
    const ran = await npmRun('capture', [reactPull.file, '--url', reactPull.url]);
    expect(ran.code, describeRun(ran)).toBe(0);
    const context = JSON.parse(ran.stdout) as { url: string; kind: string; title: string; data: { type: string; files: unknown[] } };
    expect(context).toMatchObject({ url: reactPull.url, kind: 'github.pull.files', data: { type: 'pull' } });
    expect(context.title).not.toBe('');
    expect(context.data.files.length).toBeGreaterThan(10);
  });

  it('npm run capture --prompt prints the budgeted prompt and its token count', async ({ expect }) => {
    const ran = await npmRun('capture', [ietfArticle.file, '--url', ietfArticle.url, '--prompt', '--budget', '800']);
    expect(ran.code, describeRun(ran)).toBe(0);
    const lines = ran.stdout.trimEnd().split('\n');
    const tokens = Number(/^tokens: (\d+)$/.exec(lines.at(-1) ?? '')?.[1]);
    expect(tokens).toBeGreaterThan(100);
    expect(tokens).toBeLessThanOrEqual(800);
    expect(lines.length).toBeGreaterThan(5);
  });

  it('npm run suggest prints the cards for a saved page', async ({ expect }) => {
    const ran = await npmRun('suggest', [reactPull.file, '--url', reactPull.url]);
    expect(ran.code, describeRun(ran)).toBe(0);
    const cards = JSON.parse(ran.stdout) as { id: string; title: string; why: string; score: number; run: Record<string, unknown> }[];
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(card).toMatchObject({ id: expect.any(String), title: expect.any(String), why: expect.any(String), score: expect.any(Number) });
      expect(Object.keys(card.run)).toHaveLength(1);
    }
  });

  it('npm run sandbox runs a script over a --page JSON file', async ({ expect }) => {
    const ran = await npmRun('sandbox', [`${fixtures}/sandbox/series-median.js`, '--page', `${fixtures}/sandbox/bare-dashboard.json`]);
    expect(ran.code, describeRun(ran)).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ ok: true, value: expect.any(Number), logs: [], ms: expect.any(Number) });
  });

  it('npm run sandbox runs a script over a saved PageContext, with the prelude and views', async ({ expect }) => {
    const ran = await npmRun('sandbox', [`${fixtures}/sandbox/added-lines-summary.js`, '--page', `${fixtures}/sandbox/pull-context.json`]);
    expect(ran.code, describeRun(ran)).toBe(0);
    const result = JSON.parse(ran.stdout) as { ok: boolean; views?: unknown[] };
    expect(result.ok).toBe(true);
    expect(result.views?.length).toBeGreaterThan(0);
  });

  it('npm run sandbox exits 1 with the error when the script throws or runs out of time', async ({ expect }) => {
    const [thrown, looping] = await Promise.all([
      npmRun('sandbox', [`${fixtures}/sandbox/throws-on-line-2.js`]),
      npmRun('sandbox', [`${fixtures}/sandbox/loops-forever.js`, '--timeout', '200']),
    ]);
    for (const ran of [thrown, looping]) {
      expect(ran.code, describeRun(ran)).toBe(1);
      expect(JSON.parse(ran.stdout)).toMatchObject({ ok: false, error: expect.any(String) });
    }
  });

  it('npm run ask runs the agent against an OpenAI-compatible server (the fake one on 127.0.0.1)', async ({ expect }) => {
    const ran = await npmRun('ask', [smallPull.file, '--url', smallPull.url, 'Which files change?'], providerFreeEnvironment({ TANDEM_MODEL: 'fake-model', OPENAI_BASE_URL: llm.url }));
    expect(ran.code, describeRun(ran)).toBe(0);
    expect(ran.stdout).toContain('files().map');
    expect(ran.stdout).toMatch(/^log: files \d+$/m);
    expect(ran.stdout.trimEnd().endsWith('Three files change; src/upload.ts has the most edits.')).toBe(true);
    expect(llm.chatCalls()[0]?.body?.model).toBe('fake-model');
  });

  it('has a page for every built-in skill', ({ expect }) => {
    expect(Object.keys(skillPages).sort()).toEqual(skills.map((skill) => skill.id).sort());
  });

  for (const [skill, page] of Object.entries(skillPages)) {
    it(`npm run skill ${skill} prints its result as JSON`, async ({ expect }) => {
      const ran = await npmRun('skill', [skill, page.file, '--url', page.url]);
      expect(ran.code, describeRun(ran)).toBe(0);
      // The page fits the skill: no "is meant for … pages" warning.
      expect(ran.stderr).not.toContain('is meant for');
      const report = JSON.parse(ran.stdout) as { skill: string; ok: boolean; views: unknown[]; logs: unknown[]; ms: number };
      expect(report).toMatchObject({ skill, ok: true, logs: expect.any(Array), ms: expect.any(Number) });
      expect(report.views.length).toBeGreaterThan(0);
    });
  }

  it('npm run skill runs a user skill file (the repository\'s example) as a saved skill runs', async ({ expect }) => {
    const ran = await npmRun('skill', ['./.tandem/skills/changed-without-tests.js', smallPull.file, '--url', smallPull.url]);
    expect(ran.code, describeRun(ran)).toBe(0);
    const report = JSON.parse(ran.stdout) as { skill: string; ok: boolean; value: unknown; views: { type: string; text?: string }[] };
    // The sample pull request changes no lib/ module: the skill says so in words.
    expect(report).toMatchObject({ skill: 'user-modules-changed-without-their-tests', ok: true, value: [] });
    expect(report.views[0]?.text).toMatch(/^Every changed module here has its test changed too/);
  });

  describe('bad arguments give a usage line and exit 2', () => {
    const cases: { name: string; command: string; args: string[]; environment?: NodeJS.ProcessEnv }[] = [
      { name: 'an unknown command', command: 'npx', args: ['tsx', 'cli/main.ts', 'summarise', reactPull.file] },
      { name: 'capture with an unknown flag', command: 'npm', args: ['run', 'capture', '--', reactPull.file, '--url', reactPull.url, '--pretty'] },
      { name: 'capture without --url', command: 'npm', args: ['run', 'capture', '--', reactPull.file] },
      { name: 'suggest on a missing file', command: 'npm', args: ['run', 'suggest', '--', 'no-such-page.html', '--url', reactPull.url] },
      { name: 'skill with an unknown skill id', command: 'npm', args: ['run', 'skill', '--', 'pr-summary', smallPull.file, '--url', smallPull.url] },
      { name: 'skill with a missing skill file', command: 'npm', args: ['run', 'skill', '--', './no-such-skill.js', smallPull.file, '--url', smallPull.url] },
      { name: 'sandbox on a missing script', command: 'npm', args: ['run', 'sandbox', '--', 'no-such-script.js'] },
      { name: 'ask without TANDEM_MODEL', command: 'npm', args: ['run', 'ask', '--', smallPull.file, '--url', smallPull.url, 'Hi?'] },
    ];
    for (const entry of cases) {
      it(entry.name, async ({ expect }) => {
        const ran = await run(entry.command, entry.args, entry.environment);
        expect(ran.code, describeRun(ran)).toBe(2);
        expect(ran.stderr).toMatch(/^usage: /m);
        expect(ran.stdout.trim()).toBe('');
      });
    }
  });
});
