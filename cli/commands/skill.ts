// `skill <skill-id | skill-file.js> <file.html> --url <page-url> [--github-host host]... [--timeout ms]`:
// captures a saved page as the extension would, runs one built-in skill (or a user's skill file, the way
// a saved skill runs) on it the way a card does, and prints the result as JSON.
import type { Command, CliIO } from '../command';
import { UsageError, flagValue, parseUrl, positiveNumber } from '../arguments';
import type { PageContext, ScriptResult } from '../../lib/context/types';
import { runTurn } from '../../lib/conversation/run-turn';
import { getSkill, skills, skillsForKind, type Skill } from '../../lib/skills/index';
import { captureSavedPage } from './capture';
import { readFile } from 'node:fs/promises';
import { asSkill } from '../../lib/user-skills/as-skill';
import { parseSkillFile } from '../../lib/user-skills/skill-file';
import { freeSkillId } from '../../lib/user-skills/validate';

const USAGE = 'usage: skill <skill-id | skill-file.js> <file.html> --url <page-url> [--github-host host]... [--timeout ms]';

export interface SkillArguments {
  skillId: string;
  htmlPath: string;
  url: string;
  githubHosts: string[];
  timeoutMs?: number;
}

/** What the command prints: the skill's ScriptResult, named. */
export interface SkillReport {
  skill: string;
  ok: boolean;
  value: unknown;
  views: NonNullable<ScriptResult['views']>;
  logs: string[];
  ms: number;
  error?: string;
}





export function parseSkillArguments(args: string[]): SkillArguments {
  const positional: string[] = [];
  const githubHosts: string[] = [];
  let url: string | undefined;
  let timeoutMs: number | undefined;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]!;
    if (argument === '--url') url = parseUrl(flagValue(args, index++, argument));
    else if (argument === '--github-host') githubHosts.push(flagValue(args, index++, argument).toLowerCase());
    else if (argument === '--timeout') timeoutMs = positiveNumber('--timeout', flagValue(args, index++, argument), { unit: 'milliseconds' });
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else positional.push(argument);
  }
  const [skillId, htmlPath, ...extra] = positional;
  if (skillId === undefined) throw new UsageError(`the skill id is missing (one of: ${skills.map((skill) => skill.id).join(', ')})`);
  if (htmlPath === undefined) throw new UsageError('the HTML file is missing');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  if (url === undefined) throw new UsageError('--url is required: the page is classified by its URL');
  const parsed: SkillArguments = { skillId, htmlPath, url, githubHosts };
  if (timeoutMs !== undefined) parsed.timeoutMs = timeoutMs;
  return parsed;
}


/** A path to a `.js` file, not a built-in skill's id. */
function isSkillFile(argument: string): boolean {
  return /\.[cm]?js$/i.test(argument) || argument.includes('/') || argument.includes('\\');
}

async function readSkillFile(path: string): Promise<Skill> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the skill file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseSkillFile(text, path);
  if (!parsed.ok) throw new UsageError(parsed.problems.join('; '));
  const now = Date.now();
  return asSkill({ ...parsed.value, id: freeSkillId(parsed.value.name, new Set()), createdAt: now, updatedAt: now });
}

async function resolveSkill(id: string, context: PageContext): Promise<Skill> {
  if (isSkillFile(id)) return readSkillFile(id);
  const skill = getSkill(id);
  if (skill) return skill;
  const forKind = skillsForKind(context.kind).map((candidate) => candidate.id);
  const valid = forKind.length > 0 ? `skills for ${context.kind} pages: ${forKind.join(', ')}` : `no built-in skill is meant for ${context.kind} pages`;
  throw new UsageError(`there is no built-in skill "${id}"; ${valid}`);
}

/** Runs the skill through the same turn runner the side panel's cards use and keeps its script result. */
async function runSkill(skill: Skill, context: PageContext, timeoutMs: number | undefined): Promise<ScriptResult> {
  const events = runTurn(
    { type: 'skill', skill: skill.id, title: skill.title },
    {
      context,
      // A skill file runs as a saved skill does: found by its id, under the skill limits.
      findSkill: (id) => (id === skill.id ? skill : getSkill(id)),
      provider: null,
      tokenBudget: 0,
      history: [],
      signal: new AbortController().signal,
      ...(timeoutMs === undefined ? {} : { sandboxLimits: { timeoutMs } }),
    },
  );
  let result: ScriptResult | undefined;
  let runError: string | undefined;
  for await (const event of events) {
    if (event.type === 'script-end') result = event.result;
    else if (event.type === 'run-error') runError = `${event.error.name}: ${event.error.message}`;
  }
  return result ?? { ok: false, error: runError ?? 'the skill did not run', logs: [], ms: 0 };
}

export function skillReport(skill: string, result: ScriptResult): SkillReport {
  const report: SkillReport = { skill, ok: result.ok, value: result.value ?? null, views: result.views ?? [], logs: result.logs, ms: result.ms };
  if (result.error !== undefined) report.error = result.error;
  return report;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseSkillArguments(args);
  const context = await captureSavedPage(parsed.htmlPath, parsed.url, parsed);
  const skill = await resolveSkill(parsed.skillId, context);
  if (!skill.kinds.includes(context.kind)) {
    // Still run it: the skill's own error says what it needed, which is the more useful answer.
    io.err(`skill: ${skill.id} is meant for ${skill.kinds.join(', ')} pages; this page was captured as ${context.kind}`);
  }
  const result = await runSkill(skill, context, parsed.timeoutMs);
  io.out(JSON.stringify(skillReport(skill.id, result), null, 2));
  return result.ok ? 0 : 1;
}

export const skillCommand: Command = async (args, io) => {
  try {
    return await run(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`skill: ${error.message}`);
    io.err(USAGE);
    return 2;
  }
};
