// A skill as a file of its own (`my-skill.js`, or a team's `.tandem/skills/*.js`): the script, led by
// optional `// key: value` comment lines that say what it is and where it applies:
//
//   // name: Migrations without rollback
//   // description: Did anyone touch a migration without a rollback?
//   // kinds: github.pull, github.pull.files
//   // url: github.com/acme/*/pull/*
//   // offer: card
//   return files().filter((file) => file.path.includes('/migrations/')).map((file) => file.path);
//
// The header ends at the first line that is not such a comment; the whole text (header included) is the code.
import type { PageKind } from '../context/types';
import type { UserSkillDraft } from './types';
import { checkDraft, PAGE_KINDS, type Checked } from './validate';

const HEADER_LINE = /^\s*\/\/\s*([a-z]+)\s*:\s*(.*?)\s*$/i;
const KEYS = new Set(['name', 'description', 'kinds', 'url', 'offer']);

/** `my-skill.js` → `my skill`. */
function nameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[cm]?js$/i, '').replace(/[-_]+/g, ' ').trim() || 'skill';
}

export function parseSkillFile(text: string, fileName: string): Checked<UserSkillDraft> {
  const header: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const match = HEADER_LINE.exec(line);
    const key = match?.[1]?.toLowerCase();
    if (!match || key === undefined || !KEYS.has(key)) break;
    header[key] = match[2] ?? '';
  }
  const kinds = header.kinds === undefined ? [...PAGE_KINDS] : header.kinds.split(',').map((kind) => kind.trim()).filter(Boolean);
  return checkDraft(
    {
      name: header.name ?? nameFromFile(fileName),
      description: header.description ?? '',
      kinds: kinds as PageKind[],
      urlPattern: header.url ?? '',
      offer: header.offer ?? 'on-demand',
      code: text,
      enabled: true,
    },
    fileName,
  );
}
