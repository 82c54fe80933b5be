// One versioned JSON file with Tandem's settings and saved skills, for moving them between browsers or
// sharing skills. The API key never goes in it. Reading a file checks all of it before anything is
// written, and names what is wrong and where; the caller writes nothing unless it is all good.
import type { Settings } from '../storage/settings';
import { normalizeHost, TOKEN_BUDGET_RANGE } from '../storage/settings-rules';
import type { UserSkill, UserSkillDraft } from './types';
import { jsonErrorOffset } from './json-error-offset';
import { checkDraft, duplicateNames, MAX_USER_SKILLS, type Checked } from './validate';

export const EXPORT_FORMAT = 'tandem-settings';
export const EXPORT_VERSION = 1;
/** A file bigger than this is not a settings file (200 skills of 100 KB would be 20 MB; none is that big). */
export const MAX_IMPORT_CHARS = 5_000_000;

/** Settings as they travel: everything but the API key. */
export type ExportedSettings = Omit<Settings, 'provider' | 'onDevice'> & {
  provider: Omit<NonNullable<Settings['provider']>, 'apiKey'> | null;
  /** Absent from files written before the on-device model was a provider. */
  onDevice?: Settings['onDevice'];
};

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  settings: ExportedSettings;
  skills: Omit<UserSkill, 'id' | 'createdAt' | 'updatedAt'>[];
}

export function buildExport(settings: Settings, skills: readonly UserSkill[], now: Date): ExportFile {
  const provider = settings.provider ? { baseUrl: settings.provider.baseUrl, model: settings.provider.model, ...(settings.provider.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: settings.provider.stallTimeoutMs }) } : null;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    settings: { ...settings, provider },
    skills: skills.map(({ name, description, kinds, urlPattern, offer, code, enabled }) => ({ name, description, kinds, urlPattern, offer, code, enabled })),
  };
}

export interface ImportContents {
  settings: ExportedSettings;
  skills: UserSkillDraft[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse's complaint, with the line and column where the text first goes wrong. */
function jsonProblem(text: string, error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/, '');
  const offset = jsonErrorOffset(text);
  if (offset === null) return `the file is not JSON: ${message}`;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `the file is not JSON: ${message} at line ${line}, column ${column}`;
}

function checkSettings(value: unknown): Checked<ExportedSettings> {
  if (!isRecord(value)) return { ok: false, problems: ['"settings" is missing or not an object'] };
  const problems: string[] = [];
  const { provider, onDevice, proactivity, ambientHosts, githubHosts, tokenBudget, inPageHelp, captureTimings } = value;
  if (onDevice !== undefined && onDevice !== 'undecided' && onDevice !== 'chosen' && onDevice !== 'declined') {
    problems.push('settings.onDevice must be "undecided", "chosen" or "declined"');
  }
  if (provider !== null) {
    if (!isRecord(provider) || typeof provider.baseUrl !== 'string' || !/^https?:\/\//.test(provider.baseUrl) || typeof provider.model !== 'string') {
      problems.push('settings.provider must be null or have an http(s) "baseUrl" and a "model"');
    } else if (provider.stallTimeoutMs !== undefined && (typeof provider.stallTimeoutMs !== 'number' || provider.stallTimeoutMs <= 0)) {
      problems.push('settings.provider.stallTimeoutMs must be a positive number of milliseconds');
    }
  }
  if (proactivity !== 'off' && proactivity !== 'suggest' && proactivity !== 'prefetch') problems.push('settings.proactivity must be "off", "suggest" or "prefetch"');
  for (const [name, hosts] of [['ambientHosts', ambientHosts], ['githubHosts', githubHosts]] as const) {
    if (!Array.isArray(hosts)) problems.push(`settings.${name} must be a list of hosts`);
    else hosts.forEach((host, index) => {
      const checked = typeof host === 'string' ? normalizeHost(host) : { ok: false as const, reason: 'not a string' };
      if (!checked.ok) problems.push(`settings.${name}[${index}]: ${checked.reason}`);
    });
  }
  if (typeof tokenBudget !== 'number' || !Number.isInteger(tokenBudget) || tokenBudget < TOKEN_BUDGET_RANGE.min || tokenBudget > TOKEN_BUDGET_RANGE.max) {
    problems.push(`settings.tokenBudget must be a whole number from ${TOKEN_BUDGET_RANGE.min} to ${TOKEN_BUDGET_RANGE.max}`);
  }
  if (typeof inPageHelp !== 'boolean') problems.push('settings.inPageHelp must be true or false');
  if (typeof captureTimings !== 'boolean') problems.push('settings.captureTimings must be true or false');
  if (problems.length > 0) return { ok: false, problems };
  // An API key in the file (hand-added) is left out: the key is only ever typed in Settings.
  const kept = provider === null ? null : (provider as { baseUrl: string; model: string; stallTimeoutMs?: number });
  return {
    ok: true,
    value: {
      provider: kept === null ? null : { baseUrl: kept.baseUrl, model: kept.model, ...(kept.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: kept.stallTimeoutMs }) },
      ...(onDevice === undefined ? {} : { onDevice: onDevice as Settings['onDevice'] }),
      proactivity: proactivity as Settings['proactivity'],
      ambientHosts: ambientHosts as string[],
      githubHosts: githubHosts as string[],
      tokenBudget: tokenBudget as number,
      inPageHelp: inPageHelp as boolean,
      captureTimings: captureTimings as boolean,
    },
  };
}

export type CodeCheck = (code: string) => Promise<{ ok: true } | { ok: false; message: string; line?: number }>;

/**
 * Reads an export file: its JSON, format and version, settings, every skill's fields and code (compiled by
 * `checkCode`, never run) and that no two skills share a name. All problems are listed, each with where it is.
 */
export async function readExportFile(text: string, checkCode: CodeCheck): Promise<Checked<ImportContents>> {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, problems: [`the file is larger than ${MAX_IMPORT_CHARS.toLocaleString('en')} characters`] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [jsonProblem(text, error)] };
  }
  if (!isRecord(parsed) || parsed.format !== EXPORT_FORMAT) return { ok: false, problems: [`the file is not a Tandem settings export (its "format" should be "${EXPORT_FORMAT}")`] };
  if (parsed.version !== EXPORT_VERSION) {
    const newer = typeof parsed.version === 'number' && parsed.version > EXPORT_VERSION;
    return { ok: false, problems: [`the file's version is ${JSON.stringify(parsed.version)}; this Tandem reads version ${EXPORT_VERSION}${newer ? ' (update Tandem to read it)' : ''}`] };
  }
  const problems: string[] = [];
  const settings = checkSettings(parsed.settings);
  if (!settings.ok) problems.push(...settings.problems);
  const skills: UserSkillDraft[] = [];
  if (!Array.isArray(parsed.skills)) problems.push('"skills" is missing or not a list');
  else {
    if (parsed.skills.length > MAX_USER_SKILLS) problems.push(`the file has ${parsed.skills.length} skills; at most ${MAX_USER_SKILLS} can be saved`);
    for (const [index, entry] of parsed.skills.entries()) {
      const label = isRecord(entry) && typeof entry.name === 'string' ? ` (“${entry.name.slice(0, 60)}”)` : '';
      const where = `skills[${index}]${label}`;
      const { id: _ignored, ...fields } = isRecord(entry) ? entry : { id: undefined };
      const checked = checkDraft(isRecord(entry) ? fields : entry, where);
      if (!checked.ok) {
        problems.push(...checked.problems);
        continue;
      }
      const code = await checkCode(checked.value.code);
      if (!code.ok) problems.push(`${where}: the code does not parse${code.line === undefined ? '' : ` (line ${code.line})`}: ${code.message}`);
      skills.push(checked.value);
    }
    for (const name of duplicateNames(skills)) problems.push(`two skills are named “${name}”: names must differ`);
  }
  if (problems.length > 0 || !settings.ok) return { ok: false, problems };
  return { ok: true, value: { settings: settings.value, skills } };
}

/**
 * The saved list after an import: a skill of the same name (any case) is replaced, keeping its id and
 * when it was made; the others are kept; new ones are added with ids from their names.
 */
export function mergeImportedSkills(saved: readonly UserSkill[], imported: readonly UserSkillDraft[], now: number, idFor: (name: string, taken: Set<string>) => string): UserSkill[] {
  const byName = new Map(saved.map((skill) => [skill.name.trim().toLowerCase(), skill]));
  const taken = new Set(saved.map((skill) => skill.id));
  const result = [...saved];
  for (const draft of imported) {
    const existing = byName.get(draft.name.trim().toLowerCase());
    if (existing) {
      const index = result.indexOf(existing);
      result[index] = { ...draft, id: existing.id, createdAt: existing.createdAt, updatedAt: now };
      continue;
    }
    const id = idFor(draft.name, taken);
    taken.add(id);
    result.push({ ...draft, id, createdAt: now, updatedAt: now });
  }
  return result;
}
