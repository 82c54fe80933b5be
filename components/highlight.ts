// A small JavaScript/TypeScript/JSON highlighter for scripts and code in answers: HTML-escaped spans only,
// so the markdown sanitiser keeps them and nothing from the code can become markup.

const KEYWORDS = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'default', 'delete', 'do', 'else', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let', 'new', 'null', 'of', 'return', 'switch',
  'this', 'throw', 'true', 'try', 'typeof', 'undefined', 'var', 'void', 'while', 'yield', 'async', 'interface', 'type',
]);

const TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)|(\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b)|([A-Za-z_$][\w$]*)/g;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const HIGHLIGHTED = new Set(['js', 'javascript', 'ts', 'typescript', 'json', 'jsx', 'tsx', 'mjs']);

export function highlightCode(code: string, language = 'js'): string {
  if (!HIGHLIGHTED.has(language.toLowerCase())) return escapeHtml(code);
  let html = '';
  let last = 0;
  for (const match of code.matchAll(TOKEN)) {
    const [text, comment, string, number, word] = match;
    const index = match.index ?? 0;
    html += escapeHtml(code.slice(last, index));
    last = index + text.length;
    const kind = comment ? 'comment' : string ? 'string' : number ? 'number' : word && KEYWORDS.has(word) ? 'keyword' : null;
    html += kind ? `<span class="token-${kind}">${escapeHtml(text)}</span>` : escapeHtml(text);
  }
  return html + escapeHtml(code.slice(last));
}
