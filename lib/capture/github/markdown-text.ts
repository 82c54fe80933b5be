// Turns rendered markdown (a comment body, a README) back into markdown-ish text for the model:
// headings, lists, code fences, links and emphasis survive; controls and scripts do not.
import { clipText, dropPartialToken } from '../clip';
import { INVISIBLE_MARKS } from '../text';

const skippedTags = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT', 'FORM',
  'CLIPBOARD-COPY', 'DETAILS-MENU', 'TOOL-TIP', 'INCLUDE-FRAGMENT',
]);
const blockTags = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'TABLE', 'UL', 'OL', 'DL', 'DT', 'DD',
  'FIGURE', 'FIGCAPTION', 'DETAILS', 'SUMMARY', 'HR', 'MARKDOWN-ACCESSIBILITY-TABLE',
]);
const fence = '```';
/** Containers whose whitespace-only text is layout, not content. */
const structuralTags = new Set(['UL', 'OL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'DL']);

interface Writer {
  parts: string[];
  length: number;
  max: number;
}

/** Markdown-ish text of an element, at most about `max` characters; `cut` says whether it was shortened. */
export function markdownText(element: Element | null | undefined, max: number): { text: string; cut: boolean } {
  if (!element) return { text: '', cut: false };
  const writer: Writer = { parts: [], length: 0, max };
  writeChildren(element, writer, 0);
  const text = tidy(writer.parts.join(''));
  // Cut while it was written, the text ends where the writer stopped, mid-word perhaps.
  if (writer.length > max || text.length > max) return { text: `${text.length > max ? clipText(text, max) : dropPartialToken(text, 'x')}…[cut]`, cut: true };
  return { text, cut: false };
}

function write(writer: Writer, text: string): void {
  writer.parts.push(text);
  writer.length += text.length;
}

function writeChildren(element: Element, writer: Writer, listDepth: number): void {
  const structural = structuralTags.has(element.tagName.toUpperCase());
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (writer.length > writer.max) return;
    if (node.nodeType === 3) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ');
      if (!(structural && text.trim() === '')) write(writer, text);
    }
    else if (node.nodeType === 1) writeElement(node as Element, writer, listDepth);
  }
}

function writeElement(element: Element, writer: Writer, listDepth: number): void {
  const tag = element.tagName.toUpperCase();
  if (skippedTags.has(tag) || element.hasAttribute('hidden') || element.classList.contains('sr-only')) return;
  const heading = /^H([1-6])$/.exec(tag);
  if (heading) {
    write(writer, `\n\n${'#'.repeat(Number(heading[1]))} ${(element.textContent ?? '').replace(/\s+/g, ' ').trim()}\n\n`);
    return;
  }
  switch (tag) {
    case 'PRE':
      writeCodeBlock(element, writer);
      return;
    case 'CODE':
      write(writer, `\`${element.textContent ?? ''}\``);
      return;
    case 'BR':
      write(writer, '\n');
      return;
    case 'IMG': {
      const alt = element.getAttribute('alt');
      if (alt) write(writer, `[image: ${alt}]`);
      return;
    }
    case 'A':
      writeLink(element, writer, listDepth);
      return;
    case 'STRONG':
    case 'B':
      writeWrapped(element, writer, listDepth, '**');
      return;
    case 'EM':
    case 'I':
      writeWrapped(element, writer, listDepth, '_');
      return;
    case 'LI':
      writeListItem(element, writer, listDepth);
      return;
    case 'BLOCKQUOTE':
      write(writer, '\n\n> ');
      writeChildren(element, writer, listDepth);
      write(writer, '\n\n');
      return;
    case 'TR':
      write(writer, '\n|');
      writeChildren(element, writer, listDepth);
      return;
    case 'TD':
    case 'TH':
      write(writer, ' ');
      writeChildren(element, writer, listDepth);
      write(writer, ' |');
      return;
    default:
      break;
  }
  const block = blockTags.has(tag);
  if (block) write(writer, '\n\n');
  writeChildren(element, writer, tag === 'UL' || tag === 'OL' ? listDepth + 1 : listDepth);
  if (block) write(writer, '\n\n');
}

function writeCodeBlock(element: Element, writer: Writer): void {
  const languageSource = element.closest('[class*="highlight-source-"]')?.getAttribute('class') ?? element.getAttribute('lang') ?? '';
  const language = /highlight-source-([\w+-]+)/.exec(languageSource)?.[1] ?? '';
  const code = (element.textContent ?? '').replace(/\n+$/, '');
  write(writer, `\n\n${fence}${language}\n${code}\n${fence}\n\n`);
}

function writeLink(element: Element, writer: Writer, listDepth: number): void {
  const href = element.getAttribute('href') ?? '';
  const label = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!/^https?:\/\//.test(href) || label === '' || label === href) {
    writeChildren(element, writer, listDepth);
    return;
  }
  write(writer, `[${label}](${href})`);
}

function writeWrapped(element: Element, writer: Writer, listDepth: number, mark: string): void {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return;
  write(writer, mark);
  writeChildren(element, writer, listDepth);
  write(writer, mark);
}

function writeListItem(element: Element, writer: Writer, listDepth: number): void {
  const ordered = element.parentElement?.tagName.toUpperCase() === 'OL';
  const indent = '  '.repeat(Math.max(0, listDepth - 1));
  write(writer, `\n${indent}${ordered ? '1.' : '-'} `);
  writeChildren(element, writer, listDepth);
}

/** Trims each line and squeezes blank lines, leaving code fences exactly as they were. */
function tidy(raw: string): string {
  const output: string[] = [];
  let inFence = false;
  for (const line of raw.split('\n')) {
    if (line.trimStart().startsWith(fence)) {
      inFence = !inFence;
      output.push(line.trim());
      continue;
    }
    if (inFence) {
      output.push(line);
      continue;
    }
    const trimmed = line.replace(/[ \t]+/g, ' ').trim();
    const listMatch = /^(\s*)(- |1\. )/.exec(line.replace(/\t/g, ' '));
    const kept = listMatch ? `${listMatch[1] ?? ''}${trimmed}` : trimmed;
    if (kept === '' && (output.length === 0 || output[output.length - 1] === '')) continue;
    output.push(kept);
  }
  return output.join('\n').replace(INVISIBLE_MARKS, '').trim();
}
