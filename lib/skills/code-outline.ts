// The shape of a file from the lines a file view shows: its declarations with line numbers, what it
// imports, its TODO-style markers, and which declaration a selected line range sits in. Line-based and
// language-aware by pattern (no parser): pure and sandbox-safe, for the file-outline skill.
import type { BlobData } from '../context/types';

export interface Declaration {
  line: number;
  kind: string;
  name: string;
  /** Leading whitespace width: a method sits deeper than its class. */
  indent: number;
}

export interface CodeOutline {
  declarations: Declaration[];
  imports: string[];
  markers: { line: number; text: string }[];
  /** The declaration the selection's first line sits in, when there is a selection. */
  enclosing?: Declaration;
  /** First and last line number read from the page. */
  read: { from: number; to: number };
  markdown: string;
}

interface Pattern {
  kind: string;
  regex: RegExp;
}

// The name is always the last capture group.
const JS: Pattern[] = [
  { kind: 'function', regex: /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/ },
  { kind: 'class', regex: /^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/ },
  { kind: 'interface', regex: /^\s*(?:export\s+)?(?:declare\s+)?interface\s+([A-Za-z_$][\w$]*)/ },
  { kind: 'type', regex: /^\s*(?:export\s+)?(?:declare\s+)?type\s+([A-Za-z_$][\w$]*)\s*(?:<[^=]*>)?\s*=/ },
  { kind: 'enum', regex: /^\s*(?:export\s+)?(?:const\s+)?enum\s+([A-Za-z_$][\w$]*)/ },
  { kind: 'function', regex: /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>|[A-Za-z_$][\w$]*\s*=>)/ },
  { kind: 'const', regex: /^export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/ },
  { kind: 'method', regex: /^\s+(?:(?:public|private|protected|static|readonly|override|async|get|set)\s+)*(?!(?:if|for|while|switch|catch|return|function|else|do|try|with|new|typeof|await)\b)([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\([^;]*\)\s*(?::\s*[^{;]+)?\{\s*$/ },
];
const PYTHON: Pattern[] = [
  { kind: 'function', regex: /^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)/ },
  { kind: 'class', regex: /^\s*class\s+([A-Za-z_]\w*)/ },
];
const GO: Pattern[] = [
  { kind: 'function', regex: /^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)/ },
  { kind: 'type', regex: /^type\s+([A-Za-z_]\w*)/ },
];
const RUST: Pattern[] = [
  { kind: 'function', regex: /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:extern\s+"[^"]*"\s+)?fn\s+([A-Za-z_]\w*)/ },
  { kind: 'type', regex: /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:struct|enum|trait|union|type)\s+([A-Za-z_]\w*)/ },
  { kind: 'impl', regex: /^\s*impl(?:<[^>]*>)?\s+(?:[\w:<>]+\s+for\s+)?([A-Za-z_][\w:]*)/ },
  { kind: 'module', regex: /^\s*(?:pub\s+)?mod\s+([A-Za-z_]\w*)/ },
];
const RUBY: Pattern[] = [
  { kind: 'method', regex: /^\s*def\s+(?:self\.)?([A-Za-z_]\w*[?!=]?)/ },
  { kind: 'class', regex: /^\s*(?:class|module)\s+([A-Z][\w:]*)/ },
];
const C_LIKE: Pattern[] = [
  { kind: 'class', regex: /^\s*(?:(?:public|private|protected|internal|static|abstract|final|sealed|partial|data|open)\s+)*(?:class|interface|struct|enum|record|object)\s+([A-Za-z_]\w*)/ },
  { kind: 'function', regex: /^\s*(?:(?:public|private|protected|internal|static|virtual|override|final|inline|extern|async|suspend|fun|func|abstract|synchronized)\s+)*(?:[\w:<>,*&[\]\s]+\s+\**)?(?!(?:if|for|while|switch|catch|return|else|sizeof|new)\b)([A-Za-z_~]\w*)\s*\([^;]*\)\s*(?:const\s*)?(?:throws [\w, ]+)?\{?\s*$/ },
];

function patternsFor(language: string | undefined, path: string): Pattern[] {
  const name = `${language ?? ''} ${path}`.toLowerCase();
  if (/typescript|javascript|\.[cm]?[jt]sx?\b|\.vue\b|\.svelte\b/.test(name)) return JS;
  if (/python|\.py\b/.test(name)) return PYTHON;
  if (/\bgo\b|\.go\b/.test(name)) return GO;
  if (/rust|\.rs\b/.test(name)) return RUST;
  if (/ruby|\.rb\b/.test(name)) return RUBY;
  return C_LIKE;
}

const IMPORT = /^\s*(?:import\s+(?:[^'"]*\s+from\s+)?['"]([^'"]+)['"]|import\s+([\w.]+)|from\s+([\w.]+)\s+import|(?:const|let|var)\s+[^=]+=\s*require\(['"]([^'"]+)['"]\)|#include\s+[<"]([^>"]+)[>"]|use\s+([\w:]+)|using\s+([\w.]+)\s*;|require(?:_relative)?\s+['"]([^'"]+)['"])/;
const MARKER = /\b(TODO|FIXME|XXX|HACK|BUG)\b[:\s]?(.*)$/;

function leadingWidth(line: string): number {
  const match = /^[\t ]*/.exec(line)?.[0] ?? '';
  return match.replace(/\t/g, '  ').length;
}

export function outlineCode(blob: BlobData): CodeOutline {
  const lines = blob.code.split('\n');
  const patterns = patternsFor(blob.language, blob.path);
  const declarations: Declaration[] = [];
  const imports: string[] = [];
  const markers: CodeOutline['markers'] = [];
  let inBlockComment = false;
  lines.forEach((text, index) => {
    const line = blob.codeStartLine + index;
    const marker = MARKER.exec(text);
    if (marker && /\/\/|#|\/\*|\*|--|<!--/.test(text.slice(0, marker.index))) markers.push({ line, text: `${marker[1]}${marker[2] ? `: ${marker[2].trim()}` : ''}` });
    const trimmed = text.trim();
    if (inBlockComment) {
      if (trimmed.includes('*/')) inBlockComment = false;
      return;
    }
    if (trimmed.startsWith('/*') && !trimmed.includes('*/')) {
      inBlockComment = true;
      return;
    }
    if (trimmed.startsWith('//') || trimmed.startsWith('*') || (trimmed.startsWith('#') && !trimmed.startsWith('#include'))) return;
    const imported = IMPORT.exec(text);
    if (imported) {
      const module = imported.slice(1).find((group) => group !== undefined);
      if (module && !imports.includes(module)) imports.push(module);
      return;
    }
    for (const pattern of patterns) {
      const match = pattern.regex.exec(text);
      if (match) {
        declarations.push({ line, kind: pattern.kind, name: match[match.length - 1]!, indent: leadingWidth(text) });
        break;
      }
    }
  });
  const read = { from: blob.codeStartLine, to: blob.codeStartLine + lines.length - 1 };
  const outline: CodeOutline = { declarations, imports, markers, read, markdown: '' };
  if (blob.selection) {
    const start = blob.selection.start;
    // The last declaration at or above the selection that is not deeper than the selected line itself.
    const selectedIndent = leadingWidth(lines[start - blob.codeStartLine] ?? '');
    const enclosing = [...declarations].reverse().find((declaration) => declaration.line <= start && (declaration.indent < selectedIndent || declaration.line === start));
    if (enclosing) outline.enclosing = enclosing;
  }
  outline.markdown = outlineMarkdown(blob, outline);
  return outline;
}

function outlineMarkdown(blob: BlobData, outline: CodeOutline): string {
  const parts: string[] = [];
  if (blob.selection) {
    const range = blob.selection.start === blob.selection.end ? `Line ${blob.selection.start}` : `Lines ${blob.selection.start}–${blob.selection.end}`;
    parts.push(outline.enclosing
      ? `**${range}** ${blob.selection.start === outline.enclosing.line ? 'start' : 'sit in'} ${outline.enclosing.kind} \`${outline.enclosing.name}\`${blob.selection.start === outline.enclosing.line ? '' : `, declared at line ${outline.enclosing.line}`}.`
      : `**${range}** sit at the top level of the file, outside any declaration Tandem recognised.`);
  }
  const whole = outline.read.from === 1 && outline.read.to >= blob.lineCount;
  const readNote = whole ? `all ${blob.lineCount} lines` : `lines ${outline.read.from}–${outline.read.to} of ${blob.lineCount}, as the page showed them`;
  if (outline.declarations.length > 0) {
    const minimum = Math.min(...outline.declarations.map((declaration) => declaration.indent));
    const shown = outline.declarations.slice(0, 40);
    const list = shown.map((declaration) => `${'  '.repeat(declaration.indent > minimum ? 1 : 0)}- line ${declaration.line}: ${declaration.kind} \`${declaration.name}\``);
    if (outline.declarations.length > shown.length) list.push(`- and ${outline.declarations.length - shown.length} more`);
    parts.push(`**Declarations** (${readNote}):\n${list.join('\n')}`);
  } else {
    parts.push(`No functions, classes or types recognised in ${readNote}.`);
  }
  if (outline.imports.length > 0) parts.push(`**Depends on:** ${outline.imports.slice(0, 15).map((module) => `\`${module}\``).join(', ')}${outline.imports.length > 15 ? `, and ${outline.imports.length - 15} more` : ''}.`);
  if (outline.markers.length > 0) parts.push(`**Marked in the code:**\n${outline.markers.slice(0, 10).map((marker) => `- line ${marker.line}: ${marker.text}`).join('\n')}`);
  return parts.join('\n\n');
}
