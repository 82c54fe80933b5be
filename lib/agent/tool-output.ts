// What the model gets back from a tool: JSON for scripts, text for the rest, never unbounded.
import type { ScriptResult } from '../context/types';

export const defaultToolOutputMaxChars = 8192;

/** Cuts text to `maxChars`, saying so, so the model knows it saw only part. */
export function capText(text: string, maxChars: number, advice: string): string {
  if (text.length <= maxChars) return text;
  const note = `\n[cut: ${text.length} characters, only the first ${maxChars} shown. ${advice}]`;
  return text.slice(0, Math.max(0, maxChars - note.length)) + note;
}

/** Views are shown to the user directly; the model only needs to know they are there. */
function describeViews(result: ScriptResult): string[] | undefined {
  if (!result.views || result.views.length === 0) return undefined;
  return result.views.map((view) => (view.type === 'markdown' ? 'markdown' : `${view.type}${view.title ? `: ${view.title}` : ''}`));
}

export function scriptResultForModel(result: ScriptResult, maxChars: number): string {
  const shown = {
    ok: result.ok,
    ...(result.value !== undefined ? { value: result.value } : {}),
    ...(result.error !== undefined ? { error: result.error } : {}),
    ...(result.logs.length > 0 ? { logs: result.logs } : {}),
    ...(describeViews(result) ? { viewsShownToUser: describeViews(result) } : {}),
    ms: result.ms,
  };
  return capText(JSON.stringify(shown), maxChars, 'Return a smaller value, for example a summary or the top items.');
}
